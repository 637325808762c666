package dev.toolgate.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import dev.toolgate.sandbox.stripe.StripeSandbox;
import dev.toolgate.support.Json;
import dev.toolgate.testing.HttpJson;
import dev.toolgate.testing.McpRequests;
import dev.toolgate.testing.NodeProcess;
import dev.toolgate.testing.PostgresSchema;
import dev.toolgate.testing.RunningCluster;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Two Toolgate processes on one PostgreSQL schema, configured by environment as in production, both under write load
 * (Stripe customers created through MCP on the Stripe sandbox). Node A is killed with SIGKILL mid-load: node B keeps
 * answering every call without an error, and everything either node acknowledged before the kill (customers created
 * through it, an MCP server created on A) is there afterwards, served by B.
 */
class KilledNodeIT {
    private static final String CREATE = "create_a_stripe_customer";
    private static final String GET = "get_single_stripe_customer_by_id";

    @TempDir
    Path dir;

    private PostgresSchema schema;
    private StripeSandbox stripe;
    private NodeProcess a;
    private NodeProcess b;
    private String apiToken;

    @BeforeEach
    void start() {
        schema = PostgresSchema.create();
        stripe = StripeSandbox.start(0);
        var secrets = RunningCluster.sharedSecrets();
        Map<String, String> environment = Map.of(
                "TOOLGATE_DATABASE_URL", schema.jdbcUrl(),
                "TOOLGATE_TOKEN_HMAC_KEY", secrets.tokenHmacKey().orElseThrow(),
                "TOOLGATE_CREDENTIALS_KEYSET_FILE",
                        secrets.credentialsKeysetFile().orElseThrow().toString());
        apiToken = NodeProcess.run(dir.resolve("cli"), environment, "token", "create", "--environment", "acme");
        a = NodeProcess.serve(dir.resolve("a"), environment);
        b = NodeProcess.serve(dir.resolve("b"), environment);
    }

    @AfterEach
    void stop() {
        try {
            for (NodeProcess node : new NodeProcess[] {a, b}) {
                if (node != null) {
                    node.close();
                }
            }
            if (stripe != null) {
                stripe.close();
            }
        } finally {
            if (schema != null) {
                schema.close();
            }
        }
    }

    @Test
    void nodeAKilledMidLoad_bKeepsServingWithoutErrors_andEveryAcknowledgedWriteSurvives() throws Exception {
        String account = connectStripe(a.http);
        String path = createServer(a.http, account, "busy");
        List<String> acknowledged = new CopyOnWriteArrayList<>();
        List<String> failuresOnB = new CopyOnWriteArrayList<>();
        AtomicInteger callsOnB = new AtomicInteger();
        AtomicInteger refusedByA = new AtomicInteger();
        AtomicBoolean running = new AtomicBoolean(true);
        List<Thread> clients = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            int worker = i;
            clients.add(Thread.ofVirtual().start(() -> {
                for (int n = 0; running.get(); n++) {
                    try {
                        acknowledged.add(createCustomer(a.http, path, "a-" + worker + "-" + n));
                    } catch (RuntimeException e) {
                        refusedByA.incrementAndGet(); // a balancer takes A out of rotation here
                        return;
                    }
                }
            }));
            clients.add(Thread.ofVirtual().start(() -> {
                for (int n = 0; running.get(); n++) {
                    try {
                        acknowledged.add(createCustomer(b.http, path, "b-" + worker + "-" + n));
                    } catch (RuntimeException e) {
                        failuresOnB.add(e.toString());
                    }
                    callsOnB.incrementAndGet();
                }
            }));
        }
        Thread.sleep(1000);
        String madeOnA = createServer(a.http, account, "made on A just before it died");
        int acknowledgedBeforeKill = acknowledged.size();
        int callsOnBBeforeKill = callsOnB.get();

        a.kill();
        Thread.sleep(1500);
        running.set(false);
        for (Thread client : clients) {
            client.join();
        }

        System.out.printf(
                "kill -9 of node A: %d writes acknowledged (%d before the kill), %d calls on B after it, %d clients cut"
                        + " off A%n",
                acknowledged.size(), acknowledgedBeforeKill, callsOnB.get() - callsOnBBeforeKill, refusedByA.get());
        assertThat(a.alive()).isFalse();
        assertThat(failuresOnB).as("calls answered by B").isEmpty();
        assertThat(callsOnB.get() - callsOnBBeforeKill)
                .as("calls on B after the kill")
                .isPositive();
        assertThat(acknowledgedBeforeKill).isPositive();
        assertThat(acknowledged).doesNotHaveDuplicates();
        for (String customer : acknowledged) {
            JsonNode found = result(McpRequests.callTool(b.http, path, GET, "{\"id\":\"" + customer + "\"}"));
            assertThat(found.get("id").asString()).isEqualTo(customer);
        }
        assertThat(McpRequests.ping(b.http, madeOnA).status()).isEqualTo(200);
        assertThat(McpRequests.toolNames(b.http, madeOnA)).contains(CREATE, GET);
    }

    private String connectStripe(HttpJson http) {
        ObjectNode body = Json.object();
        body.put("integration", "stripe");
        body.put("label", "Stripe sandbox");
        ObjectNode credentials = body.putObject("credentials");
        stripe.credentials().forEach(credentials::put);
        body.put("base_url", stripe.baseUrl().toString());
        var response = http.send("POST", "/integrated-account", apiToken, body);
        assertThat(response.status()).as(response.text()).isEqualTo(201);
        return response.body().get("id").asString();
    }

    private String createServer(HttpJson http, String account, String name) {
        ObjectNode body = Json.object();
        body.put("name", name);
        var response = http.send("POST", "/integrated-account/" + account + "/mcp", apiToken, body);
        assertThat(response.status()).as(response.text()).isEqualTo(201);
        return McpRequests.path(response.body().get("url").asString());
    }

    /** Creates a customer through MCP; returns its id once acknowledged, throws on any failure. */
    private static String createCustomer(HttpJson http, String path, String name) {
        return result(McpRequests.callTool(http, path, CREATE, "{\"name\":\"" + name + "\"}"))
                .get("id")
                .asString();
    }

    /** The tool result's JSON; throws unless the call succeeded. */
    private static JsonNode result(HttpJson.Response response) {
        if (response.status() != 200
                || !response.body().has("result")
                || response.body().at("/result/isError").asBoolean()) {
            throw new IllegalStateException(response.status() + " " + response.text());
        }
        return Json.parse(response.body().at("/result/content/0/text").asString());
    }
}
