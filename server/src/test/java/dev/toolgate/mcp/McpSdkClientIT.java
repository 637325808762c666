package dev.toolgate.mcp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.toolgate.config.ToolgateConfig;
import dev.toolgate.support.Json;
import dev.toolgate.testing.McpClients;
import dev.toolgate.testing.RunningToolgate;
import io.modelcontextprotocol.client.McpSyncClient;
import io.modelcontextprotocol.spec.McpSchema;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** The official MCP Java SDK client lists and calls TestPay tools through a server created via the admin API. */
class McpSdkClientIT {
    private static RunningToolgate gate;
    private static McpSyncClient client;

    @BeforeAll
    static void start() {
        gate = RunningToolgate.start(
                new ToolgateConfig.Limits(1024 * 1024, 5, Duration.ofSeconds(2), Duration.ofSeconds(5), 1024 * 1024));
        String token = gate.apiToken("acme");
        String account = gate.connectTestPay(token);
        String url = gate.createServer(token, account, "{\"name\": \"all tools\"}")
                .get("url")
                .asString();
        client = McpClients.connect(url);
    }

    @AfterAll
    static void stop() {
        client.close();
        gate.close();
    }

    @BeforeEach
    void clear() {
        gate.upstream.clear();
    }

    private static McpSchema.CallToolResult call(String tool, Map<String, Object> arguments) {
        return client.callTool(
                McpSchema.CallToolRequest.builder(tool).arguments(arguments).build());
    }

    private static JsonNode json(McpSchema.CallToolResult result) {
        return Json.parse(((McpSchema.TextContent) result.content().get(0)).text());
    }

    @Test
    void listTools_followsCursorsAcrossPages_andReturnsEveryGeneratedTool() {
        var firstPage = client.listTools(null);
        assertThat(firstPage.tools()).hasSize(5);
        assertThat(firstPage.nextCursor()).isNotBlank();

        var all = client.listTools();

        assertThat(all.tools())
                .extracting(McpSchema.Tool::name)
                .contains(
                        "get_single_testpay_balance_by_id",
                        "list_all_testpay_customers",
                        "create_a_testpay_refund",
                        "testpay_customers_search",
                        "testpay_invoices_bulk_create")
                .doesNotContain("testpay_customers_merge")
                .hasSize(15);
        var refund = all.tools().stream()
                .filter(t -> t.name().equals("create_a_testpay_refund"))
                .findFirst()
                .orElseThrow();
        assertThat(refund.annotations().destructiveHint()).isTrue();
        assertThat(refund.inputSchema().get("required")).isEqualTo(java.util.List.of("charge"));
    }

    @Test
    void callTool_getById_returnsUpstreamObjectAsTextAndStructuredContent() {
        var result = call("get_single_testpay_customer_by_id", Map.of("id", "cus_1"));

        assertThat(result.isError()).isNotEqualTo(Boolean.TRUE);
        assertThat(json(result).get("id").asString()).isEqualTo("cus_1");
        assertThat(result.structuredContent())
                .isInstanceOfSatisfying(Map.class, m -> assertThat(m.get("id")).isEqualTo("cus_1"));
        assertThat(gate.upstream.requests()).singleElement().satisfies(r -> {
            assertThat(r.rawPath()).isEqualTo("/v1/customers/cus_1");
            assertThat(r.header("Authorization"))
                    .contains("Bearer " + dev.toolgate.testing.TestPayUpstream.DEFAULT_API_KEY);
        });
    }

    @Test
    void callTool_list_isNormalizedAndNextCursorLeadsToTheNextPage() {
        JsonNode first = json(call("list_all_testpay_customers", Map.of("limit", 2)));
        assertThat(first.get("result")).hasSize(2);
        String cursor = first.get("next_cursor").asString();

        JsonNode second = json(call("list_all_testpay_customers", Map.of("limit", 2, "next_cursor", cursor)));

        assertThat(second.get("result")).hasSize(1);
        assertThat(second.get("next_cursor").isNull()).isTrue();
    }

    @Test
    void callTool_createRefund_sendsFormBodyWithIdempotencyKey() {
        var result = call("create_a_testpay_refund", Map.of("charge", "ch_1", "amount", 500));

        assertThat(result.isError()).isNotEqualTo(Boolean.TRUE);
        assertThat(json(result).get("amount").asInt()).isEqualTo(500);
        assertThat(gate.upstream.requests()).singleElement().satisfies(r -> {
            assertThat(r.method()).isEqualTo("POST");
            assertThat(r.formPairs()).contains(Map.entry("charge", "ch_1"), Map.entry("amount", "500"));
            assertThat(r.header("Idempotency-Key"))
                    .hasValueSatisfying(v -> assertThat(v).isNotBlank());
        });
    }

    @Test
    void callTool_upstreamError_isErrorResultWithStatusAndRawResponse() {
        var result = call("create_a_testpay_refund", Map.of("charge", "ch_missing"));

        assertThat(result.isError()).isTrue();
        JsonNode error = json(result);
        assertThat(error.get("status").asInt()).isEqualTo(404);
        assertThat(error.get("is_remote_error").asBoolean()).isTrue();
        assertThat(error.at("/raw_response/error/message").asString()).contains("No such charge");
    }

    @Test
    void callTool_invalidArguments_isErrorNamingTheFieldAndNothingIsSent() {
        var result = call("create_a_testpay_refund", Map.of("amount", "ten"));

        assertThat(result.isError()).isTrue();
        assertThat(json(result).get("message").asString())
                .contains("`charge`")
                .contains("`amount`")
                .contains("; tool create_a_testpay_refund: argument `")
                .endsWith(". Nothing was sent to the upstream API.");
        assertThat(gate.upstream.requests()).isEmpty();
    }

    @Test
    void callTool_unknownTool_isProtocolError() {
        assertThatThrownBy(() -> call("delete_everything", Map.of())).hasMessageContaining("Unknown tool");
    }

    @Test
    void ping_answers() {
        assertThat(client.ping()).isNotNull();
    }
}
