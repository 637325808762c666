package dev.toolgate.testing;

import dev.toolgate.Toolgate;
import dev.toolgate.config.ToolgateConfig;
import dev.toolgate.support.Json;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * A real Toolgate on a random loopback port with its own temporary data directory, the {@code testpay} fixture
 * integration, a real local TestPay upstream and a hand-moved clock. For end-to-end tests over real HTTP. By default on
 * the embedded database with generated keys; {@link #start(Node)} puts it on PostgreSQL, with given keys, a shared
 * clock and upstream (several nodes of one cluster, see {@link RunningCluster}).
 */
public final class RunningToolgate implements AutoCloseable {
    public final TestPayUpstream upstream;
    public final MutableClock clock;
    public final Path dataDir;
    public final Toolgate toolgate;
    public final HttpJson http;

    /**
     * How to start one node.
     *
     * @param database PostgreSQL, or empty for the embedded database under the node's own data directory
     * @param secrets key material, or {@link ToolgateConfig.SecretsConfig#GENERATED} under the data directory
     * @param clock the node's clock; empty for a new one at the current instant
     * @param upstream a TestPay upstream shared with other nodes (not closed with this node); empty for an own one
     * @param expiryInterval delay between expiry runs
     * @param operations metrics token, audit retention, shutdown timeout
     */
    public record Node(
            ToolgateConfig.Limits limits,
            Optional<URI> publicBaseUrl,
            Optional<ToolgateConfig.DatabaseConfig> database,
            ToolgateConfig.SecretsConfig secrets,
            Optional<MutableClock> clock,
            Optional<TestPayUpstream> upstream,
            Duration expiryInterval,
            ToolgateConfig.Operations operations) {
        public static final Node DEFAULT = new Node(
                ToolgateConfig.Limits.DEFAULT,
                Optional.empty(),
                Optional.empty(),
                ToolgateConfig.SecretsConfig.GENERATED,
                Optional.empty(),
                Optional.empty(),
                Duration.ofHours(1),
                ToolgateConfig.Operations.DEFAULT);

        /** The same node with other operations settings. */
        public Node with(ToolgateConfig.Operations other) {
            return new Node(limits, publicBaseUrl, database, secrets, clock, upstream, expiryInterval, other);
        }
    }

    private final boolean ownsUpstream;
    private final AtomicBoolean closed = new AtomicBoolean();

    private RunningToolgate(Node node) {
        try {
            this.ownsUpstream = node.upstream().isEmpty();
            this.upstream = node.upstream().orElseGet(() -> new TestPayUpstream().start());
            this.clock = node.clock().orElseGet(() -> new MutableClock(Instant.now()));
            this.dataDir = Files.createTempDirectory("toolgate-it");
            Path integrations = Path.of(
                    RunningToolgate.class.getResource("/fixtures/integrations").toURI());
            var config = new ToolgateConfig(
                    "127.0.0.1",
                    0,
                    dataDir,
                    node.publicBaseUrl(),
                    node.database(),
                    Optional.of(integrations),
                    node.secrets(),
                    node.limits(),
                    node.expiryInterval(),
                    List.of(),
                    node.operations());
            this.toolgate = Toolgate.start(config, clock);
            this.http = new HttpJson("http://127.0.0.1:" + toolgate.port());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    public static RunningToolgate start() {
        return new RunningToolgate(Node.DEFAULT);
    }

    public static RunningToolgate start(ToolgateConfig.Limits limits) {
        return new RunningToolgate(new Node(
                limits,
                Optional.empty(),
                Optional.empty(),
                ToolgateConfig.SecretsConfig.GENERATED,
                Optional.empty(),
                Optional.empty(),
                Node.DEFAULT.expiryInterval(),
                ToolgateConfig.Operations.DEFAULT));
    }

    /** With these operations settings (metrics token, audit retention, shutdown timeout). */
    public static RunningToolgate start(ToolgateConfig.Operations operations) {
        return new RunningToolgate(Node.DEFAULT.with(operations));
    }

    /** Behind a reverse proxy that publishes it at {@code publicBaseUrl} (which may have a path prefix). */
    public static RunningToolgate startBehind(String publicBaseUrl) {
        return new RunningToolgate(new Node(
                ToolgateConfig.Limits.DEFAULT,
                Optional.of(URI.create(publicBaseUrl)),
                Optional.empty(),
                ToolgateConfig.SecretsConfig.GENERATED,
                Optional.empty(),
                Optional.empty(),
                Node.DEFAULT.expiryInterval(),
                ToolgateConfig.Operations.DEFAULT));
    }

    /** On PostgreSQL, in {@code schema}, with keys generated under its own data directory. */
    public static RunningToolgate startOn(PostgresSchema schema) {
        return start(new Node(
                ToolgateConfig.Limits.DEFAULT,
                Optional.empty(),
                Optional.of(schema.config()),
                ToolgateConfig.SecretsConfig.GENERATED,
                Optional.empty(),
                Optional.empty(),
                Node.DEFAULT.expiryInterval(),
                ToolgateConfig.Operations.DEFAULT));
    }

    public static RunningToolgate start(Node node) {
        return new RunningToolgate(node);
    }

    public String baseUrl() {
        return "http://127.0.0.1:" + toolgate.port();
    }

    /** A new admin API token of {@code environment} (created if needed). */
    public String apiToken(String environment) {
        return toolgate.services().apiTokens().create(environment, "test").token();
    }

    /** Connects the TestPay upstream as an integrated account through the admin API; returns the account id. */
    public String connectTestPay(String apiToken) {
        ObjectNode body = Json.object();
        body.put("integration", "testpay");
        body.put("label", "TestPay sandbox");
        body.putObject("credentials").put("api_key", TestPayUpstream.DEFAULT_API_KEY);
        body.put("base_url", upstream.baseUrl().toString());
        var response = http.send("POST", "/integrated-account", apiToken, body);
        if (response.status() != 201) {
            throw new IllegalStateException("connect failed: " + response);
        }
        return response.body().get("id").asString();
    }

    /** Waits until every audit entry recorded so far is in the database. */
    public void flushAudit() {
        if (!toolgate.audit().flush(Duration.ofSeconds(10))) {
            throw new IllegalStateException("audit entries were not written within 10 s");
        }
    }

    /** Creates an MCP server through the admin API; returns the create response (with token and url). */
    public JsonNode createServer(String apiToken, String accountId, String bodyJson) {
        var response = http.send("POST", "/integrated-account/" + accountId + "/mcp", apiToken, Json.parse(bodyJson));
        if (response.status() != 201) {
            throw new IllegalStateException("create server failed: " + response);
        }
        return response.body();
    }

    @Override
    public void close() {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        toolgate.close();
        if (ownsUpstream) {
            upstream.close();
        }
    }
}
