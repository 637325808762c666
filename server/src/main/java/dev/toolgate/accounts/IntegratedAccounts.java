package dev.toolgate.accounts;

import dev.toolgate.crypto.CredentialCipher;
import dev.toolgate.integration.IntegrationDefinition;
import dev.toolgate.integration.IntegrationRegistry;
import dev.toolgate.storage.AccountRepository;
import dev.toolgate.storage.AccountRow;
import dev.toolgate.support.FieldError;
import dev.toolgate.support.FieldUpdate;
import dev.toolgate.support.InvalidRequestException;
import dev.toolgate.support.Page;
import dev.toolgate.support.ToolgateException;
import dev.toolgate.upstream.AccountAccess;
import dev.toolgate.upstream.Credentials;
import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Consumer;

/**
 * Connected accounts of an environment. Credentials are encrypted at rest (AEAD bound to the account id), write-only
 * through this API, and decrypted only into an {@link AccountAccess} for upstream calls. Thread-safe.
 */
public final class IntegratedAccounts {
    /** Largest page {@link #list} returns. */
    public static final int MAX_PAGE = 1000;

    private final AccountRepository accounts;
    private final CredentialCipher cipher;
    private final IntegrationRegistry registry;
    private final Clock clock;
    private final AccountListeners listeners = new AccountListeners();

    public IntegratedAccounts(
            AccountRepository accounts, CredentialCipher cipher, IntegrationRegistry registry, Clock clock) {
        this.accounts = Objects.requireNonNull(accounts, "accounts");
        this.cipher = Objects.requireNonNull(cipher, "cipher");
        this.registry = Objects.requireNonNull(registry, "registry");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /**
     * @throws InvalidRequestException naming each field at fault: {@code integration} (unknown), {@code label}
     *     (blank or over 200 characters), {@code credentials.<field>} (missing, blank or not expected by the auth
     *     scheme), {@code base_url} (not an absolute http(s) URL, or with user-info, query or fragment)
     */
    public IntegratedAccount create(UUID environmentId, NewAccount account) {
        throwIfAny(AccountRules.newAccount(account, registry));
        IntegrationDefinition integration = registry.find(account.integration()).orElseThrow();
        UUID id = UUID.randomUUID();
        Instant now = now();
        AccountRow row = new AccountRow(
                id,
                environmentId,
                account.integration(),
                account.label().strip(),
                cipher.encrypt(id, account.credentials()),
                integration.auth().credentialFields(),
                account.baseUrl(),
                now,
                now);
        accounts.insert(row);
        return toAccount(row);
    }

    public Optional<IntegratedAccount> get(UUID environmentId, UUID accountId) {
        return accounts.find(environmentId, accountId).map(IntegratedAccounts::toAccount);
    }

    /**
     * @param limit 1 to {@value #MAX_PAGE}
     * @throws InvalidRequestException for a cursor this server did not issue
     */
    public Page<IntegratedAccount> list(UUID environmentId, Optional<String> cursor, int limit) {
        checkLimit(limit);
        return accounts.list(environmentId, cursor, limit).map(IntegratedAccounts::toAccount);
    }

    /** Empty when no such account in the environment; validates like {@link #create}. */
    public Optional<IntegratedAccount> update(UUID environmentId, UUID accountId, AccountPatch patch) {
        Optional<AccountRow> current = accounts.find(environmentId, accountId);
        if (current.isEmpty()) {
            return Optional.empty();
        }
        AccountRow changed = apply(current.get(), patch);
        if (!accounts.update(changed)) {
            return Optional.empty(); // deleted meanwhile
        }
        listeners.accountChanged(accountId);
        return Optional.of(toAccount(changed));
    }

    /** Deletes the account and its MCP servers. False when no such account in the environment. */
    public boolean delete(UUID environmentId, UUID accountId) {
        boolean deleted = accounts.delete(environmentId, accountId);
        if (deleted) {
            listeners.accountChanged(accountId);
        }
        return deleted;
    }

    /**
     * Decrypts the account's credentials for an upstream call.
     *
     * @throws ToolgateException when the account no longer exists or its integration is no longer loaded
     * @throws dev.toolgate.crypto.CryptoException when the credentials do not decrypt under the server's keyset
     */
    public AccountAccess access(IntegratedAccount account) {
        AccountRow row = accounts.find(account.environmentId(), account.id())
                .orElseThrow(() -> new ToolgateException("integrated account " + account.id() + " no longer exists"));
        IntegrationDefinition integration = definition(account);
        Map<String, String> credentials = cipher.decrypt(row.id(), row.credentialsCiphertext());
        URI baseUrl = row.baseUrl().map(URI::create).orElse(integration.baseUrl());
        return new AccountAccess(integration, baseUrl, new Credentials(credentials));
    }

    /**
     * The integration definition of the account, without touching its credentials.
     *
     * @throws ToolgateException when the integration is no longer loaded (removed from the configuration)
     */
    public IntegrationDefinition definition(IntegratedAccount account) {
        return registry.find(account.integration())
                .orElseThrow(() -> new ToolgateException("integration '" + account.integration()
                        + "' of integrated account " + account.id() + " is not loaded"));
    }

    /**
     * Re-encrypts every account's credentials (all environments) under this keyset's primary key, {@code batchSize}
     * accounts at a time, reporting progress after each batch. For key rotation; safe while nodes serve.
     */
    public ReencryptionReport reencryptCredentials(int batchSize, Consumer<ReencryptionReport> progress) {
        return new CredentialReencryption(accounts, cipher).run(batchSize, progress);
    }

    /** Registers a callback run with the account id after an account is updated or deleted (cache invalidation). */
    public void onChange(Consumer<UUID> listener) {
        listeners.add(listener);
    }

    private AccountRow apply(AccountRow row, AccountPatch patch) {
        List<FieldError> errors = new ArrayList<>();
        patch.label().flatMap(AccountRules::label).ifPresent(errors::add);
        patch.credentials().ifPresent(c -> errors.addAll(AccountRules.credentials(definition(toAccount(row)), c)));
        if (patch.baseUrl() instanceof FieldUpdate.Set<String> set) {
            AccountRules.baseUrl(set.value()).ifPresent(errors::add);
        }
        throwIfAny(errors);
        Optional<String> baseUrl = switch (patch.baseUrl()) {
            case FieldUpdate.Keep<String> keep -> row.baseUrl();
            case FieldUpdate.Clear<String> clear -> Optional.empty();
            case FieldUpdate.Set<String> set -> Optional.of(set.value());
        };
        byte[] ciphertext =
                patch.credentials().map(c -> cipher.encrypt(row.id(), c)).orElseGet(row::credentialsCiphertext);
        List<String> fields = patch.credentials().isPresent()
                ? definition(toAccount(row)).auth().credentialFields()
                : row.credentialFields();
        return new AccountRow(
                row.id(),
                row.environmentId(),
                row.integration(),
                patch.label().map(String::strip).orElse(row.label()),
                ciphertext,
                fields,
                baseUrl,
                row.createdAt(),
                now());
    }

    static IntegratedAccount toAccount(AccountRow row) {
        return new IntegratedAccount(
                row.id(),
                row.environmentId(),
                row.integration(),
                row.label(),
                row.credentialFields(),
                row.baseUrl().map(URI::create),
                row.createdAt(),
                row.updatedAt());
    }

    private static void checkLimit(int limit) {
        if (limit < 1 || limit > MAX_PAGE) {
            throw new InvalidRequestException("limit", "must be from 1 to " + MAX_PAGE);
        }
    }

    private static void throwIfAny(List<FieldError> errors) {
        if (!errors.isEmpty()) {
            throw new InvalidRequestException(errors);
        }
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }
}
