package dev.toolgate.tools;

import java.util.Objects;

/**
 * MCP tool annotations (hints for clients; the gateway enforces filters itself and never trusts these).
 *
 * @param title human-readable title
 * @param readOnlyHint the tool changes nothing upstream
 * @param destructiveHint the tool deletes, moves money, or cannot be undone
 * @param idempotentHint repeating the same call has no further effect
 * @param openWorldHint the tool talks to an external system (always true for upstream tools)
 */
public record ToolAnnotations(
        String title, boolean readOnlyHint, boolean destructiveHint, boolean idempotentHint, boolean openWorldHint) {
    public ToolAnnotations {
        Objects.requireNonNull(title, "title");
    }
}
