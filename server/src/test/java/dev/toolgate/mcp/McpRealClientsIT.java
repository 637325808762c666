package dev.toolgate.mcp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.toolgate.support.Json;
import dev.toolgate.testing.NodeClients;
import dev.toolgate.testing.RunningDemo;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * The MCP clients people actually run, from npm, against a running demo (Toolgate plus sandbox upstreams): the MCP Inspector CLI (Streamable HTTP and
 * legacy SSE) and mcp-remote as Claude Desktop runs it (stdio in, our URL out), including its --header form for
 * servers that require an API token. These are the commands the README documents.
 */
class McpRealClientsIT {
    private static RunningDemo demo;
    private static String apiToken;
    private static String url;
    private static String protectedUrl;

    @BeforeAll
    static void start() {
        if (!NodeClients.required()) {
            assumeTrue(NodeClients.available(), "npm is not installed: real MCP client tests skipped");
        }
        demo = RunningDemo.start();
        apiToken = demo.apiToken();
        url = demo.url("Stripe", RunningDemo.ALL_TOOLS);
        JsonNode accounts = demo.http()
                .send("GET", "/integrated-account", apiToken, (JsonNode) null)
                .body();
        String stripe = accounts.get("result")
                .valueStream()
                .filter(a -> a.get("integration").asString().equals("stripe"))
                .findFirst()
                .orElseThrow()
                .get("id")
                .asString();
        protectedUrl = demo.http()
                .send(
                        "POST",
                        "/integrated-account/" + stripe + "/mcp",
                        apiToken,
                        Json.parse("{\"name\":\"2fa\",\"config\":{\"require_api_token_auth\":true}}"))
                .body()
                .get("url")
                .asString();
    }

    @AfterAll
    static void stop() {
        if (demo != null) {
            demo.close();
        }
    }

    private static List<String> names(JsonNode tools) {
        return tools.valueStream().map(t -> t.get("name").asString()).toList();
    }

    private static JsonNode inspector(String... args) throws Exception {
        return Json.parse(NodeClients.run(NodeClients.npx(NodeClients.INSPECTOR, args)));
    }

    @Test
    void inspectorCli_listsAndCallsToolsOverStreamableHttp() throws Exception {
        JsonNode tools = inspector("--cli", url, "--transport", "http", "--method", "tools/list");
        assertThat(names(tools.get("tools"))).contains("list_all_stripe_customers");

        JsonNode result = inspector(
                "--cli",
                url,
                "--transport",
                "http",
                "--method",
                "tools/call",
                "--tool-name",
                "get_single_stripe_customer_by_id",
                "--tool-args-json",
                "{\"id\":\"cus_SeedJane\"}");
        assertThat(result.at("/structuredContent/email").asString()).isEqualTo("jane@example.com");
    }

    @Test
    void inspectorCli_listsToolsOverLegacySse() throws Exception {
        JsonNode tools = inspector("--cli", url + "/sse", "--method", "tools/list");
        assertThat(names(tools.get("tools"))).contains("create_a_stripe_refund");
    }

    @Test
    void mcpRemote_bridgesStdioToOurUrl() throws Exception {
        Map<Integer, JsonNode> answers = mcpRemote(url, List.of());
        assertThat(answers.get(1).at("/result/serverInfo/name").asString()).isEqualTo("toolgate");
        assertThat(names(answers.get(2).at("/result/tools"))).contains("get_single_stripe_balance_by_id");
        assertThat(answers.get(3).at("/result/isError").asBoolean(false)).isFalse();
    }

    @Test
    void mcpRemote_withHeaderForm_reachesAServerThatRequiresAnApiToken() throws Exception {
        Map<Integer, JsonNode> answers =
                mcpRemote(protectedUrl, List.of("--header", "Authorization: Bearer " + apiToken));
        assertThat(answers.get(2).at("/result/tools")).isNotEmpty();
    }

    /** Speaks JSON-RPC lines to mcp-remote's stdin, as a desktop host does, and collects the answers by id. */
    private static Map<Integer, JsonNode> mcpRemote(String target, List<String> extra) throws Exception {
        List<String> args = new java.util.ArrayList<>(List.of(target));
        args.addAll(extra);
        Process process = NodeClients.npx(NodeClients.MCP_REMOTE, args.toArray(String[]::new))
                .redirectError(ProcessBuilder.Redirect.DISCARD)
                .start();
        Map<Integer, JsonNode> answers = new HashMap<>();
        try (OutputStream in = process.getOutputStream();
                var out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            send(
                    in,
                    "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"initialize\",\"params\":{\"protocolVersion\":"
                            + "\"2025-11-25\",\"capabilities\":{},\"clientInfo\":{\"name\":\"desktop\",\"version\":\"1\"}}}");
            read(out, answers, 1);
            send(in, "{\"jsonrpc\":\"2.0\",\"method\":\"notifications/initialized\"}");
            send(in, "{\"jsonrpc\":\"2.0\",\"id\":2,\"method\":\"tools/list\"}");
            read(out, answers, 2);
            send(
                    in,
                    "{\"jsonrpc\":\"2.0\",\"id\":3,\"method\":\"tools/call\",\"params\":{\"name\":"
                            + "\"get_single_stripe_balance_by_id\",\"arguments\":{}}}");
            read(out, answers, 3);
        } finally {
            process.destroy();
            process.waitFor(10, TimeUnit.SECONDS);
        }
        return answers;
    }

    private static void send(OutputStream in, String line) throws Exception {
        in.write((line + "\n").getBytes(StandardCharsets.UTF_8));
        in.flush();
    }

    private static void read(BufferedReader out, Map<Integer, JsonNode> answers, int id) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(3);
        while (!answers.containsKey(id) && System.nanoTime() < deadline) {
            String line = out.readLine();
            if (line == null) {
                break;
            }
            if (line.startsWith("{")) {
                JsonNode message = Json.parse(line);
                if (message.has("id")) {
                    answers.put(message.get("id").asInt(), message);
                }
            }
        }
        assertThat(answers).as("answer to request " + id).containsKey(id);
    }
}
