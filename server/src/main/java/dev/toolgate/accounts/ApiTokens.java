package dev.toolgate.accounts;

import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.stats.CacheStats;
import dev.toolgate.crypto.SecretTokens;
import dev.toolgate.crypto.TokenHasher;
import dev.toolgate.storage.ApiTokenRepository;
import dev.toolgate.storage.ApiTokenRow;
import dev.toolgate.storage.EnvironmentRepository;
import dev.toolgate.storage.EnvironmentRow;
import dev.toolgate.support.ConsistentCache;
import dev.toolgate.support.InvalidRequestException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;

/** Issues, authenticates and revokes admin API tokens (stored as HMAC only; lookups cached). Thread-safe. */
public final class ApiTokens {
    static final int MAX_LABEL = 200;
    private static final Pattern ENVIRONMENT_NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_.-]{0,99}");

    private final EnvironmentRepository environments;
    private final ApiTokenRepository tokens;
    private final TokenHasher hasher;
    private final Clock clock;
    private final ConsistentCache<String, ApiPrincipal> principals;

    public ApiTokens(EnvironmentRepository environments, ApiTokenRepository tokens, TokenHasher hasher, Clock clock) {
        this.environments = Objects.requireNonNull(environments, "environments");
        this.tokens = Objects.requireNonNull(tokens, "tokens");
        this.hasher = Objects.requireNonNull(hasher, "hasher");
        this.clock = Objects.requireNonNull(clock, "clock");
        // other nodes' revokes arrive as change notices (cluster.CacheCoherence); expire-after-write is the backstop
        this.principals = new ConsistentCache<>(
                Caffeine.newBuilder()
                        .maximumSize(10_000)
                        .expireAfterWrite(Duration.ofMinutes(5))
                        .recordStats()
                        .build(),
                false);
    }

    /**
     * Creates the environment if it does not exist yet, then a token in it.
     *
     * @throws InvalidRequestException field {@code environment} (1 to 100 letters, digits, {@code . _ -}) or
     *     {@code label} (over 200 characters)
     */
    public IssuedApiToken create(String environmentName, String label) {
        if (environmentName == null
                || !ENVIRONMENT_NAME.matcher(environmentName).matches()) {
            throw new InvalidRequestException(
                    "environment",
                    "must be 1 to 100 letters, digits, '.', '_' or '-', " + "starting with a letter or digit");
        }
        checkLabel(label);
        return issue(environment(environmentName), label);
    }

    /**
     * A new token in an existing environment.
     *
     * @throws InvalidRequestException field {@code environment} (no such environment) or {@code label}
     */
    public IssuedApiToken create(UUID environmentId, String label) {
        checkLabel(label);
        EnvironmentRow environment = environments
                .findById(environmentId)
                .orElseThrow(() -> new InvalidRequestException("environment", "no environment " + environmentId));
        return issue(environment, label);
    }

    /** The principal of a presented token; empty for unknown or revoked tokens. Constant-time on the hash. */
    public Optional<ApiPrincipal> authenticate(String token) {
        if (!SecretTokens.isWellFormed(token)) {
            return Optional.empty();
        }
        return principals.get(hasher.hash(token), this::load);
    }

    /** Hits and misses of the token lookup cache since start (for metrics). */
    public CacheStats cacheStats() {
        return principals.stats();
    }

    public List<ApiTokenInfo> list(UUID environmentId) {
        return tokens.list(environmentId).stream()
                .map(row -> new ApiTokenInfo(row.id(), row.label(), row.createdAt()))
                .toList();
    }

    /** Revokes the token; it fails authentication from this moment on. False when no such token in the environment. */
    public boolean revoke(UUID environmentId, UUID tokenId) {
        Optional<ApiTokenRow> deleted = tokens.delete(environmentId, tokenId);
        deleted.ifPresent(row -> principals.invalidate(row.tokenHash()));
        return deleted.isPresent();
    }

    /** Drops the cached principals of these tokens: another node revoked them. */
    public void invalidate(Set<UUID> tokenIds) {
        if (!tokenIds.isEmpty()) {
            principals.invalidateIf(principal -> tokenIds.contains(principal.tokenId()));
        }
    }

    /** Drops every cached principal and authenticates against the database until {@link #resumeCaching}. */
    public void suspendCaching() {
        principals.suspend();
    }

    /** Drops every cached principal (revokes may have been missed) and caches again. */
    public void resumeCaching() {
        principals.resume();
    }

    private IssuedApiToken issue(EnvironmentRow environment, String label) {
        String token = SecretTokens.generate();
        ApiTokenRow row = new ApiTokenRow(UUID.randomUUID(), environment.id(), hasher.hash(token), label, now());
        tokens.insert(row);
        return new IssuedApiToken(row.id(), environment.id(), environment.name(), label, token, row.createdAt());
    }

    /** Finds or creates the environment; two concurrent creates of one name end up with the same environment. */
    private EnvironmentRow environment(String name) {
        Optional<EnvironmentRow> existing = environments.findByName(name);
        if (existing.isPresent()) {
            return existing.get();
        }
        EnvironmentRow created = new EnvironmentRow(UUID.randomUUID(), name, now());
        if (environments.insert(created)) {
            return created;
        }
        return environments
                .findByName(name)
                .orElseThrow(() -> new IllegalStateException("environment " + name + " vanished while being created"));
    }

    private Optional<ApiPrincipal> load(String hash) {
        return tokens.findByHash(hash)
                .filter(row -> TokenHasher.sameHash(row.tokenHash(), hash))
                .flatMap(row -> environments
                        .findById(row.environmentId())
                        .map(env -> new ApiPrincipal(env.id(), env.name(), row.id())));
    }

    private static void checkLabel(String label) {
        Objects.requireNonNull(label, "label");
        if (label.length() > MAX_LABEL) {
            throw new InvalidRequestException("label", "must be at most " + MAX_LABEL + " characters");
        }
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }
}
