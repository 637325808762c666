package dev.toolgate.storage;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/** Row of {@code api_tokens}. The token itself is never stored: only its HMAC. */
public record ApiTokenRow(UUID id, UUID environmentId, String tokenHash, String label, Instant createdAt) {
    public ApiTokenRow {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(environmentId, "environmentId");
        Objects.requireNonNull(tokenHash, "tokenHash");
        Objects.requireNonNull(label, "label");
        Objects.requireNonNull(createdAt, "createdAt");
    }
}
