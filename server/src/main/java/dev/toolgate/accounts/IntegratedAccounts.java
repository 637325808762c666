package dev.toolgate.accounts;

import dev.toolgate.support.Page;
import dev.toolgate.upstream.AccountAccess;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Consumer;

/**
 * Connected accounts of an environment. Credentials are encrypted at rest (AEAD bound to the account id), write-only
 * through this API, and decrypted only into an {@link AccountAccess} for upstream calls. Thread-safe.
 */
public final class IntegratedAccounts {

    /**
     * @throws dev.toolgate.support.InvalidRequestException naming each field at fault: {@code integration} (unknown),
     *     {@code label} (blank), {@code credentials.<field>} (missing, blank or not expected by the auth scheme),
     *     {@code base_url} (not an absolute http(s) URL)
     */
    public IntegratedAccount create(UUID environmentId, NewAccount account) {
        throw new UnsupportedOperationException("implemented by the storage work");
    }

    public Optional<IntegratedAccount> get(UUID environmentId, UUID accountId) {
        throw new UnsupportedOperationException("implemented by the storage work");
    }

    /** @throws dev.toolgate.support.InvalidRequestException for a cursor this server did not issue */
    public Page<IntegratedAccount> list(UUID environmentId, Optional<String> cursor, int limit) {
        throw new UnsupportedOperationException("implemented by the storage work");
    }

    /** Empty when no such account in the environment; validates like {@link #create}. */
    public Optional<IntegratedAccount> update(UUID environmentId, UUID accountId, AccountPatch patch) {
        throw new UnsupportedOperationException("implemented by the storage work");
    }

    /** Deletes the account and its MCP servers. False when no such account in the environment. */
    public boolean delete(UUID environmentId, UUID accountId) {
        throw new UnsupportedOperationException("implemented by the storage work");
    }

    /** Decrypts the account's credentials for an upstream call. */
    public AccountAccess access(IntegratedAccount account) {
        throw new UnsupportedOperationException("implemented by the storage work");
    }

    /** Registers a callback run with the account id after an account is updated or deleted (cache invalidation). */
    public void onChange(Consumer<UUID> listener) {
        throw new UnsupportedOperationException("implemented by the storage work");
    }
}
