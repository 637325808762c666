package dev.toolgate.audit;

import java.util.Objects;
import java.util.UUID;

/** A stored audit event and its id. */
public record AuditEntry(UUID id, AuditEvent event) {
    public AuditEntry {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(event, "event");
    }
}
