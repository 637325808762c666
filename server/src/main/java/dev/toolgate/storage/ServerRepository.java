package dev.toolgate.storage;

import dev.toolgate.support.Page;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * MCP servers, scoped by environment and integrated account. Servers whose expiry has passed at {@code now} are dead:
 * not found, not listed and not updatable (so an expired server cannot be revived), just awaiting
 * {@link #deleteExpired}. Thread-safe.
 */
public interface ServerRepository {

    /** Maximum rows {@link #deleteExpired} removes per call, keeping each transaction short. */
    int EXPIRY_BATCH = 500;

    void insert(ServerRow row);

    /** The live server with this id under this account and environment. */
    Optional<ServerRow> find(UUID environmentId, UUID accountId, UUID id, Instant now);

    /** The server with this token HMAC, live or not: the caller checks expiry at its own instant. */
    Optional<ServerRow> findByTokenHash(String tokenHash);

    /**
     * A page of the account's live servers ordered by {@code (created_at, id)}.
     *
     * @param limit at least 1
     * @throws dev.toolgate.support.InvalidRequestException field {@code cursor} for a cursor not issued here
     */
    Page<ServerRow> list(UUID environmentId, UUID accountId, Instant now, Optional<String> cursor, int limit);

    /** Writes name, config, expires_at and updated_at of the live server with the row's keys; false when there is none. */
    boolean update(ServerRow row, Instant now);

    /** Deletes the server (live or expired) and returns what was deleted; empty when there is no such server. */
    Optional<ServerRow> delete(UUID environmentId, UUID accountId, UUID id);

    /** Deletes up to {@link #EXPIRY_BATCH} servers with {@code expires_at <= now}; returns exactly those it deleted. */
    List<ServerRow> deleteExpired(Instant now);
}
