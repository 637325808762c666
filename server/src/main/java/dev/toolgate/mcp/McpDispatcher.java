package dev.toolgate.mcp;

import dev.toolgate.servers.ResolvedServer;
import dev.toolgate.support.Json;
import dev.toolgate.tools.Tool;
import dev.toolgate.upstream.ToolInvoker;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Answers MCP requests for one resolved server: {@code initialize}, {@code ping}, {@code tools/list},
 * {@code tools/call} and {@code logging/setLevel}. Transport-independent; the tool set is always the server's own
 * filtered catalog, so a filtered-out tool is unknown here.
 *
 * @see <a href="https://modelcontextprotocol.io/specification/2025-11-25/server/tools">Tools</a>
 */
final class McpDispatcher {
    private static final Logger LOG = LoggerFactory.getLogger(McpDispatcher.class);

    private final ToolInvoker invoker;
    private final ToolsListPages pages;
    private final String serverVersion;

    McpDispatcher(ToolInvoker invoker, ToolsListPages pages, String serverVersion) {
        this.invoker = invoker;
        this.pages = pages;
        this.serverVersion = serverVersion;
    }

    /** A response and the HTTP headers it asks for. */
    record Answer(ObjectNode response, Map<String, String> headers) {
        static Answer of(ObjectNode response) {
            return new Answer(response, Map.of());
        }
    }

    Answer handle(McpMessage.Request request, ResolvedServer server, String protocolVersion) {
        try {
            return switch (request.method()) {
                case "initialize" -> Answer.of(initialize(request, server));
                case "ping", "logging/setLevel" -> Answer.of(JsonRpc.result(request.id(), Json.object()));
                case "tools/list" -> Answer.of(toolsList(request, server));
                case "tools/call" -> toolsCall(request, server, protocolVersion);
                default -> Answer.of(JsonRpc.error(request.id(), JsonRpc.METHOD_NOT_FOUND,
                        "Method not found: " + request.method()));
            };
        } catch (RuntimeException e) {
            LOG.error("MCP {} failed for server {}", request.method(), server.server().id(), e);
            return Answer.of(JsonRpc.error(request.id(), JsonRpc.INTERNAL_ERROR, "Internal error"));
        }
    }

    private ObjectNode initialize(McpMessage.Request request, ResolvedServer server) {
        String requested = request.params().map(p -> p.path("protocolVersion").asString("")).orElse("");
        ObjectNode result = Json.object();
        result.put("protocolVersion", ProtocolVersions.negotiate(requested));
        ObjectNode capabilities = result.putObject("capabilities");
        capabilities.putObject("tools").put("listChanged", false);
        capabilities.putObject("logging");
        ObjectNode info = result.putObject("serverInfo");
        info.put("name", "toolgate");
        info.put("title", "Toolgate: " + server.account().integration().label());
        info.put("version", serverVersion);
        result.put("instructions", instructions(server));
        return JsonRpc.result(request.id(), result);
    }

    private static String instructions(ResolvedServer server) {
        return "Tools act on one connected " + server.account().integration().label() + " account through Toolgate. "
                + "List tools return {\"result\": [...], \"next_cursor\": ...}: pass next_cursor back unchanged for"
                + " the next page. Failed calls return isError with the upstream status and its error body. Rate"
                + " limits (HTTP 429) are passed through unretried with ratelimit-* values: back off before retrying.";
    }

    private ObjectNode toolsList(McpMessage.Request request, ResolvedServer server) {
        JsonNode cursorNode = request.params().map(p -> p.get("cursor")).orElse(null);
        if (cursorNode != null && !cursorNode.isNull() && !cursorNode.isString()) {
            return JsonRpc.error(request.id(), JsonRpc.INVALID_PARAMS, "Invalid params: cursor must be a string");
        }
        Optional<String> cursor = cursorNode == null || cursorNode.isNull() ? Optional.empty()
                : Optional.of(cursorNode.asString());
        return pages.page(server.catalog(), cursor)
                .map(page -> {
                    ObjectNode response = JsonRpc.result(request.id(), Json.object());
                    response.putRawValue("result", page);
                    return response;
                })
                .orElseGet(() -> JsonRpc.error(request.id(), JsonRpc.INVALID_PARAMS, "Invalid params: unknown cursor"));
    }

    private Answer toolsCall(McpMessage.Request request, ResolvedServer server, String protocolVersion) {
        ObjectNode params = request.params().orElse(Json.object());
        JsonNode name = params.get("name");
        if (name == null || !name.isString()) {
            return Answer.of(JsonRpc.error(request.id(), JsonRpc.INVALID_PARAMS, "Invalid params: name is required"));
        }
        Optional<Tool> tool = server.catalog().find(name.asString());
        if (tool.isEmpty()) {
            return Answer.of(JsonRpc.error(request.id(), JsonRpc.INVALID_PARAMS, "Unknown tool: " + name.asString()));
        }
        JsonNode arguments = params.get("arguments");
        if (arguments != null && !arguments.isNull() && !arguments.isObject()) {
            return Answer.of(JsonRpc.error(request.id(), JsonRpc.INVALID_PARAMS,
                    "Invalid params: arguments must be an object"));
        }
        var outcome = invoker.invoke(server.account(), tool.get(), arguments);
        var rendered = ToolResults.render(outcome, ProtocolVersions.hasStructuredContent(protocolVersion));
        return new Answer(JsonRpc.result(request.id(), rendered.result()), rendered.headers());
    }
}
