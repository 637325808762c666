package dev.toolgate.servers;

import dev.toolgate.tools.ToolFilter;
import java.util.List;

/**
 * What an MCP server exposes and who may use it.
 *
 * @param methods method groups and names (see {@link ToolFilter}); empty = all
 * @param tags resource tags; empty = all
 * @param requireApiTokenAuth when true, MCP requests also need {@code Authorization: Bearer <API token>} of the
 *     server's environment
 */
public record ServerConfig(List<String> methods, List<String> tags, boolean requireApiTokenAuth) {
    public static final ServerConfig ALL = new ServerConfig(List.of(), List.of(), false);

    public ServerConfig {
        methods = List.copyOf(methods);
        tags = List.copyOf(tags);
    }

    public ToolFilter filter() {
        return new ToolFilter(methods, tags);
    }
}
