package dev.toolgate.servers;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/** An MCP server as stored and listed: never its token. */
public record McpServer(
        UUID id,
        UUID environmentId,
        UUID integratedAccountId,
        String name,
        ServerConfig config,
        Optional<Instant> expiresAt,
        Instant createdAt,
        Instant updatedAt) {
    public McpServer {
        Objects.requireNonNull(id);
        Objects.requireNonNull(environmentId);
        Objects.requireNonNull(integratedAccountId);
        Objects.requireNonNull(name);
        Objects.requireNonNull(config);
        Objects.requireNonNull(expiresAt);
        Objects.requireNonNull(createdAt);
        Objects.requireNonNull(updatedAt);
    }
}
