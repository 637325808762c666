package dev.toolgate.sandbox.finexio;

import dev.toolgate.sandbox.emulation.SandboxJson;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.node.ObjectNode;

/**
 * An error answer. Auth and throttling answer Django REST Framework's {@code {"detail": "..."}}, as Finexio's guides
 * show; 404s and validation failures answer the ProblemDetails shape Finexio's OpenAPI document declares
 * ({@code {type, title, status, detail, instance}}), with an {@code errors} member naming each field at fault.
 */
final class FinexioError extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final int status;
    private final transient ObjectNode body;
    private final long retryAfterSeconds;

    private FinexioError(int status, ObjectNode body, long retryAfterSeconds) {
        super(body.toString(), null, false, false);
        this.status = status;
        this.body = body;
        this.retryAfterSeconds = retryAfterSeconds;
    }

    static FinexioError detail(int status, String detail) {
        return new FinexioError(status, SandboxJson.object().put("detail", detail), 0);
    }

    /** DRF's throttled answer: "Request was throttled. Expected available in N seconds." plus Retry-After. */
    static FinexioError throttled(long seconds) {
        String wait = seconds == 1 ? "1 second." : seconds + " seconds.";
        ObjectNode body = SandboxJson.object().put("detail", "Request was throttled. Expected available in " + wait);
        return new FinexioError(429, body, seconds);
    }

    static FinexioError notFound(String path, String detail) {
        return new FinexioError(404, problem(404, "Not Found", detail, path), 0);
    }

    /** 400 with every field error, e.g. {@code {"username": ["This field is required."]}}. */
    static FinexioError invalid(String path, String detail, Map<String, List<String>> errors) {
        ObjectNode body = problem(400, "Bad Request", detail, path);
        ObjectNode fields = body.putObject("errors");
        errors.forEach((field, messages) ->
                messages.forEach(m -> fields.withArray(field).add(m)));
        return new FinexioError(400, body, 0);
    }

    int status() {
        return status;
    }

    ObjectNode body() {
        return body;
    }

    long retryAfterSeconds() {
        return retryAfterSeconds;
    }

    private static ObjectNode problem(int status, String title, String detail, String path) {
        ObjectNode body = SandboxJson.object();
        body.put("type", "https://tools.ietf.org/html/rfc9110#section-15.5." + (status == 404 ? "5" : "1"));
        body.put("title", title);
        body.put("status", status);
        body.put("detail", detail);
        body.put("instance", path);
        return body;
    }
}
