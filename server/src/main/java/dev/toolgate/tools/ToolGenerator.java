package dev.toolgate.tools;

import dev.toolgate.integration.Documentation;
import dev.toolgate.integration.IntegrationDefinition;
import dev.toolgate.integration.Method;
import dev.toolgate.integration.Resource;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Turns an integration definition into MCP tools (SPEC §2). Pure: no I/O, deterministic order (resources, then
 * methods, in file order). Undocumented methods produce no tool (the documentation gate). Thread-safe (stateless).
 */
public final class ToolGenerator {
    static final String PAGING_HINT = "Returns {\"result\": [...], \"next_cursor\": \"...\" | null}; pass next_cursor "
            + "back unchanged to get the next page (null means this was the last page).";

    /**
     * The tools of every documented method, in file order. Each tool's input schema is a fresh copy, so the
     * definition's own schema nodes are never shared or changed.
     *
     * @throws ToolGenerationException when a generated name is invalid or two tools would share a name
     */
    public List<Tool> generate(IntegrationDefinition integration) {
        List<Tool> tools = new ArrayList<>();
        Map<String, String> owners = new HashMap<>();
        for (Resource resource : integration.resources()) {
            for (Method method : resource.methods()) {
                if (method.documentation().isPresent()) {
                    Tool tool = tool(integration, resource, method);
                    claimName(owners, tool.name(), where(integration, resource, method));
                    tools.add(tool);
                }
            }
        }
        return List.copyOf(tools);
    }

    private static Tool tool(IntegrationDefinition integration, Resource resource, Method method) {
        String where = where(integration, resource, method);
        String name = ToolNames.name(integration, resource, method);
        if (!ToolNames.VALID.matcher(name).matches()) {
            throw new ToolGenerationException(where + ": tool name '" + name + "' (" + name.length()
                    + " characters) does not match " + ToolNames.VALID.pattern());
        }
        String title = ToolNames.title(integration, resource, method);
        return new Tool(
                name,
                title,
                description(method),
                InputSchemas.build(resource, method, where),
                annotations(title, method),
                integration.name(),
                resource.name(),
                resource.tags(),
                method);
    }

    private static void claimName(Map<String, String> owners, String name, String where) {
        String previous = owners.putIfAbsent(name, where);
        if (previous != null) {
            throw new ToolGenerationException(where + ": tool name '" + name + "' is already generated for " + previous
                    + "; tool names must be unique within an integration");
        }
    }

    private static String description(Method method) {
        Documentation doc = method.documentation().orElseThrow();
        String text = doc.description().strip();
        return method.isPaginated() ? text + "\n\n" + PAGING_HINT : text;
    }

    private static ToolAnnotations annotations(String title, Method method) {
        boolean readOnly = method.readOnly();
        return new ToolAnnotations(title, readOnly, !readOnly && method.destructive(), method.idempotent(), true);
    }

    private static String where(IntegrationDefinition integration, Resource resource, Method method) {
        return "integration " + integration.name() + ", resource " + resource.name() + ", method " + method.name();
    }
}
