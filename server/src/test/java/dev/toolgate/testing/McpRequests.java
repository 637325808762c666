package dev.toolgate.testing;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.JsonNode;

/**
 * Streamable HTTP requests without a session (protocol 2025-11-25), as curl sends them: for tests that measure or
 * count single requests against one node, where an SDK client's handshake would get in the way.
 */
public final class McpRequests {
    private McpRequests() {}

    /** The path of an MCP URL ({@code /mcp/<token>}), to send to any node. */
    public static String path(String url) {
        return url.substring(url.indexOf("/mcp/"));
    }

    public static HttpJson.Response post(HttpJson http, String path, String body, Map<String, String> extra) {
        Map<String, String> headers = new HashMap<>(Map.of(
                "Content-Type",
                "application/json",
                "Accept",
                "application/json, text/event-stream",
                "MCP-Protocol-Version",
                "2025-11-25"));
        headers.putAll(extra);
        return http.send("POST", path, body, headers);
    }

    public static HttpJson.Response ping(HttpJson http, String path) {
        return post(http, path, "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"ping\"}", Map.of());
    }

    public static HttpJson.Response callTool(HttpJson http, String path, String tool, String argumentsJson) {
        return post(
                http,
                path,
                "{\"jsonrpc\":\"2.0\",\"id\":2,\"method\":\"tools/call\",\"params\":{\"name\":\"" + tool
                        + "\",\"arguments\":" + argumentsJson + "}}",
                Map.of());
    }

    /** Every tool name of the server, following {@code nextCursor}. */
    public static List<String> toolNames(HttpJson http, String path) {
        List<String> names = new ArrayList<>();
        String cursor = null;
        do {
            String params = cursor == null ? "{}" : "{\"cursor\":\"" + cursor + "\"}";
            HttpJson.Response response = post(
                    http,
                    path,
                    "{\"jsonrpc\":\"2.0\",\"id\":3,\"method\":\"tools/list\",\"params\":" + params + "}",
                    Map.of());
            if (response.status() != 200) {
                throw new IllegalStateException("tools/list failed: " + response.status() + " " + response.text());
            }
            for (JsonNode tool : response.body().at("/result/tools")) {
                names.add(tool.get("name").asString());
            }
            JsonNode next = response.body().at("/result/nextCursor");
            cursor = next.isMissingNode() || next.isNull() ? null : next.asString();
        } while (cursor != null);
        return names;
    }
}
