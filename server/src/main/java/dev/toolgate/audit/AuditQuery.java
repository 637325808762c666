package dev.toolgate.audit;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/**
 * A page request of one environment's MCP audit log, newest first.
 *
 * @param mcpServerId only this server's entries
 * @param toolName only calls of this tool
 * @param from entries at or after this instant
 * @param to entries strictly before this instant
 * @param cursor {@code next_cursor} of the previous page
 * @param limit page size, 1 to {@link AuditLog#MAX_PAGE}
 */
public record AuditQuery(
        UUID environmentId,
        Optional<UUID> mcpServerId,
        Optional<String> toolName,
        Optional<Instant> from,
        Optional<Instant> to,
        Optional<String> cursor,
        int limit) {
    public AuditQuery {
        Objects.requireNonNull(environmentId, "environmentId");
        Objects.requireNonNull(mcpServerId, "mcpServerId");
        Objects.requireNonNull(toolName, "toolName");
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
        Objects.requireNonNull(cursor, "cursor");
    }
}
