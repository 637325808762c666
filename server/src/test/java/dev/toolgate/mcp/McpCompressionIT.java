package dev.toolgate.mcp;

import static org.assertj.core.api.Assertions.assertThat;

import dev.toolgate.support.Json;
import dev.toolgate.testing.RunningToolgate;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** Large MCP answers are gzipped for clients that accept it; small ones, and clients that do not, get them as they are. */
class McpCompressionIT {
    private static final String VERSION = "2026-07-28";
    private static final String META = "\"_meta\":{\"io.modelcontextprotocol/protocolVersion\":\"" + VERSION + "\","
            + "\"io.modelcontextprotocol/clientInfo\":{\"name\":\"it\",\"version\":\"1\"},"
            + "\"io.modelcontextprotocol/clientCapabilities\":{}}";
    private static final String LIST =
            "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"tools/list\",\"params\":{" + META + "}}";
    private static final String BALANCE = "get_single_testpay_balance_by_id";
    private static final String CALL = "{\"jsonrpc\":\"2.0\",\"id\":2,\"method\":\"tools/call\",\"params\":{\"name\":\""
            + BALANCE + "\",\"arguments\":{}," + META + "}}";

    private static RunningToolgate gate;
    private static URI mcp;
    private static String apiToken;
    private static String account;
    private static final HttpClient client = HttpClient.newHttpClient();

    @BeforeAll
    static void start() {
        gate = RunningToolgate.start();
        apiToken = gate.apiToken("acme");
        account = gate.connectTestPay(apiToken);
        mcp = URI.create(gate.baseUrl() + "/mcp/"
                + gate.createServer(apiToken, account, "{\"name\": \"compressed\"}")
                        .get("token")
                        .asString());
    }

    @AfterAll
    static void stop() {
        gate.close();
    }

    @Test
    void toolsList_clientAcceptsGzip_getsItCompressed_andTheSameAnswer() throws Exception {
        HttpResponse<byte[]> plain = post(LIST, "tools/list", null, null);
        HttpResponse<byte[]> gzipped = post(LIST, "tools/list", null, "gzip, deflate");

        assertThat(plain.statusCode()).isEqualTo(200);
        assertThat(plain.headers().firstValue("Content-Encoding")).isEmpty();
        assertThat(plain.body().length).isGreaterThan(4096);
        assertThat(gzipped.statusCode()).isEqualTo(200);
        assertThat(gzipped.headers().firstValue("Content-Encoding")).contains("gzip");
        assertThat(gzipped.headers().allValues("Vary"))
                .anySatisfy(v -> assertThat(v).containsIgnoringCase("Accept-Encoding"));
        assertThat(gzipped.body().length).isLessThan(plain.body().length / 3);
        JsonNode inflated = Json.parse(gunzip(gzipped.body()));
        assertThat(inflated).isEqualTo(Json.parse(plain.body()));
        assertThat(inflated.at("/result/tools").size()).isGreaterThan(5);
    }

    @Test
    void smallToolResult_isSentAsItIs_evenToAGzipClient() throws Exception {
        HttpResponse<byte[]> response = post(CALL, "tools/call", BALANCE, "gzip");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Encoding")).isEmpty();
        JsonNode answer = Json.parse(response.body());
        assertThat(answer.at("/result/isError").asBoolean()).isFalse();
    }

    @Test
    void gzippedRequestBody_isNotInflated_andIsRefusedAsNotJson() throws Exception {
        gate.upstream.clear();
        HttpRequest request = HttpRequest.newBuilder(mcp)
                .header("Content-Type", "application/json")
                .header("Content-Encoding", "gzip")
                .header("Accept", "application/json, text/event-stream")
                .header("MCP-Protocol-Version", VERSION)
                .header("Mcp-Method", "tools/call")
                .header("Mcp-Name", BALANCE)
                .POST(HttpRequest.BodyPublishers.ofByteArray(gzip(CALL)))
                .build();

        HttpResponse<String> response = client.send(request, HttpResponse.BodyHandlers.ofString());

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.body()).contains("-32700"); // parse error: the bytes were read as sent
        assertThat(gate.upstream.requests()).isEmpty();
    }

    @Test
    void gzippedAdminRequestBody_isNotInflatedEither() throws Exception {
        HttpRequest request = HttpRequest.newBuilder(
                        URI.create(gate.baseUrl() + "/integrated-account/" + account + "/mcp"))
                .header("Authorization", "Bearer " + apiToken)
                .header("Content-Type", "application/json")
                .header("Content-Encoding", "gzip")
                .POST(HttpRequest.BodyPublishers.ofByteArray(gzip("{\"name\": \"from a gzipped body\"}")))
                .build();

        HttpResponse<String> response = client.send(request, HttpResponse.BodyHandlers.ofString());

        assertThat(response.statusCode()).isEqualTo(400);
        var servers = gate.http.send("GET", "/integrated-account/" + account + "/mcp", apiToken, (JsonNode) null);
        assertThat(servers.status()).isEqualTo(200);
        assertThat(servers.text()).contains("compressed").doesNotContain("from a gzipped body");
    }

    private static HttpResponse<byte[]> post(String body, String method, String name, String acceptEncoding)
            throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(mcp)
                .header("Content-Type", "application/json")
                .header("Accept", "application/json, text/event-stream")
                .header("MCP-Protocol-Version", VERSION)
                .header("Mcp-Method", method)
                .POST(HttpRequest.BodyPublishers.ofString(body));
        if (name != null) {
            request.header("Mcp-Name", name);
        }
        if (acceptEncoding != null) {
            request.header("Accept-Encoding", acceptEncoding);
        }
        return client.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    private static byte[] gunzip(byte[] bytes) throws IOException {
        try (GZIPInputStream in = new GZIPInputStream(new java.io.ByteArrayInputStream(bytes))) {
            return in.readAllBytes();
        }
    }

    private static byte[] gzip(String text) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (GZIPOutputStream zip = new GZIPOutputStream(out)) {
            zip.write(text.getBytes(StandardCharsets.UTF_8));
        }
        return out.toByteArray();
    }
}
