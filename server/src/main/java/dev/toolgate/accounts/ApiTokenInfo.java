package dev.toolgate.accounts;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/** An API token as listed: never the secret. */
public record ApiTokenInfo(UUID id, String label, Instant createdAt) {
    public ApiTokenInfo {
        Objects.requireNonNull(id);
        Objects.requireNonNull(label);
        Objects.requireNonNull(createdAt);
    }
}
