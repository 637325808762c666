package dev.toolgate.sandbox.stripe;

import java.util.Optional;
import tools.jackson.databind.node.ObjectNode;

/**
 * An error answer in Stripe's shape ({@code {"error": {type, code?, message, param?, doc_url?}}}). Thrown from deep
 * inside request handling because every such path ends the request the same way: the pipeline renders it.
 */
final class StripeException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final int status;
    private final String type;
    private final String code;
    private final String param;

    StripeException(int status, String type, String code, String message, String param) {
        super(message, null, false, false);
        this.status = status;
        this.type = type;
        this.code = code;
        this.param = param;
    }

    static StripeException invalid(String message, String param) {
        return new StripeException(400, "invalid_request_error", null, message, param);
    }

    static StripeException invalid(String code, String message, String param) {
        return new StripeException(400, "invalid_request_error", code, message, param);
    }

    static StripeException missing(String param) {
        return invalid("parameter_missing", "Missing required param: " + param + ".", param);
    }

    /** A missing object: 404 when addressed by the path, 400 with the parameter when referenced by one. */
    static StripeException noSuch(String objectName, String id, String param) {
        String message = "No such " + objectName + ": '" + id + "'";
        int status = param == null ? 404 : 400;
        return new StripeException(status, "invalid_request_error", "resource_missing", message, param);
    }

    int status() {
        return status;
    }

    Optional<String> param() {
        return Optional.ofNullable(param);
    }

    ObjectNode body() {
        ObjectNode error = Nodes.object();
        if (code != null) {
            error.put("code", code);
            error.put("doc_url", "https://stripe.com/docs/error-codes/" + code.replace('_', '-'));
        }
        error.put("message", getMessage());
        if (param != null) {
            error.put("param", param);
        }
        error.put("type", type);
        ObjectNode body = Nodes.object();
        body.set("error", error);
        return body;
    }
}
