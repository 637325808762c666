package dev.toolgate.storage;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/**
 * Which audit entries a listing returns: always one environment's, optionally narrowed.
 *
 * @param mcpServerId only this server's entries
 * @param toolName only calls of this tool
 * @param from entries at or after this instant
 * @param to entries strictly before this instant
 */
public record AuditFilter(
        UUID environmentId,
        Optional<UUID> mcpServerId,
        Optional<String> toolName,
        Optional<Instant> from,
        Optional<Instant> to) {
    public AuditFilter {
        Objects.requireNonNull(environmentId, "environmentId");
        Objects.requireNonNull(mcpServerId, "mcpServerId");
        Objects.requireNonNull(toolName, "toolName");
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
    }
}
