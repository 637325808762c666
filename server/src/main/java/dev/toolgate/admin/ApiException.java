package dev.toolgate.admin;

import dev.toolgate.support.FieldError;
import dev.toolgate.support.ToolgateException;
import java.util.List;
import java.util.Map;

/**
 * An admin API request answered with an error status. The message is safe to show; {@code details} name the fields
 * at fault.
 */
final class ApiException extends ToolgateException {
    private static final long serialVersionUID = 1L;

    private final int status;
    private final String code;
    private final transient List<FieldError> details;
    private final transient Map<String, String> headers;

    ApiException(int status, String code, String message, List<FieldError> details, Map<String, String> headers) {
        super(message);
        this.status = status;
        this.code = code;
        this.details = List.copyOf(details);
        this.headers = Map.copyOf(headers);
    }

    static ApiException badRequest(String field, String message) {
        return new ApiException(
                400, "invalid_request", field + ": " + message, List.of(new FieldError(field, message)), Map.of());
    }

    static ApiException notFound(String what) {
        return new ApiException(404, "not_found", what + " not found", List.of(), Map.of());
    }

    static ApiException unauthorized() {
        return new ApiException(
                401,
                "unauthorized",
                "send 'Authorization: Bearer <API token>'; create a token with ./toolgate token create --environment NAME",
                List.of(),
                Map.of("WWW-Authenticate", "Bearer realm=\"toolgate\""));
    }

    int status() {
        return status;
    }

    String code() {
        return code;
    }

    List<FieldError> details() {
        return details;
    }

    Map<String, String> headers() {
        return headers;
    }
}
