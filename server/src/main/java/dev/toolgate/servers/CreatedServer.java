package dev.toolgate.servers;

import java.util.Objects;

/** A new MCP server and its token: the only time the token exists outside the caller's hands. */
public record CreatedServer(McpServer server, String token) {
    public CreatedServer {
        Objects.requireNonNull(server);
        Objects.requireNonNull(token);
    }

    @Override
    public String toString() {
        return "CreatedServer[server=" + server + ", token=(hidden)]";
    }
}
