package dev.toolgate.integration;

import dev.toolgate.tools.Tool;
import dev.toolgate.tools.ToolGenerator;
import java.util.List;

/** The integration definitions shipped in the jar, loaded the way the server loads them, and their tools. */
final class ShippedDefinitions {
    private ShippedDefinitions() {}

    static IntegrationDefinition load(String name) {
        return new IntegrationLoader()
                .loadShipped().stream()
                        .filter(d -> d.name().equals(name))
                        .findFirst()
                        .orElseThrow(
                                () -> new AssertionError("integrations/index.txt ships no definition named " + name));
    }

    static List<Tool> tools(String name) {
        return new ToolGenerator().generate(load(name));
    }

    static Tool tool(String integration, String toolName) {
        return tools(integration).stream()
                .filter(t -> t.name().equals(toolName))
                .findFirst()
                .orElseThrow(() -> new AssertionError(integration + " has no tool named " + toolName));
    }
}
