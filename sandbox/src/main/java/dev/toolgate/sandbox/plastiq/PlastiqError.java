package dev.toolgate.sandbox.plastiq;

import java.util.List;

/**
 * An error answer in Plastiq's shape: {@code {code, message, details: [{details}], statusCode, traceId}}. Thrown by
 * handlers and rendered by {@link PlastiqSandbox}; the trace id is the request's.
 */
final class PlastiqError extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final int status;
    private final String code;
    private final List<String> details;
    private final long retryAfterSeconds;

    private PlastiqError(int status, String code, String message, List<String> details, long retryAfterSeconds) {
        super(message, null, false, false);
        this.status = status;
        this.code = code;
        this.details = List.copyOf(details);
        this.retryAfterSeconds = retryAfterSeconds;
    }

    /** 400 VALIDATION_ERROR; each detail names the field at fault. */
    static PlastiqError validation(List<String> details) {
        String message = "Validation failed: " + details.get(0)
                + (details.size() > 1 ? " (and " + (details.size() - 1) + " more)" : "");
        return new PlastiqError(400, "VALIDATION_ERROR", message, details, 0);
    }

    static PlastiqError validation(String detail) {
        return validation(List.of(detail));
    }

    static PlastiqError notFound(String what, String id) {
        return new PlastiqError(404, "NOT_FOUND_ERROR", what + " " + id + " was not found", List.of(), 0);
    }

    static PlastiqError unauthorized() {
        return new PlastiqError(401, "AUTHORIZATION_ERROR", "Missing or invalid API key", List.of(), 0);
    }

    static PlastiqError tooManyRequests(long retryAfterSeconds) {
        return new PlastiqError(
                429,
                "TOO_MANY_REQUESTS",
                "Too many requests; retry in " + retryAfterSeconds + " seconds",
                List.of(),
                retryAfterSeconds);
    }

    int status() {
        return status;
    }

    String code() {
        return code;
    }

    List<String> details() {
        return details;
    }

    /** Seconds for {@code Retry-After}; 0 when the error is not a rate limit. */
    long retryAfterSeconds() {
        return retryAfterSeconds;
    }
}
