package dev.toolgate.servers;

import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.stats.CacheStats;
import dev.toolgate.accounts.IntegratedAccount;
import dev.toolgate.accounts.IntegratedAccounts;
import dev.toolgate.crypto.SecretTokens;
import dev.toolgate.crypto.TokenHasher;
import dev.toolgate.integration.IntegrationDefinition;
import dev.toolgate.storage.ServerRepository;
import dev.toolgate.storage.ServerRow;
import dev.toolgate.support.ConsistentCache;
import dev.toolgate.support.FieldError;
import dev.toolgate.support.FieldUpdate;
import dev.toolgate.support.InvalidRequestException;
import dev.toolgate.support.Page;
import dev.toolgate.tools.ToolCatalogs;
import dev.toolgate.upstream.AccountAccess;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * MCP servers of integrated accounts: create (token returned once), list, update, delete, and the hot-path token
 * resolution. Thread-safe.
 *
 * <p>Expired servers are gone for every operation here from their expiry instant on (not found, not listed, not
 * updatable, not resolved), even before {@link #deleteExpired} removes their rows.
 */
public final class McpServers {
    /** Largest page {@link #list} returns. */
    public static final int MAX_PAGE = 1000;

    private final ServerRepository servers;
    private final IntegratedAccounts accounts;
    private final ToolCatalogs catalogs;
    private final TokenHasher hasher;
    private final Clock clock;
    private final ServerRules rules;
    private final ConsistentCache<String, ResolvedServer> resolved;

    /** Most resolved servers a node keeps, whatever its heap. */
    static final int MAX_RESOLVED = 100_000;
    /** Bytes a cached resolution takes (measured: about 0.8 KB, see the README's sizing notes). */
    private static final long RESOLVED_BYTES = 800;

    /**
     * How many resolved servers to cache: at most a quarter of the heap (a full cache must not crowd out the rest, or
     * leave a small default heap to run out), at least 1,000, at most {@link #MAX_RESOLVED}.
     */
    static int resolvedCap(long maxHeapBytes) {
        return (int) Math.max(1_000, Math.min(MAX_RESOLVED, maxHeapBytes / 4 / RESOLVED_BYTES));
    }

    /** Registers with {@code accounts} so that an account change or delete drops its servers' cached resolutions. */
    public McpServers(
            ServerRepository servers,
            IntegratedAccounts accounts,
            ToolCatalogs catalogs,
            TokenHasher hasher,
            Clock clock) {
        this.servers = Objects.requireNonNull(servers, "servers");
        this.accounts = Objects.requireNonNull(accounts, "accounts");
        this.catalogs = Objects.requireNonNull(catalogs, "catalogs");
        this.hasher = Objects.requireNonNull(hasher, "hasher");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.rules = new ServerRules(catalogs);
        this.resolved = new ConsistentCache<>(
                Caffeine.newBuilder()
                        .maximumSize(resolvedCap(Runtime.getRuntime().maxMemory()))
                        .executor(Runnable::run) // upkeep on the caller: no hand-off to the common pool
                        .expireAfter(new ResolutionExpiry())
                        .recordStats()
                        .build(),
                true);
        accounts.onChange(this::accountChanged);
    }

    /**
     * Empty when the account does not exist in the environment.
     *
     * @throws InvalidRequestException naming each field at fault: {@code name} (blank or longer than 200),
     *     {@code config.methods[i]} / {@code config.tags[i]} (entries that match nothing), {@code config} (filters
     *     that together leave no tool, naming the filters), {@code expires_at} (less than 60 s ahead)
     */
    public Optional<CreatedServer> create(UUID environmentId, UUID accountId, NewServer server) {
        Optional<IntegratedAccount> account = accounts.get(environmentId, accountId);
        if (account.isEmpty()) {
            return Optional.empty();
        }
        Instant now = now();
        Optional<Instant> expiresAt = server.expiresAt().map(McpServers::micros);
        List<FieldError> errors = new ArrayList<>();
        ServerRules.name(server.name()).ifPresent(errors::add);
        errors.addAll(rules.config(accounts.definition(account.get()), server.config()));
        expiresAt.flatMap(at -> ServerRules.expiresAt(at, now)).ifPresent(errors::add);
        throwIfAny(errors);
        String token = SecretTokens.generate();
        ServerRow row = new ServerRow(
                UUID.randomUUID(),
                environmentId,
                accountId,
                server.name().strip(),
                ServerConfigJson.write(server.config()),
                hasher.hash(token),
                expiresAt,
                now,
                now);
        servers.insert(row);
        resolved.invalidate(row.tokenHash()); // a remembered "unknown" must never hide a new server
        return Optional.of(new CreatedServer(toServer(row), token));
    }

    public Optional<McpServer> get(UUID environmentId, UUID accountId, UUID serverId) {
        return servers.find(environmentId, accountId, serverId, now()).map(McpServers::toServer);
    }

    /**
     * Empty when the account does not exist in the environment.
     *
     * @param limit 1 to {@value #MAX_PAGE}
     * @throws InvalidRequestException for a cursor this server did not issue
     */
    public Optional<Page<McpServer>> list(UUID environmentId, UUID accountId, Optional<String> cursor, int limit) {
        if (limit < 1 || limit > MAX_PAGE) {
            throw new InvalidRequestException("limit", "must be from 1 to " + MAX_PAGE);
        }
        return accounts.get(environmentId, accountId)
                .map(account -> servers.list(environmentId, accountId, now(), cursor, limit)
                        .map(McpServers::toServer));
    }

    /** Empty when no such server; validates like {@link #create}. Takes effect for the token at once. */
    public Optional<McpServer> update(UUID environmentId, UUID accountId, UUID serverId, ServerPatch patch) {
        Optional<IntegratedAccount> account = accounts.get(environmentId, accountId);
        Instant now = now();
        Optional<ServerRow> current = account.flatMap(a -> servers.find(environmentId, accountId, serverId, now));
        if (current.isEmpty()) {
            return Optional.empty();
        }
        ServerRow changed = apply(current.get(), patch, accounts.definition(account.get()), now);
        if (!servers.update(changed, now)) {
            return Optional.empty(); // deleted or expired meanwhile
        }
        resolved.invalidate(changed.tokenHash());
        return Optional.of(toServer(changed));
    }

    /** Deletes (revokes) the server; its URL answers 404 from this moment on. */
    public boolean delete(UUID environmentId, UUID accountId, UUID serverId) {
        Optional<ServerRow> deleted = servers.delete(environmentId, accountId, serverId);
        deleted.ifPresent(row -> resolved.invalidate(row.tokenHash()));
        return deleted.isPresent();
    }

    /**
     * The server behind a presented MCP token, if the token is known and the server has not expired at this instant.
     * Hot path: no database access for a cached token.
     */
    public Optional<ResolvedServer> resolve(String token) {
        if (!SecretTokens.isWellFormed(token)) {
            return Optional.empty();
        }
        Optional<ResolvedServer> server = resolved.get(hasher.hash(token), this::load);
        Instant now = clock.instant(); // expiry is checked on every call: cached entries do not outlive it
        return server.filter(s -> s.server().expiresAt().map(now::isBefore).orElse(true));
    }

    /** Hits and misses of the token resolution cache since start (for metrics). */
    public CacheStats cacheStats() {
        return resolved.stats();
    }

    /** Deletes servers whose expiry has passed and drops their cache entries; returns how many were deleted. */
    public int deleteExpired() {
        int total = 0;
        List<ServerRow> batch;
        do {
            batch = servers.deleteExpired(clock.instant());
            batch.forEach(row -> resolved.invalidate(row.tokenHash()));
            total += batch.size();
        } while (batch.size() == ServerRepository.EXPIRY_BATCH);
        return total;
    }

    /**
     * Drops cached resolutions of the servers {@code serverIds} and of every server of the accounts {@code accountIds}:
     * another node changed them. One pass over the cache, however many ids.
     */
    public void invalidate(Set<UUID> serverIds, Set<UUID> accountIds) {
        if (serverIds.isEmpty() && accountIds.isEmpty()) {
            return;
        }
        resolved.invalidateIf(
                resolution -> serverIds.contains(resolution.server().id())
                        || accountIds.contains(resolution.server().integratedAccountId()));
    }

    /**
     * Drops every cached resolution and resolves from the database on every call until {@link #resumeCaching}: for
     * while this node cannot hear of other nodes' changes.
     */
    public void suspendCaching() {
        resolved.suspend();
    }

    /** Drops every cached resolution (changes may have been missed) and caches again. */
    public void resumeCaching() {
        resolved.resume();
    }

    private Optional<ResolvedServer> load(String hash) {
        return servers.findByTokenHash(hash)
                .filter(row -> TokenHasher.sameHash(row.tokenHash(), hash))
                .flatMap(row -> accounts.get(row.environmentId(), row.integratedAccountId())
                        .map(account -> assemble(row, accounts.access(account))));
    }

    private ResolvedServer assemble(ServerRow row, AccountAccess access) {
        McpServer server = toServer(row);
        return new ResolvedServer(
                server,
                access,
                catalogs.filtered(access.integration(), server.config().filter()));
    }

    private void accountChanged(UUID accountId) {
        resolved.invalidateIf(server -> server.server().integratedAccountId().equals(accountId));
    }

    private ServerRow apply(ServerRow row, ServerPatch patch, IntegrationDefinition integration, Instant now) {
        List<FieldError> errors = new ArrayList<>();
        patch.name().flatMap(ServerRules::name).ifPresent(errors::add);
        patch.config().ifPresent(config -> errors.addAll(rules.config(integration, config)));
        Optional<Instant> expiresAt = switch (patch.expiresAt()) {
            case FieldUpdate.Keep<Instant> keep -> row.expiresAt();
            case FieldUpdate.Clear<Instant> clear -> Optional.empty();
            case FieldUpdate.Set<Instant> set -> Optional.of(micros(set.value()));
        };
        if (patch.expiresAt() instanceof FieldUpdate.Set<Instant>) {
            ServerRules.expiresAt(expiresAt.orElseThrow(), now).ifPresent(errors::add);
        }
        throwIfAny(errors);
        return new ServerRow(
                row.id(),
                row.environmentId(),
                row.integratedAccountId(),
                patch.name().map(String::strip).orElse(row.name()),
                patch.config().map(ServerConfigJson::write).orElse(row.config()),
                row.tokenHash(),
                expiresAt,
                row.createdAt(),
                now);
    }

    static McpServer toServer(ServerRow row) {
        return new McpServer(
                row.id(),
                row.environmentId(),
                row.integratedAccountId(),
                row.name(),
                ServerConfigJson.read(row.config()),
                row.expiresAt(),
                row.createdAt(),
                row.updatedAt());
    }

    private static void throwIfAny(List<FieldError> errors) {
        if (!errors.isEmpty()) {
            throw new InvalidRequestException(errors);
        }
    }

    private Instant now() {
        return micros(clock.instant());
    }

    /** The database keeps microseconds; values are cut to that up front so what is returned is what is stored. */
    private static Instant micros(Instant instant) {
        return instant.truncatedTo(ChronoUnit.MICROS);
    }
}
