package dev.toolgate.storage;

import java.util.Optional;
import java.util.UUID;

/** Environments (tenants). Thread-safe. */
public interface EnvironmentRepository {

    /** Inserts the environment; false (and nothing written) when its name is already taken. */
    boolean insert(EnvironmentRow row);

    Optional<EnvironmentRow> findById(UUID id);

    Optional<EnvironmentRow> findByName(String name);
}
