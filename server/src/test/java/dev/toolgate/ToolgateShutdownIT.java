package dev.toolgate;

import static org.assertj.core.api.Assertions.assertThat;

import dev.toolgate.config.ToolgateConfig;
import dev.toolgate.storage.AuditFilter;
import dev.toolgate.storage.AuditRepository;
import dev.toolgate.storage.Database;
import dev.toolgate.storage.DatabaseSettings;
import dev.toolgate.storage.jdbc.JdbiRepositories;
import dev.toolgate.testing.HttpJson;
import dev.toolgate.testing.RawMcp;
import dev.toolgate.testing.RunningToolgate;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

/** {@link Toolgate#close()}: requests in flight finish (bounded), new ones are refused, the audit log is flushed. */
class ToolgateShutdownIT {
    private static final String BALANCE = "get_single_testpay_balance_by_id";

    private static RawMcp server(RunningToolgate gate) {
        String apiToken = gate.apiToken("shutdown");
        String account = gate.connectTestPay(apiToken);
        String token = gate.createServer(apiToken, account, "{\"name\":\"slow\"}")
                .get("token")
                .asString();
        return new RawMcp(gate.http, "/mcp/" + token);
    }

    /** Starts a tools/call that the upstream holds for {@code delay}; returns once the upstream has it. */
    private static CompletableFuture<HttpJson.Response> slowCall(RunningToolgate gate, RawMcp mcp, Duration delay) {
        String session = mcp.initialize("shutdown-it", "1").header("Mcp-Session-Id");
        gate.upstream.clear();
        gate.upstream.delayNext(delay);
        var call = CompletableFuture.supplyAsync(() -> mcp.call(session, BALANCE, "{}"));
        Awaitility.await()
                .atMost(Duration.ofSeconds(10))
                .until(() -> !gate.upstream.requests().isEmpty());
        return call;
    }

    @Test
    void close_withACallInFlight_letsItFinishWith200_refusesNewRequests_andFlushesItsAuditEntry() throws Exception {
        try (RunningToolgate gate = RunningToolgate.start()) {
            RawMcp mcp = server(gate);
            var call = slowCall(gate, mcp, Duration.ofSeconds(3));

            String base = gate.baseUrl();
            long start = System.nanoTime();
            var closing = CompletableFuture.runAsync(gate.toolgate::close);
            Thread.sleep(500);
            assertThat(closing).isNotDone();
            assertThat(refused(base)).isTrue();

            var response = call.get(20, TimeUnit.SECONDS);
            closing.get(20, TimeUnit.SECONDS);

            assertThat(response.status()).isEqualTo(200);
            assertThat(response.body().at("/result/isError").asBoolean()).isFalse();
            assertThat(response.body().at("/result/structuredContent/object").asString())
                    .isEqualTo("balance");
            assertThat(Duration.ofNanos(System.nanoTime() - start)).isGreaterThan(Duration.ofMillis(2000));
            assertThat(auditedOutcomes(gate)).contains(BALANCE + " success");
        }
    }

    @Test
    void close_isBoundedByTheShutdownTimeout() throws Exception {
        var operations = new ToolgateConfig.Operations(
                ToolgateConfig.LogFormat.PLAIN, Optional.empty(), Duration.ofDays(30), Duration.ofSeconds(1));
        try (RunningToolgate gate = RunningToolgate.start(operations)) {
            RawMcp mcp = server(gate);
            var call = slowCall(gate, mcp, Duration.ofSeconds(15));

            long start = System.nanoTime();
            gate.toolgate.close();

            assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(8));
            call.handle((response, failure) -> null).get(30, TimeUnit.SECONDS);
        }
    }

    /** A new connection while the server drains is refused (or answered 503). */
    private static boolean refused(String base) {
        try {
            var response = HttpClient.newHttpClient()
                    .send(
                            HttpRequest.newBuilder(URI.create(base + "/health"))
                                    .timeout(Duration.ofSeconds(5))
                                    .build(),
                            HttpResponse.BodyHandlers.ofString());
            return response.statusCode() == 503;
        } catch (IOException e) {
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** The audit log as stored, read after the server closed its database. */
    /** What the stopped server's database holds: "tool outcome" of every audited tool call. */
    private static List<String> auditedOutcomes(RunningToolgate gate) {
        try (Database database = Database.open(DatabaseSettings.embedded(gate.dataDir))) {
            AuditRepository audit = new JdbiRepositories(database.jdbi()).audit();
            List<String> outcomes = new ArrayList<>();
            for (UUID environment : audit.environments()) {
                var all = new AuditFilter(
                        environment, Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty());
                audit.list(all, Optional.empty(), 100).items().stream()
                        .filter(row -> row.toolName().isPresent())
                        .forEach(row -> outcomes.add(row.toolName().get() + " " + row.outcome()));
            }
            return outcomes;
        }
    }
}
