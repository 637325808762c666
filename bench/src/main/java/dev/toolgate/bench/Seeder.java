package dev.toolgate.bench;

import dev.toolgate.Services;
import dev.toolgate.accounts.IntegratedAccount;
import dev.toolgate.accounts.IssuedApiToken;
import dev.toolgate.accounts.NewAccount;
import dev.toolgate.config.ConfigLoader;
import dev.toolgate.config.ConfigSources;
import dev.toolgate.config.ToolgateConfig;
import dev.toolgate.crypto.SecretTokens;
import dev.toolgate.crypto.TokenHasher;
import dev.toolgate.servers.NewServer;
import dev.toolgate.servers.ServerConfig;
import dev.toolgate.storage.ServerRepository;
import dev.toolgate.storage.ServerRow;
import dev.toolgate.storage.jdbc.JdbiRepositories;
import java.nio.file.Path;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.PreparedBatch;

/**
 * Prepares Toolgate's embedded database through its own storage layer and services, with no server running: an
 * environment with an admin token, accounts of {@code benchpay} (pointed at the fast upstream), {@code wide} and
 * {@code stripe} (also pointed at it), one MCP server each for the benchmark, and then bulk MCP servers up to the
 * requested counts. At each count it times the hot-path token check ({@link TokenCheck}).
 */
final class Seeder {
    /** What the benchmark needs to reach the seeded servers. Tokens are secrets of a throw-away database. */
    record Seeded(String benchToken, String wideToken, String stripeToken, List<TokenCheck.Result> tokenChecks) {}

    private Seeder() {}

    static Seeded seed(Path dataDir, Path integrationsDir, String upstream, List<Integer> counts) {
        ToolgateConfig config = new ConfigLoader()
                .load(new ConfigSources(
                        Optional.empty(),
                        Map.of(
                                "TOOLGATE_DATA_DIR", dataDir.toString(),
                                "TOOLGATE_INTEGRATIONS_DIR", integrationsDir.toString()),
                        Map.of()));
        try (Services services = Services.open(config, Clock.systemUTC())) {
            IssuedApiToken admin = services.apiTokens().create("bench", "benchmark");
            UUID environment = admin.environmentId();
            String bench = server(services, environment, account(services, environment, "benchpay", upstream));
            String wide = server(services, environment, account(services, environment, WideIntegration.NAME, upstream));
            String stripe = server(services, environment, account(services, environment, "stripe", upstream));

            ServerRepository repository =
                    new JdbiRepositories(services.database().jdbi()).servers();
            TokenHasher hasher = services.keys().tokenHasher();
            ServerRow template = repository.findByTokenHash(hasher.hash(bench)).orElseThrow();
            List<String> tokens = new ArrayList<>(List.of(bench, wide, stripe));
            List<TokenCheck.Result> checks = new ArrayList<>();
            long warmStart = System.nanoTime();
            warmUp(services, repository, hasher, template);
            Bench.progress(String.format("  token check warm-up %.1f s", (System.nanoTime() - warmStart) / 1e9));
            for (int count : counts) {
                long t0 = System.nanoTime();
                insert(services.database().jdbi(), hasher, template, tokens, count);
                long t1 = System.nanoTime();
                checks.add(TokenCheck.measure(services.servers(), tokens));
                Bench.progress(String.format(
                        "  %d servers stored (insert %.1f s), token check timed in %.1f s",
                        count, (t1 - t0) / 1e9, (System.nanoTime() - t1) / 1e9));
            }
            return new Seeded(bench, wide, stripe, checks);
        }
    }

    /**
     * Runs every token-check path on throw-away servers (deleted again), so the measured counts meet compiled code and
     * the first count is not charged for the JIT.
     */
    private static void warmUp(Services services, ServerRepository repository, TokenHasher hasher, ServerRow template) {
        List<String> warm = new ArrayList<>();
        List<UUID> ids = insert(services.database().jdbi(), hasher, template, warm, 2_000);
        TokenCheck.warmUp(services.servers(), warm);
        ids.forEach(id -> repository.delete(template.environmentId(), template.integratedAccountId(), id));
    }

    private static UUID account(Services services, UUID environment, String integration, String upstream) {
        IntegratedAccount account = services.accounts()
                .create(
                        environment,
                        new NewAccount(
                                integration,
                                "bench " + integration,
                                Map.of("api_key", "sk_test_bench"),
                                Optional.of(upstream)));
        return account.id();
    }

    private static String server(Services services, UUID environment, UUID account) {
        return services.servers()
                .create(environment, account, new NewServer("bench", ServerConfig.ALL, Optional.empty()))
                .orElseThrow()
                .token();
    }

    /**
     * Inserts servers like {@code template} (same account and config, new ids and tokens) until there are
     * {@code total}: rows of the storage layer's {@code mcp_servers} table, written in batches of 5,000 per transaction
     * (the repository's one-row insert would take minutes for 100k).
     */
    private static List<UUID> insert(
            Jdbi jdbi, TokenHasher hasher, ServerRow template, List<String> tokens, int total) {
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC).truncatedTo(ChronoUnit.MICROS);
        List<UUID> ids = new ArrayList<>();
        while (tokens.size() < total) {
            int batchEnd = Math.min(total, tokens.size() + 5_000);
            jdbi.useTransaction(handle -> {
                PreparedBatch batch = handle.prepareBatch("INSERT INTO mcp_servers (id, environment_id,"
                        + " integrated_account_id, name, config, token_hash, expires_at, created_at, updated_at)"
                        + " VALUES (?, ?, ?, ?, ?, ?, NULL, ?, ?)");
                while (tokens.size() < batchEnd) {
                    String token = SecretTokens.generate();
                    UUID id = UUID.randomUUID();
                    batch.add(
                            id,
                            template.environmentId(),
                            template.integratedAccountId(),
                            "bulk " + tokens.size(),
                            template.config(),
                            hasher.hash(token),
                            now,
                            now);
                    ids.add(id);
                    tokens.add(token);
                }
                batch.execute();
            });
        }
        return ids;
    }
}
