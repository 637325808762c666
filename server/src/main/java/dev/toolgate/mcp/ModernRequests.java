package dev.toolgate.mcp;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import tools.jackson.databind.JsonNode;

/**
 * The checks a 2026-07-28 (modern, stateless) request passes before it is served: the version it asks for, the
 * request-metadata headers against the body, and the required {@code _meta} fields. Pure; every refusal is a 400
 * that answers the request's id.
 *
 * <ol>
 *   <li>{@code MCP-Protocol-Version}, {@code Mcp-Method} and (for {@code tools/call}, {@code prompts/get},
 *       {@code resources/read}) {@code Mcp-Name}: missing, repeated, malformed or not equal to the body → -32020
 *       HeaderMismatch. {@code Mcp-Name} is decoded from its Base64 form before comparing. A header naming a version
 *       we do not implement → -32022 with {@code data.supported} (the endpoint already refuses those before reading
 *       the body).
 *   <li>{@code _meta} lacks {@code io.modelcontextprotocol/protocolVersion} or
 *       {@code io.modelcontextprotocol/clientCapabilities}: -32602 ("A request missing any required field is
 *       malformed; the server MUST reject it with JSON-RPC error code -32602 ... On HTTP, the response status MUST
 *       be 400").
 *   <li>A {@code _meta} version different from the header, whether or not we know it: -32020 ("The header value
 *       MUST match the io.modelcontextprotocol/protocolVersion field ... If the values do not match, the server MUST
 *       reject the request with 400 Bad Request and a HeaderMismatch JSON-RPC error"). So -32022 answers only a
 *       version both places agree on.
 * </ol>
 *
 * <p>Header values are compared case-sensitively; header names are case-insensitive (the servlet container's lookup).
 * A header sent twice is refused: an intermediary may route on one copy while we would read the other.
 *
 * @see <a href="https://modelcontextprotocol.io/specification/2026-07-28/basic/transports/streamable-http#server-validation">Server
 *     validation</a>
 */
final class ModernRequests {
    static final String VERSION_HEADER = "MCP-Protocol-Version";
    static final String METHOD_HEADER = "Mcp-Method";
    static final String NAME_HEADER = "Mcp-Name";
    static final String META_CLIENT_CAPABILITIES = "io.modelcontextprotocol/clientCapabilities";

    /** The body field each method mirrors into {@code Mcp-Name}. */
    private static final Map<String, String> NAME_SOURCES =
            Map.of("tools/call", "name", "prompts/get", "name", "resources/read", "uri");

    private static final int ECHO_LIMIT = 80;

    /** Every value of one request header (name matched case-insensitively), in order; empty when absent. */
    @FunctionalInterface
    interface Headers {
        List<String> values(String name);
    }

    private ModernRequests() {}

    /** Why this request must not be served, or empty when it may be. */
    static Optional<HttpRejection> check(McpMessage.Request request, Headers headers) {
        try {
            verify(request, headers);
            return Optional.empty();
        } catch (McpRejection r) {
            return Optional.of(r.rejection().withId(request.id()));
        }
    }

    /**
     * A modern notification: the revision defines no client notifications over HTTP and no header rules for them,
     * so it is accepted, unless it carries an {@code Mcp-Method} that contradicts its body.
     */
    static Optional<HttpRejection> checkNotification(String method, Headers headers) {
        List<String> values = headers.values(METHOD_HEADER);
        if (values.isEmpty()) {
            return Optional.empty();
        }
        try {
            String header = single(values, METHOD_HEADER);
            return header.equals(method)
                    ? Optional.empty()
                    : Optional.of(mismatchRejection(notEqual(METHOD_HEADER, header, "method", method)));
        } catch (McpRejection r) {
            return Optional.of(r.rejection());
        }
    }

    private static void verify(McpMessage.Request request, Headers headers) {
        JsonNode meta = request.params()
                .map(p -> p.get("_meta"))
                .filter(JsonNode::isObject)
                .orElse(null);
        JsonNode metaVersion = meta == null ? null : meta.get(ProtocolVersions.META_PROTOCOL_VERSION);

        String version = required(headers, VERSION_HEADER);
        if (!ProtocolVersions.isSupported(version)) {
            throw new McpRejection(HttpRejection.unsupportedVersion(version));
        }
        String method = required(headers, METHOD_HEADER);
        if (!method.equals(request.method())) {
            throw mismatch(notEqual(METHOD_HEADER, method, "method", request.method()));
        }
        String nameSource = NAME_SOURCES.get(request.method());
        if (nameSource != null) {
            String raw = required(headers, NAME_HEADER);
            String name = McpHeaderValue.decode(raw)
                    .orElseThrow(
                            () -> mismatch(
                                    "Header mismatch: Mcp-Name is malformed (plain visible ASCII, or =?base64?<UTF-8 as Base64>?=)"));
            JsonNode body = request.params().map(p -> p.get(nameSource)).orElse(null);
            if (body == null || !body.isString() || !body.asString().equals(name)) {
                throw mismatch(notEqual(
                        NAME_HEADER,
                        name,
                        "params." + nameSource,
                        body == null ? "(absent)" : body.isString() ? body.asString() : body.toString()));
            }
        }

        if (metaVersion == null || !metaVersion.isString()) {
            throw invalidParams("Invalid params: params._meta[\"" + ProtocolVersions.META_PROTOCOL_VERSION
                    + "\"] is required (a string) on every 2026-07-28 request");
        }
        if (!metaVersion.asString().equals(version)) {
            throw mismatch(notEqual(VERSION_HEADER, version, "_meta protocolVersion", metaVersion.asString()));
        }
        JsonNode capabilities = meta.get(META_CLIENT_CAPABILITIES);
        if (capabilities == null || !capabilities.isObject()) {
            throw invalidParams("Invalid params: params._meta[\"" + META_CLIENT_CAPABILITIES
                    + "\"] is required (an object, {} when the client has none) on every 2026-07-28 request");
        }
    }

    private static String required(Headers headers, String name) {
        List<String> values = headers.values(name);
        if (values.isEmpty()) {
            throw mismatch("Header mismatch: the " + name + " header is required");
        }
        return single(values, name);
    }

    private static String single(List<String> values, String name) {
        if (values.size() > 1) {
            throw mismatch("Header mismatch: the " + name + " header must be sent once");
        }
        return values.get(0).strip();
    }

    private static String notEqual(String header, String headerValue, String field, String bodyValue) {
        return "Header mismatch: " + header + " header value '" + echo(headerValue) + "' does not match body value "
                + field + " '" + echo(bodyValue) + "'";
    }

    private static String echo(String value) {
        return value.length() <= ECHO_LIMIT ? value : value.substring(0, ECHO_LIMIT) + "...";
    }

    private static McpRejection mismatch(String message) {
        return new McpRejection(mismatchRejection(message));
    }

    private static HttpRejection mismatchRejection(String message) {
        return HttpRejection.of(400, JsonRpc.HEADER_MISMATCH, message);
    }

    private static McpRejection invalidParams(String message) {
        return new McpRejection(HttpRejection.of(400, JsonRpc.INVALID_PARAMS, message));
    }
}
