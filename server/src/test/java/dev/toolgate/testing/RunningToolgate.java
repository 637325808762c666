package dev.toolgate.testing;

import dev.toolgate.Toolgate;
import dev.toolgate.config.ToolgateConfig;
import dev.toolgate.support.Json;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * A real Toolgate on a random loopback port with its own temporary data directory, the {@code testpay} fixture
 * integration, a real local TestPay upstream and a hand-moved clock. For end-to-end tests over real HTTP.
 */
public final class RunningToolgate implements AutoCloseable {
    public final TestPayUpstream upstream;
    public final MutableClock clock;
    public final Path dataDir;
    public final Toolgate toolgate;
    public final HttpJson http;

    private RunningToolgate(ToolgateConfig.Limits limits, Optional<java.net.URI> publicBaseUrl) {
        this(limits, publicBaseUrl, ToolgateConfig.Operations.DEFAULT);
    }

    private RunningToolgate(
            ToolgateConfig.Limits limits, Optional<java.net.URI> publicBaseUrl, ToolgateConfig.Operations operations) {
        try {
            this.upstream = new TestPayUpstream().start();
            this.clock = new MutableClock(Instant.now());
            this.dataDir = Files.createTempDirectory("toolgate-it");
            Path integrations = Path.of(
                    RunningToolgate.class.getResource("/fixtures/integrations").toURI());
            var config = new ToolgateConfig(
                    "127.0.0.1",
                    0,
                    dataDir,
                    publicBaseUrl,
                    Optional.empty(),
                    Optional.of(integrations),
                    ToolgateConfig.SecretsConfig.GENERATED,
                    limits,
                    Duration.ofHours(1),
                    List.of(),
                    operations);
            this.toolgate = Toolgate.start(config, clock);
            this.http = new HttpJson("http://127.0.0.1:" + toolgate.port());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    public static RunningToolgate start() {
        return new RunningToolgate(ToolgateConfig.Limits.DEFAULT, Optional.empty());
    }

    public static RunningToolgate start(ToolgateConfig.Limits limits) {
        return new RunningToolgate(limits, Optional.empty());
    }

    /** With these operations settings (metrics token, audit retention, shutdown timeout). */
    public static RunningToolgate start(ToolgateConfig.Operations operations) {
        return new RunningToolgate(ToolgateConfig.Limits.DEFAULT, Optional.empty(), operations);
    }

    /** Behind a reverse proxy that publishes it at {@code publicBaseUrl} (which may have a path prefix). */
    public static RunningToolgate startBehind(String publicBaseUrl) {
        return new RunningToolgate(ToolgateConfig.Limits.DEFAULT, Optional.of(java.net.URI.create(publicBaseUrl)));
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
        toolgate.close();
        upstream.close();
    }
}
