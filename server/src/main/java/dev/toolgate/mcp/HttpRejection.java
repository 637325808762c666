package dev.toolgate.mcp;

import dev.toolgate.support.Json;
import java.util.Map;
import java.util.Objects;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * An MCP request refused at the HTTP level, with a JSON-RPC error body. The body has no id (as the transport spec
 * allows) unless the refusal concerns a request whose id could be read.
 *
 * @param status HTTP status
 * @param code JSON-RPC error code
 * @param message safe message for the client
 * @param data optional error data
 * @param headers extra response headers
 * @param id the refused request's id, or null
 */
record HttpRejection(int status, int code, String message, JsonNode data, Map<String, String> headers, JsonNode id) {
    HttpRejection {
        Objects.requireNonNull(message);
        headers = Map.copyOf(headers);
    }

    HttpRejection(int status, int code, String message, JsonNode data, Map<String, String> headers) {
        this(status, code, message, data, headers, null);
    }

    static HttpRejection of(int status, int code, String message) {
        return new HttpRejection(status, code, message, null, Map.of());
    }

    /** The same refusal, answering the request with this id. */
    HttpRejection withId(JsonNode requestId) {
        return new HttpRejection(status, code, message, data, headers, requestId);
    }

    ObjectNode body() {
        return data == null ? JsonRpc.error(id, code, message) : JsonRpc.error(id, code, message, data);
    }

    /**
     * 400 with {@code UnsupportedProtocolVersionError} (-32022): the version is unknown or not one we implement.
     * {@code data.supported} lists every version of both eras, so a modern client can retry with one it shares and
     * a handshake-era client still gets the 400 its revision requires.
     */
    static HttpRejection unsupportedVersion(String requested) {
        var data = Json.object();
        var list = data.putArray("supported");
        ProtocolVersions.SUPPORTED.forEach(list::add);
        data.put("requested", requested);
        return new HttpRejection(
                400, JsonRpc.UNSUPPORTED_PROTOCOL_VERSION, "Unsupported protocol version", data, Map.of());
    }
}
