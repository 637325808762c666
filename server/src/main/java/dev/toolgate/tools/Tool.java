package dev.toolgate.tools;

import dev.toolgate.integration.Method;
import java.util.List;
import java.util.Objects;
import tools.jackson.databind.node.ObjectNode;

/**
 * One generated MCP tool: one documented method of one resource of one integration.
 *
 * @param name tool name per SPEC §2 ({@code list_all_stripe_customers}); matches {@code [A-Za-z0-9_.-]{1,128}}
 * @param title human-readable title
 * @param description the method's description plus generated hints (ids, paging)
 * @param inputSchema flat JSON Schema object merging path, query, header and body arguments; read-only
 * @param annotations MCP annotations
 * @param integration name of the integration
 * @param resource name of the resource
 * @param tags the resource's tags
 * @param method the method this tool executes
 */
public record Tool(
        String name,
        String title,
        String description,
        ObjectNode inputSchema,
        ToolAnnotations annotations,
        String integration,
        String resource,
        List<String> tags,
        Method method) {
    public Tool {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(description, "description");
        Objects.requireNonNull(inputSchema, "inputSchema");
        Objects.requireNonNull(annotations, "annotations");
        Objects.requireNonNull(integration, "integration");
        Objects.requireNonNull(resource, "resource");
        tags = List.copyOf(tags);
        Objects.requireNonNull(method, "method");
    }
}
