package dev.toolgate.mcp;

import dev.toolgate.support.Json;
import java.util.Map;
import java.util.Objects;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * An MCP request refused at the HTTP level, with a JSON-RPC error body without id (as the transport spec allows).
 *
 * @param status HTTP status
 * @param code JSON-RPC error code
 * @param message safe message for the client
 * @param data optional error data
 * @param headers extra response headers
 */
record HttpRejection(int status, int code, String message, JsonNode data, Map<String, String> headers) {
    HttpRejection {
        Objects.requireNonNull(message);
        headers = Map.copyOf(headers);
    }

    static HttpRejection of(int status, int code, String message) {
        return new HttpRejection(status, code, message, null, Map.of());
    }

    ObjectNode body() {
        return data == null ? JsonRpc.error(null, code, message) : JsonRpc.error(null, code, message, data);
    }

    static JsonNode supportedVersions() {
        var data = Json.object();
        var list = data.putArray("supported");
        ProtocolVersions.SUPPORTED.forEach(list::add);
        return data;
    }
}
