package dev.toolgate.mcp;

import java.util.Objects;
import java.util.Optional;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/** One JSON-RPC message received from a client, already checked for the envelope's shape. */
sealed interface McpMessage {

    /** A request: has an id and expects a response. */
    record Request(JsonNode id, String method, Optional<ObjectNode> params) implements McpMessage {
        public Request {
            Objects.requireNonNull(id);
            Objects.requireNonNull(method);
            Objects.requireNonNull(params);
        }
    }

    /** A notification: no id, no response. */
    record Notification(String method) implements McpMessage {
        public Notification {
            Objects.requireNonNull(method);
        }
    }

    /** A client's response to a server request (we send none, so these are acknowledged and dropped). */
    record ClientResponse() implements McpMessage {}

    /** A message that is not valid JSON-RPC; {@code error} is the response to send. */
    record Invalid(ObjectNode error) implements McpMessage {
        public Invalid {
            Objects.requireNonNull(error);
        }
    }

    /** Classifies one element of a POST body. */
    static McpMessage parse(JsonNode node) {
        if (!node.isObject()) {
            return invalid(null, "a JSON-RPC message must be an object");
        }
        JsonNode id = node.get("id");
        boolean validId = id != null && (id.isString() || id.isIntegralNumber());
        if (!"2.0".equals(node.path("jsonrpc").asString(""))) {
            return invalid(validId ? id : null, "jsonrpc must be \"2.0\"");
        }
        if (id != null && !validId) {
            return invalid(null, "id must be a string or an integer (never null)");
        }
        JsonNode method = node.get("method");
        if (method == null) {
            return node.has("result") || node.has("error") ? new ClientResponse() : invalid(id, "method is required");
        }
        if (!method.isString() || method.asString().isEmpty()) {
            return invalid(id, "method must be a non-empty string");
        }
        JsonNode params = node.get("params");
        if (params != null && !params.isNull() && !params.isObject()) {
            return invalid(id, "params must be an object");
        }
        Optional<ObjectNode> p =
                params == null || params.isNull() ? Optional.empty() : Optional.of((ObjectNode) params);
        return id == null ? new Notification(method.asString()) : new Request(id, method.asString(), p);
    }

    private static Invalid invalid(JsonNode id, String reason) {
        return new Invalid(JsonRpc.error(id, JsonRpc.INVALID_REQUEST, "Invalid Request: " + reason));
    }
}
