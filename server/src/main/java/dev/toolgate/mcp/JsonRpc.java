package dev.toolgate.mcp;

import dev.toolgate.support.Json;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.NullNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * JSON-RPC 2.0 error codes and response builders.
 *
 * @see <a href="https://modelcontextprotocol.io/specification/2025-11-25/basic/index">MCP base protocol</a>
 * @see <a href="https://modelcontextprotocol.io/specification/2026-07-28/basic/index#error-codes">MCP error codes
 *     (2026-07-28)</a>
 */
final class JsonRpc {
    static final int PARSE_ERROR = -32700;
    static final int INVALID_REQUEST = -32600;
    static final int METHOD_NOT_FOUND = -32601;
    static final int INVALID_PARAMS = -32602;
    static final int INTERNAL_ERROR = -32603;
    /** 2026-07-28: the HTTP headers do not match the body, or a required header is missing or malformed. */
    static final int HEADER_MISMATCH = -32020;
    /** 2026-07-28: the requested protocol version is not one the server implements ({@code data.supported}). */
    static final int UNSUPPORTED_PROTOCOL_VERSION = -32022;

    private JsonRpc() {}

    static ObjectNode result(JsonNode id, JsonNode result) {
        ObjectNode response = envelope(id);
        response.set("result", result);
        return response;
    }

    static ObjectNode error(JsonNode id, int code, String message) {
        ObjectNode response = envelope(id);
        ObjectNode error = response.putObject("error");
        error.put("code", code);
        error.put("message", message);
        return response;
    }

    static ObjectNode error(JsonNode id, int code, String message, JsonNode data) {
        ObjectNode response = error(id, code, message);
        ((ObjectNode) response.get("error")).set("data", data);
        return response;
    }

    private static ObjectNode envelope(JsonNode id) {
        ObjectNode response = Json.object();
        response.put("jsonrpc", "2.0");
        response.set("id", id == null ? NullNode.getInstance() : id);
        return response;
    }
}
