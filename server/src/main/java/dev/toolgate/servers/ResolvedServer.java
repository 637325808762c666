package dev.toolgate.servers;

import dev.toolgate.tools.ToolCatalog;
import dev.toolgate.upstream.AccountAccess;
import java.util.Objects;

/**
 * Everything the MCP endpoint needs for a valid token, ready to use: the server, its account's access, and the tools
 * its filters expose. Cached per token hash.
 */
public record ResolvedServer(McpServer server, AccountAccess account, ToolCatalog catalog) {
    public ResolvedServer {
        Objects.requireNonNull(server);
        Objects.requireNonNull(account);
        Objects.requireNonNull(catalog);
    }
}
