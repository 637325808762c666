package dev.toolgate.upstream;

import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * One fully mapped upstream request, ready to send. Holds credentials in {@code headers}: never log it.
 *
 * @param verb upper-case HTTP method
 * @param uri absolute URL with the encoded path and query
 * @param headers header fields in sending order, names unique ignoring case
 * @param body the body for POST, PUT and PATCH; empty for other verbs
 */
record UpstreamRequest(String verb, URI uri, List<Map.Entry<String, String>> headers, Optional<Body> body) {
    UpstreamRequest {
        Objects.requireNonNull(verb);
        Objects.requireNonNull(uri);
        headers = List.copyOf(headers);
        Objects.requireNonNull(body);
    }

    /** Verb, host and header names only: values may be credentials, and the path and query may carry ids. */
    @Override
    public String toString() {
        return "UpstreamRequest[" + verb + " " + uri.getScheme() + "://" + uri.getAuthority() + ", headers "
                + headers.stream().map(Map.Entry::getKey).toList() + ", body "
                + body.map(b -> b.bytes().length + " bytes").orElse("none") + "]";
    }

    /** An encoded request body and its media type. */
    record Body(String contentType, byte[] bytes) {
        Body {
            Objects.requireNonNull(contentType);
            Objects.requireNonNull(bytes);
        }
    }
}
