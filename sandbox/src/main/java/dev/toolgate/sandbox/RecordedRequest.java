package dev.toolgate.sandbox;

import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A request as a sandbox received it, for tests to assert on what actually went over the wire.
 *
 * @param method HTTP verb
 * @param path request path (raw, as received)
 * @param query raw query string, or empty
 * @param headers request headers, lower-case names
 * @param body raw body as UTF-8 text
 */
public record RecordedRequest(
        String method, String path, String query, Map<String, List<String>> headers, String body) {
    public RecordedRequest {
        Objects.requireNonNull(method);
        Objects.requireNonNull(path);
        Objects.requireNonNull(query);
        headers = Map.copyOf(headers);
        Objects.requireNonNull(body);
    }

    public String header(String name) {
        List<String> values = headers.get(name.toLowerCase(java.util.Locale.ROOT));
        return values == null || values.isEmpty() ? null : values.get(0);
    }
}
