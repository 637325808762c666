package dev.toolgate.storage;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/**
 * Row of {@code mcp_servers}.
 *
 * @param config the server config as JSON text (its shape belongs to the servers package)
 * @param tokenHash HMAC of the server's token; the token itself is never stored
 * @param expiresAt instant from which the server no longer answers, if any
 */
public record ServerRow(
        UUID id,
        UUID environmentId,
        UUID integratedAccountId,
        String name,
        String config,
        String tokenHash,
        Optional<Instant> expiresAt,
        Instant createdAt,
        Instant updatedAt) {
    public ServerRow {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(environmentId, "environmentId");
        Objects.requireNonNull(integratedAccountId, "integratedAccountId");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(config, "config");
        Objects.requireNonNull(tokenHash, "tokenHash");
        Objects.requireNonNull(expiresAt, "expiresAt");
        Objects.requireNonNull(createdAt, "createdAt");
        Objects.requireNonNull(updatedAt, "updatedAt");
    }

    /** True when the server still answers at {@code now}: it has no expiry or expires after {@code now}. */
    public boolean isLiveAt(Instant now) {
        return expiresAt.map(now::isBefore).orElse(true);
    }
}
