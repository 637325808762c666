package dev.toolgate.servers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.toolgate.support.Json;
import dev.toolgate.testing.HttpJson;
import dev.toolgate.testing.McpClients;
import dev.toolgate.testing.RunningToolgate;
import io.modelcontextprotocol.spec.McpSchema;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Filters, second factor, revocation and expiry as an MCP client experiences them, over real HTTP. */
class McpServerAccessIT {
    private static final String PING = "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"ping\"}";

    private RunningToolgate gate;
    private String apiToken;
    private String account;

    @BeforeEach
    void start() {
        gate = RunningToolgate.start();
        apiToken = gate.apiToken("acme");
        account = gate.connectTestPay(apiToken);
    }

    @AfterEach
    void stop() {
        gate.close();
    }

    private HttpJson.Response ping(String url, Map<String, String> headers) {
        var all = new java.util.HashMap<>(Map.of("Content-Type", "application/json"));
        all.putAll(headers);
        return gate.http.send("POST", url.substring(url.indexOf("/mcp/")), PING, all);
    }

    private static java.util.List<String> toolNames(String url) {
        try (var client = McpClients.connect(url)) {
            return client.listTools().tools().stream().map(McpSchema.Tool::name).toList();
        }
    }

    @Test
    void readOnlyServer_listsOnlyReadTools_andRefusesWriteToolCalls() {
        String url = gate.createServer(apiToken, account, "{\"name\":\"ro\",\"config\":{\"methods\":[\"read\"]}}")
                .get("url")
                .asString();

        assertThat(toolNames(url))
                .contains("list_all_testpay_customers", "get_single_testpay_charge_by_id", "testpay_customers_search")
                .doesNotContain(
                        "create_a_testpay_refund",
                        "delete_a_testpay_customer_by_id",
                        "testpay_charges_capture",
                        "testpay_invoices_bulk_create",
                        "update_a_testpay_customer_by_id");
        try (var client = McpClients.connect(url)) {
            assertThatThrownBy(() -> client.callTool(McpSchema.CallToolRequest.builder("create_a_testpay_refund")
                            .arguments(Map.of("charge", "ch_1"))
                            .build()))
                    .hasMessageContaining("Unknown tool");
        }
        assertThat(gate.upstream.requests()).isEmpty();
    }

    @Test
    void tagsAndMethods_areCombinedWithAnd() {
        String url = gate.createServer(
                        apiToken,
                        account,
                        "{\"name\":\"pay-writes\",\"config\":{\"methods\":[\"write\"],\"tags\":[\"payments\"]}}")
                .get("url")
                .asString();

        assertThat(toolNames(url)).containsExactlyInAnyOrder("testpay_charges_capture", "create_a_testpay_refund");
    }

    @Test
    void secondFactor_missingOrForeignTokenIs401_ownEnvironmentTokenWorks() {
        String url = gate.createServer(
                        apiToken, account, "{\"name\":\"2fa\",\"config\":{\"require_api_token_auth\":true}}")
                .get("url")
                .asString();
        String foreign = gate.apiToken("other-environment");

        var missing = ping(url, Map.of());
        assertThat(missing.status()).isEqualTo(401);
        assertThat(missing.header("WWW-Authenticate")).startsWith("Bearer");
        assertThat(ping(url, Map.of("Authorization", "Bearer " + foreign)).status())
                .isEqualTo(401);
        assertThat(ping(url, Map.of("Authorization", "Bearer not-a-token")).status())
                .isEqualTo(401);
        assertThat(ping(url, Map.of("Authorization", "Bearer " + apiToken)).status())
                .isEqualTo(200);
        try (var client = McpClients.connect(url, apiToken)) {
            assertThat(client.listTools().tools()).isNotEmpty();
        }
    }

    @Test
    void revokedServer_answers404FromThatMomentOn() {
        var created = gate.createServer(apiToken, account, "{\"name\":\"soon revoked\"}");
        String url = created.get("url").asString();
        assertThat(ping(url, Map.of()).status()).isEqualTo(200);

        var deleted = gate.http.send(
                "DELETE",
                "/integrated-account/" + account + "/mcp/" + created.get("id").asString(),
                apiToken,
                (tools.jackson.databind.JsonNode) null);

        assertThat(deleted.status()).isEqualTo(204);
        assertThat(ping(url, Map.of()).status()).isEqualTo(404);
    }

    @Test
    void expiringServer_answers404AfterExpiry_andTheJobDeletesItsRow() {
        Instant expiresAt = gate.clock.instant().plusSeconds(61);
        var created =
                gate.createServer(apiToken, account, "{\"name\":\"temporary\",\"expires_at\":\"" + expiresAt + "\"}");
        String url = created.get("url").asString();
        assertThat(ping(url, Map.of()).status()).isEqualTo(200);

        gate.clock.advance(Duration.ofSeconds(61));

        assertThat(ping(url, Map.of()).status()).isEqualTo(404);
        assertThat(gate.toolgate.services().servers().deleteExpired()).isEqualTo(1);
        long rows = gate.toolgate
                .services()
                .database()
                .jdbi()
                .withHandle(h -> h.createQuery("SELECT COUNT(*) FROM mcp_servers WHERE id = :id")
                        .bind("id", java.util.UUID.fromString(created.get("id").asString()))
                        .mapTo(Long.class)
                        .one());
        assertThat(rows).isZero();
    }

    @Test
    void configChange_takesEffectForTheSameUrlAtOnce() {
        var created = gate.createServer(apiToken, account, "{\"name\":\"narrowed later\"}");
        String url = created.get("url").asString();
        assertThat(toolNames(url)).contains("create_a_testpay_refund");

        var patched = gate.http.send(
                "PATCH",
                "/integrated-account/" + account + "/mcp/" + created.get("id").asString(),
                apiToken,
                Json.parse("{\"config\":{\"methods\":[\"read\"]}}"));

        assertThat(patched.status()).isEqualTo(200);
        assertThat(toolNames(url)).doesNotContain("create_a_testpay_refund");
    }
}
