package dev.toolgate.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import dev.toolgate.support.Json;
import dev.toolgate.testing.HttpJson;
import dev.toolgate.testing.McpRequests;
import dev.toolgate.testing.RunningCluster;
import dev.toolgate.testing.RunningToolgate;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * Two real Toolgate nodes on one PostgreSQL schema with the same keys, as behind a load balancer: what is changed
 * through node A is honoured by node B within a second (measured), expiry runs once per cluster, and B keeps serving
 * when A goes away.
 */
class TwoNodeClusterIT {
    private static final Duration PROPAGATION_LIMIT = Duration.ofSeconds(1);
    private static final String GET_CUSTOMER = "get_single_testpay_customer_by_id";

    private RunningCluster cluster;
    private RunningToolgate a;
    private RunningToolgate b;
    private String apiToken;
    private String account;

    @BeforeEach
    void start() {
        cluster = RunningCluster.create(Duration.ofMillis(300));
        a = cluster.startNode();
        b = cluster.startNode();
        apiToken = a.apiToken("acme");
        account = a.connectTestPay(apiToken);
    }

    @AfterEach
    void stop() {
        cluster.close();
    }

    @Test
    void revokeOnA_bAnswers404WithinASecond() {
        JsonNode server = a.createServer(apiToken, account, "{\"name\":\"soon revoked\"}");
        String path = McpRequests.path(server.get("url").asString());
        assertThat(McpRequests.ping(b.http, path).status()).isEqualTo(200); // now cached on B

        var revoke = send(a, "DELETE", serverPath(server), null);

        assertThat(revoke.status()).isEqualTo(204);
        assertPropagated("server revoke", () -> McpRequests.ping(b.http, path).status() == 404);
    }

    @Test
    void configChangeOnA_bToolsListReflectsItWithinASecond() {
        JsonNode server = a.createServer(apiToken, account, "{\"name\":\"narrowed\"}");
        String path = McpRequests.path(server.get("url").asString());
        assertThat(McpRequests.toolNames(b.http, path)).contains("create_a_testpay_refund");

        var patch = send(a, "PATCH", serverPath(server), "{\"config\":{\"methods\":[\"read\"]}}");

        assertThat(patch.status()).isEqualTo(200);
        assertPropagated(
                "server config change",
                () -> !McpRequests.toolNames(b.http, path).contains("create_a_testpay_refund"));
        assertThat(McpRequests.toolNames(b.http, path)).contains("list_all_testpay_customers");
    }

    @Test
    void accountChangeAndDeleteOnA_areHonouredByBWithinASecond() {
        JsonNode server = a.createServer(apiToken, account, "{\"name\":\"reads\"}");
        String path = McpRequests.path(server.get("url").asString());
        assertThat(isError(McpRequests.callTool(b.http, path, GET_CUSTOMER, "{\"id\":\"cus_1\"}")))
                .isFalse();

        var patch = send(
                a, "PATCH", "/integrated-account/" + account, "{\"credentials\":{\"api_key\":\"sk_test_revoked\"}}");

        assertThat(patch.status()).isEqualTo(200);
        assertPropagated(
                "account credentials change",
                () -> isError(McpRequests.callTool(b.http, path, GET_CUSTOMER, "{\"id\":\"cus_1\"}")));
        assertThat(McpRequests.callTool(b.http, path, GET_CUSTOMER, "{\"id\":\"cus_1\"}")
                        .body()
                        .at("/result/structuredContent/status")
                        .asInt())
                .isEqualTo(401);

        assertThat(send(a, "DELETE", "/integrated-account/" + account, null).status())
                .isEqualTo(204);
        assertPropagated("account delete", () -> McpRequests.ping(b.http, path).status() == 404);
    }

    @Test
    void apiTokenRevokeOnA_bAnswers401WithinASecond() {
        var issued = a.toolgate.services().apiTokens().create("acme", "doomed");
        String doomed = issued.token();
        JsonNode guarded =
                a.createServer(apiToken, account, "{\"name\":\"2fa\",\"config\":{\"require_api_token_auth\":true}}");
        String path = McpRequests.path(guarded.get("url").asString());
        assertThat(b.http.send("GET", "/integration", doomed, (JsonNode) null).status())
                .isEqualTo(200);
        assertThat(pingWithToken(b, path, doomed)).isEqualTo(200);

        var revoke = send(a, "DELETE", "/api-token/" + issued.id(), null);

        assertThat(revoke.status()).isEqualTo(204);
        assertPropagated(
                "API token revoke",
                () -> b.http.send("GET", "/integration", doomed, (JsonNode) null)
                                .status()
                        == 401);
        assertThat(pingWithToken(b, path, doomed)).isEqualTo(401);
        assertThat(pingWithToken(b, path, apiToken)).isEqualTo(200);
    }

    @Test
    void sessionEndedOnA_bAnswers404ForItWithinASecond() {
        String path = McpRequests.path(
                a.createServer(apiToken, account, "{\"name\":\"s\"}").get("url").asString());
        var initialize = McpRequests.post(
                a.http,
                path,
                "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"initialize\",\"params\":{\"protocolVersion\":\"2025-11-25\","
                        + "\"capabilities\":{},\"clientInfo\":{\"name\":\"it\",\"version\":\"1\"}}}",
                Map.of());
        String session = initialize.header("Mcp-Session-Id");
        Map<String, String> inSession = Map.of("Mcp-Session-Id", session);
        String ping = "{\"jsonrpc\":\"2.0\",\"id\":2,\"method\":\"ping\"}";
        assertThat(McpRequests.post(b.http, path, ping, inSession).status()).isEqualTo(200);

        var end = a.http.send("DELETE", path, null, inSession);

        assertThat(end.status()).isIn(200, 204);
        assertPropagated(
                "session end",
                () -> McpRequests.post(b.http, path, ping, inSession).status() == 404);
    }

    @Test
    void expiry_bothNodesRunningTheJob_deletesEachExpiredServerExactlyOnce() {
        int expiring = 40;
        String expiresAt = cluster.clock.instant().plusSeconds(61).toString();
        List<String> expiringPaths = new ArrayList<>();
        for (int i = 0; i < expiring; i++) {
            RunningToolgate via = i % 2 == 0 ? a : b;
            expiringPaths.add(McpRequests.path(via.createServer(
                            apiToken, account, "{\"name\":\"e" + i + "\",\"expires_at\":\"" + expiresAt + "\"}")
                    .get("url")
                    .asString()));
        }
        String live = McpRequests.path(a.createServer(apiToken, account, "{\"name\":\"live\"}")
                .get("url")
                .asString());
        assertThat(McpRequests.ping(b.http, expiringPaths.get(0)).status()).isEqualTo(200);

        cluster.clock.advance(Duration.ofMinutes(2));

        assertThat(McpRequests.ping(b.http, expiringPaths.get(0)).status()).isEqualTo(404); // at once, by the clock
        awaitTrue(Duration.ofSeconds(20), () -> serverRows() == 1);
        long byA = a.toolgate.expiryJob().deletedCount();
        long byB = b.toolgate.expiryJob().deletedCount();
        System.out.printf("expiry: %d expired servers deleted, %d by node A and %d by node B%n", expiring, byA, byB);
        assertThat(byA + byB).isEqualTo(expiring);
        assertThat(McpRequests.ping(a.http, live).status()).isEqualTo(200);
        assertThat(McpRequests.ping(b.http, live).status()).isEqualTo(200);
        assertThat(expiringPaths)
                .allSatisfy(path ->
                        assertThat(McpRequests.ping(a.http, path).status()).isEqualTo(404));
        // one row per recurring job (server expiry, audit retention), shared by both nodes
        assertThat(scheduledTasks()).isEqualTo(2);
    }

    @Test
    void nodeAClosedMidLoad_bKeepsServingWithoutErrors_andNothingIsLost() throws InterruptedException {
        String path = McpRequests.path(a.createServer(apiToken, account, "{\"name\":\"busy\"}")
                .get("url")
                .asString());
        AtomicBoolean running = new AtomicBoolean(true);
        AtomicInteger calls = new AtomicInteger();
        List<String> failures = new CopyOnWriteArrayList<>();
        List<Thread> clients = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            clients.add(Thread.ofVirtual().start(() -> {
                while (running.get()) {
                    var response = McpRequests.callTool(b.http, path, GET_CUSTOMER, "{\"id\":\"cus_2\"}");
                    calls.incrementAndGet();
                    if (response.status() != 200 || isError(response)) {
                        failures.add(response.status() + " " + response.text());
                    }
                }
            }));
        }
        Thread.sleep(700);
        JsonNode writtenOnA = a.createServer(apiToken, account, "{\"name\":\"made on A just before it stopped\"}");
        int beforeClose = calls.get();

        a.close();
        Thread.sleep(1500);
        running.set(false);
        for (Thread client : clients) {
            client.join();
        }

        System.out.printf(
                "failover: %d tools/call on B (%d after A closed), %d failures%n",
                calls.get(), calls.get() - beforeClose, failures.size());
        assertThat(failures).isEmpty();
        assertThat(calls.get() - beforeClose).isPositive();
        assertThat(cluster.upstream.requests()).hasSize(calls.get());
        String madeOnA = McpRequests.path(writtenOnA.get("url").asString());
        assertThat(McpRequests.ping(b.http, madeOnA).status()).isEqualTo(200);

        RunningToolgate c = cluster.startNode();
        assertThat(McpRequests.ping(c.http, madeOnA).status()).isEqualTo(200);
        assertThat(send(c, "DELETE", serverPath(writtenOnA), null).status()).isEqualTo(204);
        assertPropagated(
                "revoke on a node started after A left",
                () -> McpRequests.ping(b.http, madeOnA).status() == 404);
    }

    private HttpJson.Response send(RunningToolgate node, String method, String path, String json) {
        return node.http.send(method, path, apiToken, json == null ? null : Json.parse(json));
    }

    private String serverPath(JsonNode server) {
        return "/integrated-account/" + account + "/mcp/" + server.get("id").asString();
    }

    private static int pingWithToken(RunningToolgate node, String path, String token) {
        return McpRequests.post(
                        node.http,
                        path,
                        "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"ping\"}",
                        Map.of("Authorization", "Bearer " + token))
                .status();
    }

    private static boolean isError(HttpJson.Response response) {
        return response.body().at("/result/isError").asBoolean();
    }

    /** Polls B until {@code honoured}; prints and checks how long after the acting request's answer that took. */
    private static void assertPropagated(String what, BooleanSupplier honoured) {
        Instant acted = Instant.now();
        awaitTrue(Duration.ofSeconds(5), honoured);
        Duration took = Duration.between(acted, Instant.now());
        System.out.printf("propagation of %s to node B: %d ms%n", what, took.toMillis());
        assertThat(took).as(what + " propagation").isLessThanOrEqualTo(PROPAGATION_LIMIT);
    }

    private static void awaitTrue(Duration limit, BooleanSupplier condition) {
        Instant deadline = Instant.now().plus(limit);
        while (!condition.getAsBoolean()) {
            assertThat(Instant.now()).as("condition not met within " + limit).isBefore(deadline);
            try {
                Thread.sleep(2);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
    }

    private long serverRows() {
        return count("mcp_servers");
    }

    private long scheduledTasks() {
        return count("scheduled_tasks");
    }

    private long count(String table) {
        try (var connection = java.sql.DriverManager.getConnection(cluster.schema.jdbcUrl());
                var statement = connection.createStatement();
                var rs = statement.executeQuery("SELECT COUNT(*) FROM " + table)) {
            rs.next();
            return rs.getLong(1);
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
