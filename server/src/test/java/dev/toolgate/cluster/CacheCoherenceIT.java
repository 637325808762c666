package dev.toolgate.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.toolgate.Services;
import dev.toolgate.accounts.AccountPatch;
import dev.toolgate.accounts.IntegratedAccount;
import dev.toolgate.accounts.IssuedApiToken;
import dev.toolgate.accounts.NewAccount;
import dev.toolgate.crypto.KeySettings;
import dev.toolgate.crypto.ServerKeys;
import dev.toolgate.servers.CreatedServer;
import dev.toolgate.servers.NewServer;
import dev.toolgate.servers.ServerConfig;
import dev.toolgate.storage.ChangeNotices;
import dev.toolgate.storage.Database;
import dev.toolgate.support.FieldUpdate;
import dev.toolgate.testing.Fixtures;
import dev.toolgate.testing.MutableClock;
import dev.toolgate.testing.PostgresSchema;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two nodes' core services (each with its own pool, caches and listener) on one PostgreSQL schema: what one changes,
 * the other's caches drop; a lost listener connection bypasses the caches until it listens again.
 */
class CacheCoherenceIT {
    /** A slow reconnect, so the test can act while the listener is down. */
    private static final ChangeListener.Timing SLOW_RECONNECT = new ChangeListener.Timing(
            Duration.ofMillis(100), Duration.ofSeconds(1), Duration.ofSeconds(2), Duration.ofSeconds(2));

    @TempDir
    Path keysDir;

    private final MutableClock clock = new MutableClock(java.time.Instant.now());
    private PostgresSchema schema;
    private Node a;
    private Node b;

    /** One node: its own database pool, services and listener. */
    private record Node(Database database, Services services, CacheCoherence coherence) implements AutoCloseable {
        @Override
        public void close() {
            coherence.close();
            database.close();
        }
    }

    private Node node() {
        Database database = Database.open(schema.settings(2));
        Services services = Services.over(
                database, ServerKeys.load(KeySettings.generatedUnder(keysDir)), Fixtures.registry(), clock);
        CacheCoherence coherence = CacheCoherence.start(
                database.settings(),
                ChangeNotices.over(database.jdbi()),
                new CacheCoherence.Caches(services.servers(), services.apiTokens(), services.endedSessions()),
                SLOW_RECONNECT);
        return new Node(database, services, coherence);
    }

    @BeforeEach
    void start() {
        schema = PostgresSchema.create();
        a = node();
        b = node();
    }

    @AfterEach
    void stop() {
        b.close();
        a.close();
        schema.close();
    }

    private record Fixture(IssuedApiToken apiToken, IntegratedAccount account, CreatedServer server) {}

    private Fixture serverOnA() {
        IssuedApiToken apiToken = a.services().apiTokens().create("acme", "ci");
        IntegratedAccount account = a.services()
                .accounts()
                .create(
                        apiToken.environmentId(),
                        new NewAccount("testpay", "Main", Map.of("api_key", "first"), Optional.empty()));
        CreatedServer server = a.services()
                .servers()
                .create(
                        apiToken.environmentId(),
                        account.id(),
                        new NewServer("bot", ServerConfig.ALL, Optional.empty()))
                .orElseThrow();
        return new Fixture(apiToken, account, server);
    }

    @Test
    void start_onPostgres_listensAndIsCoherent() {
        assertThat(a.coherence().isCoherent()).isTrue();
        assertThat(b.coherence().timesListening()).isEqualTo(1);
        assertThat(b.coherence().listenerBackendPid()).isPositive();
    }

    @Test
    void revokeOnA_cachedOnB_isDroppedOnB() {
        Fixture f = serverOnA();
        assertThat(b.services().servers().resolve(f.server().token())).isPresent();

        a.services()
                .servers()
                .delete(
                        f.apiToken().environmentId(),
                        f.account().id(),
                        f.server().server().id());

        await().atMost(Duration.ofSeconds(1))
                .pollInterval(Duration.ofMillis(5))
                .until(() -> b.services().servers().resolve(f.server().token()).isEmpty());
    }

    @Test
    void accountCredentialsChangedOnA_bResolvesTheNewCredentials() {
        Fixture f = serverOnA();
        assertThat(credentialOnB(f)).isEqualTo("first");

        a.services()
                .accounts()
                .update(
                        f.apiToken().environmentId(),
                        f.account().id(),
                        new AccountPatch(
                                Optional.empty(), Optional.of(Map.of("api_key", "second")), FieldUpdate.keep()));

        await().atMost(Duration.ofSeconds(1))
                .pollInterval(Duration.ofMillis(5))
                .until(() -> credentialOnB(f).equals("second"));
    }

    @Test
    void apiTokenRevokedOnA_bStopsAuthenticatingIt() {
        Fixture f = serverOnA();
        assertThat(b.services().apiTokens().authenticate(f.apiToken().token())).isPresent();

        a.services()
                .apiTokens()
                .revoke(f.apiToken().environmentId(), f.apiToken().id());

        await().atMost(Duration.ofSeconds(1))
                .pollInterval(Duration.ofMillis(5))
                .until(() -> b.services()
                        .apiTokens()
                        .authenticate(f.apiToken().token())
                        .isEmpty());
    }

    @Test
    void sessionEndedOnA_isEndedOnB() {
        a.services().endedSessions().end("s1.AAAAAAAAAAAAAAAA.2025-11-25.0123456789abcdef0123456789abcdef");

        await().atMost(Duration.ofSeconds(1))
                .pollInterval(Duration.ofMillis(5))
                .until(() -> b.services()
                        .endedSessions()
                        .isEnded("s1.AAAAAAAAAAAAAAAA.2025-11-25.0123456789abcdef0123456789abcdef"));
    }

    @Test
    void cachedResolution_isServedWithoutTheDatabase_untilANoticeSaysOtherwise() {
        Fixture f = serverOnA();
        assertThat(b.services().servers().resolve(f.server().token())).isPresent();

        // behind the services' back: no notice, so B's cache (the hot path) still answers
        update("DELETE FROM mcp_servers");
        assertThat(b.services().servers().resolve(f.server().token())).isPresent();

        // a notice of a kind this version does not know drops everything
        select("SELECT pg_notify('toolgate_cache', 'from-a-newer-version:42')");
        await().atMost(Duration.ofSeconds(1))
                .pollInterval(Duration.ofMillis(5))
                .until(() -> b.services().servers().resolve(f.server().token()).isEmpty());
    }

    @Test
    void listenerConnectionKilled_bypassesCachesMeanwhile_andFlushesThemOnReconnect() {
        Fixture f = serverOnA();
        assertThat(b.services().servers().resolve(f.server().token())).isPresent();
        assertThat(b.services().apiTokens().authenticate(f.apiToken().token())).isPresent();

        PostgresSchema.execute("SELECT pg_terminate_backend(" + b.coherence().listenerBackendPid() + ")");
        await().atMost(Duration.ofSeconds(1)).until(() -> !b.coherence().isCoherent());
        // committed while B cannot hear it: its notice is lost for B
        a.services()
                .servers()
                .delete(
                        f.apiToken().environmentId(),
                        f.account().id(),
                        f.server().server().id());
        a.services()
                .apiTokens()
                .revoke(f.apiToken().environmentId(), f.apiToken().id());

        assertThat(b.services().servers().resolve(f.server().token())).isEmpty();
        assertThat(b.services().apiTokens().authenticate(f.apiToken().token())).isEmpty();
        await().atMost(Duration.ofSeconds(10)).until(() -> b.coherence().isCoherent());
        assertThat(b.coherence().timesListening()).isEqualTo(2);
        assertThat(b.services().servers().resolve(f.server().token())).isEmpty();
        assertThat(b.services().apiTokens().authenticate(f.apiToken().token())).isEmpty();
    }

    private String credentialOnB(Fixture f) {
        return b.services()
                .servers()
                .resolve(f.server().token())
                .orElseThrow()
                .account()
                .credentials()
                .get("api_key")
                .orElseThrow();
    }

    private void update(String sql) {
        a.database().jdbi().useHandle(handle -> handle.execute(sql));
    }

    private void select(String sql) {
        a.database()
                .jdbi()
                .useHandle(handle -> handle.createQuery(sql).mapToMap().list());
    }
}
