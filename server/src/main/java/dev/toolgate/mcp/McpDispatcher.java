package dev.toolgate.mcp;

import dev.toolgate.observability.RequestIds;
import dev.toolgate.servers.ResolvedServer;
import dev.toolgate.support.Json;
import dev.toolgate.tools.Tool;
import dev.toolgate.upstream.CallOutcome;
import dev.toolgate.upstream.ToolInvoker;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;
import tools.jackson.databind.util.RawValue;

/**
 * Answers MCP requests for one resolved server. Handshake era: {@code initialize}, {@code ping}, {@code tools/list},
 * {@code tools/call} and {@code logging/setLevel}. 2026-07-28: {@code server/discover}, {@code tools/list} and
 * {@code tools/call}, every result with {@code resultType} and the server's identity in {@code _meta}; anything else
 * (including {@code initialize}, {@code ping} and {@code logging/setLevel}, which that revision removed) is an unknown
 * method, answered with HTTP 404. Transport-independent; the tool set is always the server's own filtered catalog, so
 * a filtered-out tool is unknown here.
 *
 * @see <a href="https://modelcontextprotocol.io/specification/2025-11-25/server/tools">Tools</a>
 * @see <a href="https://modelcontextprotocol.io/specification/2026-07-28/server/tools">Tools (2026-07-28)</a>
 */
final class McpDispatcher {
    private static final Logger LOG = LoggerFactory.getLogger(McpDispatcher.class);
    /** {@code resultType} of every complete 2026-07-28 result (we never need {@code input_required}). */
    static final String RESULT_COMPLETE = "complete";

    static final String META_SERVER_INFO = "io.modelcontextprotocol/serverInfo";
    /**
     * How long a client may reuse {@code server/discover}: 1 hour. Versions, capabilities and instructions change only
     * with a Toolgate upgrade; {@code private} like the tool list, because it names the server's integration.
     */
    static final long DISCOVER_TTL_MS = 3_600_000;

    private final ToolInvoker invoker;
    private final ToolsListPages pages;
    private final String serverVersion;

    McpDispatcher(ToolInvoker invoker, ToolsListPages pages, String serverVersion) {
        this.invoker = invoker;
        this.pages = pages;
        this.serverVersion = serverVersion;
    }

    /**
     * A response, the HTTP headers it asks for, its HTTP status on Streamable HTTP, and (for the audit log) the tool a
     * {@code tools/call} named.
     */
    record Answer(ObjectNode response, Map<String, String> headers, int httpStatus, Optional<Called> call) {
        Answer(ObjectNode response, Map<String, String> headers, int httpStatus) {
            this(response, headers, httpStatus, Optional.empty());
        }

        Answer(ObjectNode response, Map<String, String> headers) {
            this(response, headers, 200);
        }

        static Answer of(ObjectNode response) {
            return new Answer(response, Map.of());
        }

        /** This answer to a call of {@code tool}, which ran with {@code outcome} (empty: it was refused first). */
        Answer calling(String tool, Optional<CallOutcome> outcome) {
            return new Answer(response, headers, httpStatus, Optional.of(new Called(tool, outcome)));
        }
    }

    /** The tool a {@code tools/call} named and, when it ran, its outcome. */
    record Called(String tool, Optional<CallOutcome> outcome) {}

    /** Answers {@code request} under {@code protocolVersion}, a handshake-era or a (validated) modern version. */
    Answer handle(McpMessage.Request request, ResolvedServer server, String protocolVersion) {
        try {
            if (ProtocolVersions.isModern(protocolVersion)) {
                return modern(request, server, protocolVersion);
            }
            return switch (request.method()) {
                case "initialize" -> Answer.of(initialize(request, server));
                case "ping", "logging/setLevel" -> Answer.of(JsonRpc.result(request.id(), Json.object()));
                case "tools/list" -> Answer.of(toolsList(request, server, false));
                case "tools/call" -> toolsCall(request, server, protocolVersion);
                default ->
                    Answer.of(JsonRpc.error(
                            request.id(), JsonRpc.METHOD_NOT_FOUND, "Method not found: " + request.method()));
            };
        } catch (RuntimeException e) {
            LOG.error(
                    "MCP {} failed for server {}",
                    request.method(),
                    server.server().id(),
                    e);
            return Answer.of(JsonRpc.error(request.id(), JsonRpc.INTERNAL_ERROR, internalError()));
        }
    }

    private Answer modern(McpMessage.Request request, ResolvedServer server, String protocolVersion) {
        return switch (request.method()) {
            case "server/discover" -> Answer.of(discover(request, server));
            case "tools/list" -> Answer.of(toolsList(request, server, true));
            case "tools/call" -> complete(toolsCall(request, server, protocolVersion), server);
            // "If the server does not implement the requested RPC method, it MUST respond with 404 Not Found and a
            // JSON-RPC error with code -32601" (2026-07-28 Streamable HTTP).
            default ->
                new Answer(
                        JsonRpc.error(
                                request.id(),
                                JsonRpc.METHOD_NOT_FOUND,
                                "Method not found: " + request.method() + " (protocol version " + protocolVersion
                                        + ")"),
                        Map.of(),
                        404);
        };
    }

    /** {@code DiscoverResult}: versions, capabilities and instructions, cacheable, the identity in {@code _meta}. */
    private ObjectNode discover(McpMessage.Request request, ResolvedServer server) {
        ObjectNode result = Json.object();
        result.put("resultType", RESULT_COMPLETE);
        var versions = result.putArray("supportedVersions");
        ProtocolVersions.SUPPORTED.forEach(versions::add);
        result.putObject("capabilities").putObject("tools").put("listChanged", false);
        result.put("instructions", instructions(server));
        result.put("ttlMs", DISCOVER_TTL_MS);
        result.put("cacheScope", ToolsListPages.CACHE_SCOPE);
        result.set("_meta", resultMeta(server));
        return JsonRpc.result(request.id(), result);
    }

    /**
     * A 2026-07-28 result: {@code resultType: "complete"} first, then the era-independent fields, then {@code _meta}.
     */
    private Answer complete(Answer answer, ResolvedServer server) {
        JsonNode result = answer.response().get("result");
        if (result == null || !result.isObject()) {
            return answer;
        }
        ObjectNode modern = Json.object();
        modern.put("resultType", RESULT_COMPLETE);
        modern.setAll((ObjectNode) result);
        modern.set("_meta", resultMeta(server));
        answer.response().set("result", modern);
        return answer;
    }

    /** The server's identity, as in {@code initialize}'s {@code serverInfo}. */
    private ObjectNode serverInfo(ResolvedServer server) {
        ObjectNode info = Json.object();
        info.put("name", "toolgate");
        info.put("title", "Toolgate: " + server.account().integration().label());
        info.put("version", serverVersion);
        return info;
    }

    /** A 2026-07-28 result's {@code _meta}: servers SHOULD identify themselves in every result. */
    private ObjectNode resultMeta(ResolvedServer server) {
        ObjectNode meta = Json.object();
        meta.set(META_SERVER_INFO, serverInfo(server));
        return meta;
    }

    private ObjectNode initialize(McpMessage.Request request, ResolvedServer server) {
        String requested = request.params()
                .map(p -> p.path("protocolVersion").asString(""))
                .orElse("");
        ObjectNode result = Json.object();
        result.put("protocolVersion", ProtocolVersions.negotiate(requested));
        ObjectNode capabilities = result.putObject("capabilities");
        capabilities.putObject("tools").put("listChanged", false);
        capabilities.putObject("logging");
        result.set("serverInfo", serverInfo(server));
        result.put("instructions", instructions(server));
        return JsonRpc.result(request.id(), result);
    }

    private static String instructions(ResolvedServer server) {
        return "Tools act on one connected " + server.account().integration().label() + " account through Toolgate. "
                + "List tools return {\"result\": [...], \"next_cursor\": ...}: pass next_cursor back unchanged for"
                + " the next page. Failed calls return isError with the upstream status and its error body. Rate"
                + " limits (HTTP 429) are passed through unretried with ratelimit-* values: back off before retrying.";
    }

    private ObjectNode toolsList(McpMessage.Request request, ResolvedServer server, boolean modern) {
        JsonNode cursorNode = request.params().map(p -> p.get("cursor")).orElse(null);
        if (cursorNode != null && !cursorNode.isNull() && !cursorNode.isString()) {
            return JsonRpc.error(request.id(), JsonRpc.INVALID_PARAMS, "Invalid params: cursor must be a string");
        }
        Optional<String> cursor =
                cursorNode == null || cursorNode.isNull() ? Optional.empty() : Optional.of(cursorNode.asString());
        // The modern page is cached per catalog; its _meta depends only on the integration's label (and our version).
        Optional<RawValue> page = modern
                ? pages.modernPage(
                        server.catalog(), cursor, server.account().integration().label(), () -> resultMeta(server))
                : pages.page(server.catalog(), cursor);
        return page.map(raw -> {
                    ObjectNode response = JsonRpc.result(request.id(), Json.object());
                    response.putRawValue("result", raw);
                    return response;
                })
                .orElseGet(() -> JsonRpc.error(request.id(), JsonRpc.INVALID_PARAMS, "Invalid params: unknown cursor"));
    }

    /** "Internal error", with the request id to quote when asking an operator (the detail is in the log). */
    static String internalError() {
        return RequestIds.current()
                .map(id -> "Internal error (reference " + id + ")")
                .orElse("Internal error");
    }

    private Answer toolsCall(McpMessage.Request request, ResolvedServer server, String protocolVersion) {
        ObjectNode params = request.params().orElse(Json.object());
        JsonNode name = params.get("name");
        if (name == null || !name.isString()) {
            return Answer.of(JsonRpc.error(request.id(), JsonRpc.INVALID_PARAMS, "Invalid params: name is required"));
        }
        Optional<Tool> tool = server.catalog().find(name.asString());
        if (tool.isEmpty()) {
            return Answer.of(JsonRpc.error(request.id(), JsonRpc.INVALID_PARAMS, "Unknown tool: " + name.asString()))
                    .calling(name.asString(), Optional.empty());
        }
        JsonNode arguments = params.get("arguments");
        if (arguments != null && !arguments.isNull() && !arguments.isObject()) {
            return Answer.of(JsonRpc.error(
                            request.id(), JsonRpc.INVALID_PARAMS, "Invalid params: arguments must be an object"))
                    .calling(name.asString(), Optional.empty());
        }
        var outcome = invoker.invoke(server.account(), tool.get(), arguments);
        var rendered = ToolResults.render(outcome, ProtocolVersions.hasStructuredContent(protocolVersion));
        return new Answer(JsonRpc.result(request.id(), rendered.result()), rendered.headers())
                .calling(tool.get().name(), Optional.of(outcome));
    }
}
