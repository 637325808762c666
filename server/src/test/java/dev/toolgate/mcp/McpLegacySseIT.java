package dev.toolgate.mcp;

import static org.assertj.core.api.Assertions.assertThat;

import dev.toolgate.support.Json;
import dev.toolgate.testing.RunningToolgate;
import io.modelcontextprotocol.client.McpClient;
import io.modelcontextprotocol.client.McpSyncClient;
import io.modelcontextprotocol.client.transport.HttpClientSseClientTransport;
import io.modelcontextprotocol.spec.McpSchema;
import java.io.BufferedReader;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The HTTP+SSE transport (protocol 2024-11-05) with the official Java SDK's SSE client and over raw HTTP. */
class McpLegacySseIT {
    private static RunningToolgate gate;
    private static String token;

    @BeforeAll
    static void start() {
        gate = RunningToolgate.start();
        String apiToken = gate.apiToken("acme");
        String account = gate.connectTestPay(apiToken);
        token = gate.createServer(apiToken, account, "{\"name\":\"sse\"}")
                .get("token")
                .asString();
    }

    @AfterAll
    static void stop() {
        gate.close();
    }

    private static HttpResponse<InputStream> openStream(RunningToolgate target, String path) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create(target.baseUrl() + path))
                .header("Accept", "text/event-stream")
                .GET()
                .build();
        return HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofInputStream());
    }

    private static String firstEvent(HttpResponse<InputStream> stream) throws Exception {
        var reader = new BufferedReader(new InputStreamReader(stream.body(), StandardCharsets.UTF_8));
        return reader.readLine() + "\n" + reader.readLine();
    }

    @Test
    void javaSdkSseClient_initializesListsAndCallsTools() {
        var transport = HttpClientSseClientTransport.builder(gate.baseUrl())
                .sseEndpoint("/mcp/" + token + "/sse")
                .build();
        McpSyncClient client = McpClient.sync(transport)
                .requestTimeout(Duration.ofSeconds(20))
                .clientInfo(new McpSchema.Implementation("sse-it", "1.0.0"))
                .build();
        try (client) {
            var init = client.initialize();
            assertThat(init.serverInfo().name()).isEqualTo("toolgate");
            assertThat(client.listTools().tools())
                    .extracting(McpSchema.Tool::name)
                    .contains("create_a_testpay_refund");
            var result = client.callTool(McpSchema.CallToolRequest.builder("get_single_testpay_customer_by_id")
                    .arguments(Map.of("id", "cus_1"))
                    .build());
            assertThat(result.isError()).isNotEqualTo(Boolean.TRUE);
            assertThat(Json.parse(((McpSchema.TextContent) result.content().get(0)).text())
                            .get("id")
                            .asString())
                    .isEqualTo("cus_1");
        }
    }

    @Test
    void endpointEvent_isSameOriginPath_onSseAndOnTheBareUrl() throws Exception {
        for (String path : new String[] {"/mcp/" + token + "/sse", "/mcp/" + token}) {
            var stream = openStream(gate, path);
            assertThat(stream.statusCode()).isEqualTo(200);
            assertThat(stream.headers().firstValue("Content-Type").orElse("")).startsWith("text/event-stream");
            assertThat(firstEvent(stream)).startsWith("event: endpoint\ndata: /mcp/" + token + "/messages?sessionId=");
            stream.body().close();
        }
    }

    @Test
    void endpointEvent_behindAReverseProxyPrefix_carriesThePrefix() throws Exception {
        try (RunningToolgate proxied = RunningToolgate.startBehind("https://gate.example.com/gateway/")) {
            String apiToken = proxied.apiToken("acme");
            String account = proxied.connectTestPay(apiToken);
            String secret = proxied.createServer(apiToken, account, "{\"name\":\"p\"}")
                    .get("token")
                    .asString();

            var stream = openStream(proxied, "/mcp/" + secret + "/sse");

            assertThat(firstEvent(stream))
                    .startsWith("event: endpoint\ndata: /gateway/mcp/" + secret + "/messages?sessionId=");
            stream.body().close();
        }
    }

    @Test
    void messages_unknownSessionIs404_unknownTokenIs404_foreignOriginIs403() throws Exception {
        String ping = "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"ping\"}";
        var json = Map.of("Content-Type", "application/json");
        assertThat(gate.http
                        .send("POST", "/mcp/" + token + "/messages?sessionId=nope", ping, json)
                        .status())
                .isEqualTo(404);
        assertThat(gate.http
                        .send("POST", "/mcp/" + "0".repeat(64) + "/messages?sessionId=x", ping, json)
                        .status())
                .isEqualTo(404);
        assertThat(gate.http
                        .send("GET", "/mcp/" + token + "/sse", null, Map.of("Origin", "http://evil.example.com"))
                        .status())
                .isEqualTo(403);
    }

    @Test
    void modernGetWithProtocolHeader_stillGets405() {
        var response = gate.http.send(
                "GET",
                "/mcp/" + token,
                null,
                Map.of("Accept", "text/event-stream", "MCP-Protocol-Version", "2025-11-25"));
        assertThat(response.status()).isEqualTo(405);
    }
}
