package dev.toolgate.tools;

import dev.toolgate.integration.IntegrationDefinition;
import java.util.List;

/**
 * Turns an integration definition into MCP tools (SPEC §2). Pure: no I/O, deterministic order (resources, then
 * methods, in file order). Undocumented methods produce no tool (the documentation gate).
 */
public final class ToolGenerator {

    /**
     * @throws ToolGenerationException when a generated name is invalid or two tools would share a name
     */
    public List<Tool> generate(IntegrationDefinition integration) {
        throw new UnsupportedOperationException("implemented by the tools work");
    }
}
