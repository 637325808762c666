package dev.toolgate.storage;

import dev.toolgate.support.Page;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Integrated accounts, scoped by environment. Thread-safe. */
public interface AccountRepository {

    void insert(AccountRow row);

    Optional<AccountRow> find(UUID environmentId, UUID id);

    /**
     * A page of the environment's accounts ordered by {@code (created_at, id)}.
     *
     * @param limit at least 1
     * @throws dev.toolgate.support.InvalidRequestException field {@code cursor} for a cursor not issued here
     */
    Page<AccountRow> list(UUID environmentId, Optional<String> cursor, int limit);

    /**
     * Writes label, credentials, base URL and updated_at of the row with this id and environment; false when there
     * is none. Id, environment, integration and created_at never change.
     */
    boolean update(AccountRow row);

    /** Deletes the account and (cascading) its MCP servers; false when the environment has no such account. */
    boolean delete(UUID environmentId, UUID id);

    /** Accounts of every environment (for key rotation). */
    long count();

    /**
     * Up to {@code limit} accounts of every environment with ids above {@code after}, ordered by id: a walk over all
     * accounts in batches, for key rotation.
     */
    List<AccountRow> listAllAfter(Optional<UUID> after, int limit);

    /**
     * Replaces the account's credential ciphertext if it still is {@code expected}; false when the row is gone or its
     * credentials changed meanwhile (a newer ciphertext is never overwritten with an older one). The plaintext stays
     * the same, so no cache needs to drop anything.
     */
    boolean replaceCiphertext(UUID id, byte[] expected, byte[] replacement);
}
