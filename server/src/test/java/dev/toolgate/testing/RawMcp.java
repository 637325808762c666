package dev.toolgate.testing;

import java.util.HashMap;
import java.util.Map;

/** Streamable HTTP MCP requests over raw HTTP (2025-11-25), for tests that look at statuses, headers and logs. */
public final class RawMcp {
    public static final String VERSION = "2025-11-25";

    private final HttpJson http;
    private final String path;

    /** @param path {@code /mcp/<token>} */
    public RawMcp(HttpJson http, String path) {
        this.http = http;
        this.path = path;
    }

    /** Sends {@code initialize} naming the client; returns the response (its session id in {@code Mcp-Session-Id}). */
    public HttpJson.Response initialize(String clientName, String clientVersion) {
        return post(
                "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"initialize\",\"params\":{\"protocolVersion\":\"" + VERSION
                        + "\",\"capabilities\":{},\"clientInfo\":{\"name\":\"" + clientName + "\",\"version\":\""
                        + clientVersion + "\"}}}",
                Map.of());
    }

    /** {@code tools/call} in the session (null: no session). */
    public HttpJson.Response call(String session, String tool, String argumentsJson) {
        return post(
                "{\"jsonrpc\":\"2.0\",\"id\":2,\"method\":\"tools/call\",\"params\":{\"name\":\"" + tool
                        + "\",\"arguments\":" + argumentsJson + "}}",
                session == null ? Map.of() : Map.of("Mcp-Session-Id", session));
    }

    /** Any body, with the usual MCP headers plus {@code extra}. */
    public HttpJson.Response post(String body, Map<String, String> extra) {
        Map<String, String> headers = new HashMap<>(Map.of(
                "Content-Type",
                "application/json",
                "Accept",
                "application/json, text/event-stream",
                "MCP-Protocol-Version",
                VERSION));
        headers.putAll(extra);
        return http.send("POST", path, body, headers);
    }
}
