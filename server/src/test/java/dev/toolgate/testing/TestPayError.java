package dev.toolgate.testing;

import dev.toolgate.support.Json;
import tools.jackson.databind.node.ObjectNode;

/** An error answer of {@link TestPayUpstream}: a status and the exact JSON body the real API would send. */
final class TestPayError extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final int status;
    private final transient ObjectNode body;

    private TestPayError(int status, ObjectNode body) {
        super(body.toString(), null, false, false);
        this.status = status;
        this.body = body;
    }

    /** Stripe style: {@code {"error": {"type": "invalid_request_error", "message", "param"?}}}. */
    static TestPayError invalid(int status, String message, String param) {
        ObjectNode body = Json.object();
        ObjectNode error = body.putObject("error");
        error.put("type", "invalid_request_error");
        error.put("message", message);
        if (param != null) {
            error.put("param", param);
        }
        return new TestPayError(status, body);
    }

    static TestPayError noSuch(String kind, String id, String param) {
        return invalid(404, "No such " + kind + ": '" + id + "'", param);
    }

    /** Django REST framework style, as the v2 (Finexio-like) endpoints answer: {@code {"detail": "..."}}. */
    static TestPayError detail(int status, String detail) {
        ObjectNode body = Json.object();
        body.put("detail", detail);
        return new TestPayError(status, body);
    }

    int status() {
        return status;
    }

    ObjectNode body() {
        return body;
    }
}
