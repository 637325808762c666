package dev.toolgate.integration;

import java.util.Objects;
import java.util.Optional;

/**
 * One method of a resource: what to send where, and whether it is documented (only documented methods become tools).
 *
 * @param name method name ({@code list}, {@code get}, ..., or a custom name such as {@code search})
 * @param kind derived from the name
 * @param httpMethod upper-case HTTP verb
 * @param path path template relative to the base URL; placeholders are whole segments
 * @param pagination how this method's results page; present for every list and paginated custom method
 * @param documentation description and argument schemas; absent means "undocumented: no tool"
 * @param readOnly true when calling it changes nothing upstream
 * @param destructive true when it moves money, deletes, or cannot be undone
 * @param idempotent true when repeating the same call has no additional effect
 * @param bodyEncoding how the body is encoded for this method
 * @param bodyProperty when the body is a JSON array, the tool argument that carries it
 * @param sendsIdempotencyKey true when the gateway adds a fresh idempotency key header to each call
 */
public record Method(
        String name,
        MethodKind kind,
        String httpMethod,
        PathTemplate path,
        Optional<Pagination> pagination,
        Optional<Documentation> documentation,
        boolean readOnly,
        boolean destructive,
        boolean idempotent,
        BodyEncoding bodyEncoding,
        Optional<String> bodyProperty,
        boolean sendsIdempotencyKey) {

    public Method {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(httpMethod, "httpMethod");
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(pagination, "pagination");
        Objects.requireNonNull(documentation, "documentation");
        Objects.requireNonNull(bodyEncoding, "bodyEncoding");
        Objects.requireNonNull(bodyProperty, "bodyProperty");
    }

    public boolean isPaginated() {
        return pagination.isPresent();
    }
}
