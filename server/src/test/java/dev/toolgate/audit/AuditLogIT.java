package dev.toolgate.audit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.toolgate.support.Json;
import dev.toolgate.testing.DatabaseScan;
import dev.toolgate.testing.HttpJson;
import dev.toolgate.testing.RawMcp;
import dev.toolgate.testing.RunningToolgate;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** The MCP audit log end to end: real MCP traffic, then {@code GET /log} and the rows in the database. */
class AuditLogIT {
    private static RunningToolgate gate;

    @BeforeAll
    static void start() {
        gate = RunningToolgate.start();
    }

    @AfterAll
    static void stop() {
        gate.close();
    }

    /** A fresh environment with a TestPay account and one MCP server. */
    private record Tenant(String apiToken, String accountId, String serverId, RawMcp mcp) {}

    private static Tenant tenant() {
        String apiToken = gate.apiToken("audit-" + UUID.randomUUID());
        String account = gate.connectTestPay(apiToken);
        return withServer(apiToken, account);
    }

    private static Tenant withServer(String apiToken, String account) {
        JsonNode server = gate.createServer(apiToken, account, "{\"name\":\"audited\"}");
        return new Tenant(
                apiToken,
                account,
                server.get("id").asString(),
                new RawMcp(gate.http, "/mcp/" + server.get("token").asString()));
    }

    private static HttpJson.Response log(String apiToken, String query) {
        gate.flushAudit();
        return gate.http.send("GET", "/log?" + query, apiToken, (JsonNode) null);
    }

    private static List<JsonNode> entries(String apiToken, String query) {
        var response = log(apiToken, query);
        assertThat(response.status()).as(response.text()).isEqualTo(200);
        return StreamSupport.stream(response.body().get("result").spliterator(), false)
                .toList();
    }

    @Test
    void toolCalls_areAuditedWithTheirFields_andNoArgumentValues() {
        Tenant t = tenant();
        var init = t.mcp().initialize("audit-it", "4.2");
        String session = init.header("Mcp-Session-Id");
        var created =
                t.mcp().call(session, "create_a_testpay_customer", "{\"email\":\"zebediah.argvalue@example.com\"}");
        t.mcp().call(session, "create_a_testpay_refund", "{\"charge\":\"ch_argvalue_1\",\"amount\":\"lots\"}");
        t.mcp().call(session, "get_single_testpay_customer_by_id", "{\"id\":\"cus_argvalue_missing\"}");
        gate.upstream.rateLimitNext(1, Map.of("Retry-After", "2"));
        t.mcp().call(session, "list_all_testpay_customers", "{\"limit\":3}");
        t.mcp().call(session, "no_such_tool", "{}");

        List<JsonNode> entries = entries(t.apiToken(), "log_type=mcp");

        assertThat(entries)
                .extracting(e -> e.get("mcp_method").asString() + " "
                        + e.path("tool").asString("-") + " " + e.get("outcome").asString() + " "
                        + e.path("upstream_status").asString("-"))
                .containsExactly(
                        "tools/call no_such_tool error -",
                        "tools/call list_all_testpay_customers rate_limited 429",
                        "tools/call get_single_testpay_customer_by_id upstream_error 404",
                        "tools/call create_a_testpay_refund rejected -",
                        "tools/call create_a_testpay_customer success 200",
                        "initialize - ok -");
        JsonNode call = entries.get(4);
        assertThat(call.get("log_type").asString()).isEqualTo("mcp");
        assertThat(call.get("mcp_server_id").asString()).isEqualTo(t.serverId());
        assertThat(call.get("integrated_account_id").asString()).isEqualTo(t.accountId());
        assertThat(call.at("/client/name").asString()).isEqualTo("audit-it");
        assertThat(call.at("/client/version").asString()).isEqualTo("4.2");
        assertThat(call.get("http_status").asInt()).isEqualTo(200);
        assertThat(call.get("latency_ms").asLong()).isNotNegative();
        assertThat(call.get("request_id").asString()).isEqualTo(created.header("X-Request-Id"));
        assertThat(Instant.parse(call.get("created_at").asString()))
                .isEqualTo(gate.clock.instant().truncatedTo(java.time.temporal.ChronoUnit.MICROS));
        assertThat(entries.get(5).at("/client/name").asString()).isEqualTo("audit-it");

        for (var cell : DatabaseScan.cells(gate.toolgate.services().database())) {
            assertThat(new String(cell.bytes(), StandardCharsets.UTF_8))
                    .as(cell.table() + "." + cell.column())
                    .doesNotContain("argvalue");
        }
    }

    @Test
    void refusedAndOtherMessages_areAuditedToo() {
        Tenant t = tenant();
        t.mcp().post("{\"jsonrpc\":\"2.0\",\"method\":\"notifications/initialized\"}", Map.of());
        t.mcp().post("{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":", Map.of());
        t.mcp().post("{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"ping\"}", Map.of("Mcp-Session-Id", "s2.forged"));
        t.mcp()
                .post(
                        "[{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"ping\"},{\"jsonrpc\":\"2.0\",\"id\":2,\"method\":\"nope\"}]",
                        Map.of("MCP-Protocol-Version", "2025-03-26"));
        new RawMcp(gate.http, "/mcp/" + "0".repeat(64)).initialize("stranger", "1");

        assertThat(entries(t.apiToken(), "log_type=mcp"))
                .extracting(e -> e.path("mcp_method").asString("-") + " "
                        + e.get("outcome").asString() + " "
                        + e.get("http_status").asInt())
                .containsExactlyInAnyOrder(
                        "notifications/initialized ok 202",
                        "- refused 400",
                        "- refused 404",
                        "ping ok 200",
                        "nope error 200");
    }

    @Test
    void modernRequests_andTheLegacyTransport_carryTheirClient() throws Exception {
        Tenant t = tenant();
        String meta = "\"_meta\":{\"io.modelcontextprotocol/protocolVersion\":\"2026-07-28\","
                + "\"io.modelcontextprotocol/clientCapabilities\":{},"
                + "\"io.modelcontextprotocol/clientInfo\":{\"name\":\"modern-client\",\"version\":\"7\"}}";
        t.mcp()
                .post(
                        "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"tools/list\",\"params\":{" + meta + "}}",
                        Map.of("MCP-Protocol-Version", "2026-07-28", "Mcp-Method", "tools/list"));

        assertThat(entries(t.apiToken(), "log_type=mcp")).singleElement().satisfies(e -> {
            assertThat(e.get("mcp_method").asString()).isEqualTo("tools/list");
            assertThat(e.at("/client/name").asString()).isEqualTo("modern-client");
        });
    }

    @Test
    void log_filtersByServerToolAndTime() {
        Tenant t = tenant();
        Tenant second = withServer(t.apiToken(), t.accountId());
        Instant start = gate.clock.instant().truncatedTo(java.time.temporal.ChronoUnit.MICROS);
        t.mcp().call(null, "get_single_testpay_balance_by_id", "{}");
        gate.clock.advance(Duration.ofMinutes(1));
        t.mcp().call(null, "list_all_testpay_customers", "{}");
        gate.clock.advance(Duration.ofMinutes(1));
        second.mcp().call(null, "get_single_testpay_balance_by_id", "{}");

        assertThat(entries(t.apiToken(), "log_type=mcp&mcp_server_id=" + second.serverId()))
                .singleElement()
                .satisfies(e -> assertThat(e.get("mcp_server_id").asString()).isEqualTo(second.serverId()));
        assertThat(entries(t.apiToken(), "log_type=mcp&tool=get_single_testpay_balance_by_id"))
                .hasSize(2);
        assertThat(entries(
                        t.apiToken(),
                        "log_type=mcp&from=" + start.plus(Duration.ofSeconds(30)) + "&to="
                                + start.plus(Duration.ofSeconds(90))))
                .singleElement()
                .satisfies(e -> assertThat(e.get("tool").asString()).isEqualTo("list_all_testpay_customers"));
        assertThat(entries(t.apiToken(), "log_type=mcp&to=" + start)).isEmpty();
    }

    @Test
    void log_pagesWithACursor() {
        Tenant t = tenant();
        for (int i = 0; i < 5; i++) {
            t.mcp().call(null, "get_single_testpay_balance_by_id", "{}");
        }

        List<String> ids = new ArrayList<>();
        String query = "log_type=mcp&limit=2";
        String cursor = null;
        do {
            var page = log(t.apiToken(), query + (cursor == null ? "" : "&cursor=" + cursor));
            page.body().get("result").forEach(e -> ids.add(e.get("id").asString()));
            cursor = page.body().get("next_cursor").isNull()
                    ? null
                    : page.body().get("next_cursor").asString();
        } while (cursor != null);

        assertThat(ids).hasSize(5).doesNotHaveDuplicates();
    }

    @Test
    void log_isScopedToTheCallersEnvironment() {
        Tenant a = tenant();
        Tenant b = tenant();
        a.mcp().call(null, "get_single_testpay_balance_by_id", "{}");

        assertThat(entries(b.apiToken(), "log_type=mcp")).isEmpty();
        assertThat(entries(b.apiToken(), "log_type=mcp&mcp_server_id=" + a.serverId()))
                .isEmpty();
        assertThat(entries(a.apiToken(), "log_type=mcp")).hasSize(1);
        assertThat(log(null, "log_type=mcp").status()).isEqualTo(401);
    }

    @Test
    void log_badParameters_areAllReportedAtOnce() {
        Tenant t = tenant();
        var missing = log(t.apiToken(), "");
        assertThat(missing.status()).isEqualTo(400);
        assertThat(missing.body().at("/error/details/0/field").asString()).isEqualTo("log_type");

        var bad = log(t.apiToken(), "log_type=admin&mcp_server_id=nope&from=yesterday&to=2026-13-01");
        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.body().at("/error/details").findValuesAsString("field"))
                .containsExactly("log_type", "mcp_server_id", "from", "to");

        var backwards = log(t.apiToken(), "log_type=mcp&from=2026-03-02&to=2026-03-01T00:00:00%2B02:00");
        assertThat(backwards.body().at("/error/details/0/field").asString()).isEqualTo("to");
        assertThat(log(t.apiToken(), "log_type=mcp&limit=101").status()).isEqualTo(400);
    }

    @Test
    void retention_deletesEntriesOlderThanTheRetentionPeriod() {
        Tenant t = tenant();
        t.mcp().call(null, "get_single_testpay_balance_by_id", "{}");
        gate.flushAudit();
        gate.clock.advance(Duration.ofDays(30).plusMinutes(1));
        t.mcp().call(null, "list_all_testpay_customers", "{}");
        gate.flushAudit();

        assertThat(gate.toolgate.audit().deleteExpired()).isPositive();

        assertThat(entries(t.apiToken(), "log_type=mcp"))
                .singleElement()
                .satisfies(e -> assertThat(e.get("tool").asString()).isEqualTo("list_all_testpay_customers"));
    }

    @Test
    void retention_runsAsAClusterWideScheduledTask() {
        List<String> tasks = gate.toolgate
                .services()
                .database()
                .jdbi()
                .withHandle(h -> h.createQuery("SELECT task_name FROM scheduled_tasks")
                        .mapTo(String.class)
                        .list());
        assertThat(tasks).contains(AuditLog.RETENTION_TASK, "delete-expired-mcp-servers");
    }

    @Test
    void log_isDocumentedInTheOpenApiDocument() {
        JsonNode document =
                gate.http.send("GET", "/openapi.json", null, (JsonNode) null).body();
        assertThat(document.at("/paths/~1log/get/parameters").toString())
                .contains("log_type", "mcp_server_id", "tool", "from", "to", "cursor", "limit");
        assertThat(Json.write(document)).contains("AuditEntry");
    }
}
