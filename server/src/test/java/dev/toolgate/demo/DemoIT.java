package dev.toolgate.demo;

import static org.assertj.core.api.Assertions.assertThat;

import dev.toolgate.testing.HttpJson;
import dev.toolgate.testing.McpClients;
import dev.toolgate.testing.RunningDemo;
import io.modelcontextprotocol.spec.McpSchema;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

/** Demo mode: sandboxes, accounts and ready URLs; a second start reuses the accounts and replaces the servers. */
class DemoIT {

    private static DemoServer server(Demo demo, String integration, String kind) {
        return demo.servers().stream()
                .filter(s -> s.integration().equals(integration) && s.kind().equals(kind))
                .findFirst()
                .orElseThrow();
    }

    private static JsonNode accounts(Demo demo) {
        var http = new HttpJson("http://127.0.0.1:" + demo.toolgate().port());
        return http.send("GET", "/integrated-account", demo.apiToken(), (JsonNode) null)
                .body()
                .get("result");
    }

    @Test
    void start_printsAWorkingUrlPerIntegrationAndKind(@TempDir Path dataDir) {
        try (Demo demo = Demo.start(RunningDemo.config(dataDir))) {
            assertThat(demo.servers())
                    .extracting(DemoServer::integration, DemoServer::kind)
                    .containsExactly(
                            org.assertj.core.groups.Tuple.tuple("Stripe", "all tools"),
                            org.assertj.core.groups.Tuple.tuple("Stripe", "read only"),
                            org.assertj.core.groups.Tuple.tuple("Plastiq", "all tools"),
                            org.assertj.core.groups.Tuple.tuple("Plastiq", "read only"),
                            org.assertj.core.groups.Tuple.tuple("Finexio", "all tools"),
                            org.assertj.core.groups.Tuple.tuple("Finexio", "read only"));
            assertThat(demo.instructions())
                    .contains(demo.apiToken())
                    .contains(server(demo, "Finexio", "read only").url())
                    .contains("--transport http --method tools/list")
                    .contains("npx -y mcp-remote");

            for (DemoServer server : demo.servers()) {
                try (var client = McpClients.connect(server.url())) {
                    var tools = client.listTools().tools();
                    assertThat(tools).as(server.toString()).hasSize(server.toolCount());
                    if (server.kind().equals("read only")) {
                        assertThat(tools)
                                .allSatisfy(t -> assertThat(t.annotations().readOnlyHint())
                                        .isTrue());
                    }
                }
            }
            try (var client =
                    McpClients.connect(server(demo, "Stripe", "read only").url())) {
                var balance = client.callTool(McpSchema.CallToolRequest.builder("get_single_stripe_balance_by_id")
                        .arguments(Map.of())
                        .build());
                assertThat(balance.isError()).isNotEqualTo(Boolean.TRUE);
            }
            assertThat(demo.sandboxes())
                    .allSatisfy(s -> assertThat(s.requests()).isNotNull());
        }
    }

    @Test
    void secondStart_reusesAccountsAndRevokesTheEarlierUrls(@TempDir Path dataDir) {
        String oldUrl;
        String oldToken;
        List<String> accountIds;
        try (Demo first = Demo.start(RunningDemo.config(dataDir))) {
            oldUrl = server(first, "Stripe", "all tools").url();
            oldToken = first.apiToken();
            accountIds = accounts(first).findValuesAsString("id");
        }
        try (Demo second = Demo.start(RunningDemo.config(dataDir))) {
            assertThat(accounts(second).findValuesAsString("id")).containsExactlyInAnyOrderElementsOf(accountIds);
            var http = new HttpJson("http://127.0.0.1:" + second.toolgate().port());
            String path = oldUrl.substring(oldUrl.indexOf("/mcp/"));
            assertThat(http.send(
                                    "POST",
                                    path,
                                    "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"ping\"}",
                                    Map.of("Content-Type", "application/json"))
                            .status())
                    .isEqualTo(404);
            assertThat(http.send("GET", "/integrated-account", oldToken, (JsonNode) null)
                            .status())
                    .isEqualTo(401);
            try (var client =
                    McpClients.connect(server(second, "Plastiq", "all tools").url())) {
                assertThat(client.listTools().tools()).isNotEmpty();
            }
        }
    }
}
