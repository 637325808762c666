package dev.toolgate.storage;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Admin API tokens, stored as HMACs. Thread-safe. */
public interface ApiTokenRepository {

    void insert(ApiTokenRow row);

    /** The token with this HMAC, in whatever environment: authentication does not know the environment yet. */
    Optional<ApiTokenRow> findByHash(String tokenHash);

    /** The environment's tokens, oldest first. */
    List<ApiTokenRow> list(UUID environmentId);

    /** Deletes the token and returns what was deleted; empty when the environment has no such token. */
    Optional<ApiTokenRow> delete(UUID environmentId, UUID id);
}
