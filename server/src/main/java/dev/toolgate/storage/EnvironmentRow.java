package dev.toolgate.storage;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/** Row of {@code environments}: a tenant. */
public record EnvironmentRow(UUID id, String name, Instant createdAt) {
    public EnvironmentRow {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(createdAt, "createdAt");
    }
}
