package dev.toolgate.accounts;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/** A tenant: every token, account and server belongs to exactly one environment. */
public record Environment(UUID id, String name, Instant createdAt) {
    public Environment {
        Objects.requireNonNull(id);
        Objects.requireNonNull(name);
        Objects.requireNonNull(createdAt);
    }
}
