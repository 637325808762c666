package dev.toolgate.mcp;

import static org.assertj.core.api.Assertions.assertThat;

import dev.toolgate.testing.HttpJson;
import dev.toolgate.testing.RunningToolgate;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** The Streamable HTTP transport and JSON-RPC layer over raw HTTP: every error code and every HTTP-level check. */
class McpProtocolIT {
    private static final String INIT = "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"initialize\",\"params\":"
            + "{\"protocolVersion\":\"%s\",\"capabilities\":{},\"clientInfo\":{\"name\":\"it\",\"version\":\"1\"}}}";

    private static RunningToolgate gate;
    private static String path;

    @BeforeAll
    static void start() {
        gate = RunningToolgate.start();
        String token = gate.apiToken("acme");
        String account = gate.connectTestPay(token);
        path = "/mcp/"
                + gate.createServer(token, account, "{\"name\": \"protocol\"}")
                        .get("token")
                        .asString();
    }

    @AfterAll
    static void stop() {
        gate.close();
    }

    @BeforeEach
    void clear() {
        gate.upstream.clear();
    }

    private static HttpJson.Response post(String body, Map<String, String> extra) {
        Map<String, String> headers = new HashMap<>(
                Map.of("Content-Type", "application/json", "Accept", "application/json, text/event-stream"));
        headers.putAll(extra);
        return gate.http.send("POST", path, body, headers);
    }

    private static HttpJson.Response post(String body) {
        return post(body, Map.of("MCP-Protocol-Version", "2025-11-25"));
    }

    private static HttpJson.Response call(String tool, String argumentsJson) {
        return post("{\"jsonrpc\":\"2.0\",\"id\":9,\"method\":\"tools/call\",\"params\":{\"name\":\"" + tool
                + "\",\"arguments\":" + argumentsJson + "}}");
    }

    private static int code(HttpJson.Response response) {
        return response.body().at("/error/code").asInt();
    }

    @Test
    void refusedBeforeTheBodyArrived_theConnectionStaysUsable() throws Exception {
        URI base = URI.create(gate.baseUrl());
        String body = "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"ping\"}";
        String head = "POST " + path + " HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n"
                + "Accept: application/json\r\nMCP-Protocol-Version: 2025-11-25\r\nContent-Length: " + body.length()
                + "\r\n";
        try (Socket socket = new Socket(base.getHost(), base.getPort())) {
            socket.setSoTimeout(5_000);
            OutputStream out = socket.getOutputStream();
            var in = new java.io.BufferedReader(
                    new java.io.InputStreamReader(socket.getInputStream(), StandardCharsets.ISO_8859_1));
            // refused (403) from the headers alone; the body comes later, as a slow client sends it
            out.write((head + "Origin: http://evil.example\r\n\r\n").getBytes(StandardCharsets.ISO_8859_1));
            out.flush();
            Thread.sleep(200);
            out.write(body.getBytes(StandardCharsets.ISO_8859_1));
            out.flush();
            assertThat(in.readLine()).isEqualTo("HTTP/1.1 403 Forbidden");
            skipResponse(in);

            out.write((head + "\r\n" + body).getBytes(StandardCharsets.ISO_8859_1));
            out.flush();
            assertThat(in.readLine())
                    .as("a second request on the same connection")
                    .isEqualTo("HTTP/1.1 200 OK");
        }
    }

    /** Reads the rest of a response with a Content-Length body. */
    private static void skipResponse(java.io.BufferedReader in) throws java.io.IOException {
        int length = 0;
        for (String line = in.readLine(); !line.isEmpty(); line = in.readLine()) {
            if (line.toLowerCase(java.util.Locale.ROOT).startsWith("content-length:")) {
                length = Integer.parseInt(line.substring(15).strip());
            }
        }
        for (int i = 0; i < length; i++) {
            in.read();
        }
    }

    @Test
    void post_withOrWithoutTrailingSlash_isAnsweredTheSame() {
        // without the slash the HTTP server's hot path answers; with it the web framework's route does
        String ping = "{\"jsonrpc\":\"2.0\",\"id\":7,\"method\":\"ping\"}";
        Map<String, String> headers = Map.of(
                "Content-Type",
                "application/json",
                "Accept",
                "application/json, text/event-stream",
                "MCP-Protocol-Version",
                "2025-11-25");
        for (String spelling : new String[] {path, path + "/"}) {
            var response = gate.http.send("POST", spelling, ping, headers);
            assertThat(response.status()).as(spelling).isEqualTo(200);
            assertThat(response.header("Content-Type")).startsWith("application/json");
            assertThat(response.header("X-Request-Id")).matches("[0-9a-f]{32}");
            assertThat(response.body().at("/id").asInt()).isEqualTo(7);
            assertThat(response.body().has("result")).isTrue();

            var unknown = gate.http.send("POST", spelling.replace(path, "/mcp/" + "0".repeat(64)), ping, headers);
            assertThat(unknown.status()).as(spelling).isEqualTo(404);
        }
    }

    @Test
    void initialize_eachSupportedVersion_isEchoedWithToolsCapabilityAndSessionId() {
        for (String version : new String[] {"2025-11-25", "2025-06-18", "2025-03-26", "2024-11-05"}) {
            var response = post(INIT.formatted(version), Map.of());
            assertThat(response.status()).isEqualTo(200);
            assertThat(response.body().at("/result/protocolVersion").asString()).isEqualTo(version);
            assertThat(response.body()
                            .at("/result/capabilities/tools/listChanged")
                            .asBoolean())
                    .isFalse();
            assertThat(response.body().at("/result/serverInfo/name").asString()).isEqualTo("toolgate");
            assertThat(response.header("Mcp-Session-Id")).startsWith("s2.");
        }
    }

    @Test
    void initialize_unknownVersion_counterOffersTheLatest() {
        for (String version : new String[] {"2099-01-01", "1.0", "2026-07-28", ""}) {
            var response = post(INIT.formatted(version), Map.of());
            assertThat(response.body().at("/result/protocolVersion").asString()).isEqualTo("2025-11-25");
        }
    }

    @Test
    void notification_andClientResponse_areAcceptedWith202AndNoBody() {
        var notification = post("{\"jsonrpc\":\"2.0\",\"method\":\"notifications/initialized\"}");
        assertThat(notification.status()).isEqualTo(202);
        assertThat(notification.text()).isEmpty();
        assertThat(post("{\"jsonrpc\":\"2.0\",\"id\":3,\"result\":{}}").status())
                .isEqualTo(202);
    }

    @Test
    void ping_returnsEmptyResult() {
        var response = post("{\"jsonrpc\":\"2.0\",\"id\":\"p\",\"method\":\"ping\"}");
        assertThat(response.body().get("id").asString()).isEqualTo("p");
        assertThat(response.body().get("result").isEmpty()).isTrue();
    }

    @Test
    void malformedJson_isParseError32700With400() {
        var response = post("{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":");
        assertThat(response.status()).isEqualTo(400);
        assertThat(code(response)).isEqualTo(-32700);
        assertThat(response.body().get("id").isNull()).isTrue();
    }

    @Test
    void invalidEnvelope_isInvalidRequest32600() {
        var response = post("{\"jsonrpc\":\"2.0\",\"id\":1}");
        assertThat(response.status()).isEqualTo(400);
        assertThat(code(response)).isEqualTo(-32600);
    }

    @Test
    void unknownMethod_isMethodNotFound32601() {
        var response = post("{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"resources/list\"}");
        assertThat(response.status()).isEqualTo(200);
        assertThat(code(response)).isEqualTo(-32601);
    }

    @Test
    void badParams_areInvalidParams32602() {
        assertThat(code(call("no_such_tool", "{}"))).isEqualTo(-32602);
        assertThat(code(post(
                        "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"tools/list\",\"params\":{\"cursor\":\"bogus\"}}")))
                .isEqualTo(-32602);
        assertThat(code(post("{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"tools/call\",\"params\":{\"arguments\":{}}}")))
                .isEqualTo(-32602);
        assertThat(code(call("get_single_testpay_customer_by_id", "[1]"))).isEqualTo(-32602);
    }

    @Test
    void internalFailure_isInternalError32603WithoutDetail() {
        var jdbi = gate.toolgate.services().database().jdbi();
        byte[] original = jdbi.withHandle(h -> h.createQuery("SELECT credentials_ciphertext FROM integrated_accounts")
                .mapTo(byte[].class)
                .one());
        String token = gate.apiToken("acme");
        String account = jdbi.withHandle(h -> h.createQuery("SELECT id FROM integrated_accounts")
                .mapTo(String.class)
                .one());
        jdbi.useHandle(h -> h.createUpdate("UPDATE integrated_accounts SET credentials_ciphertext = :c")
                .bind("c", new byte[] {1, 2, 3})
                .execute());
        try {
            String fresh = "/mcp/"
                    + gate.createServer(token, account, "{\"name\": \"fresh\"}")
                            .get("token")
                            .asString();
            var response = gate.http.send(
                    "POST",
                    fresh,
                    "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"ping\"}",
                    Map.of("Content-Type", "application/json"));
            assertThat(response.status()).isEqualTo(500);
            assertThat(code(response)).isEqualTo(-32603);
            assertThat(response.text()).doesNotContain("Exception").doesNotContainIgnoringCase("cipher");
        } finally {
            jdbi.useHandle(h -> h.createUpdate("UPDATE integrated_accounts SET credentials_ciphertext = :c")
                    .bind("c", original)
                    .execute());
        }
    }

    @Test
    void batch_isAcceptedFor20250326AndRefusedLater() {
        String batch = "[{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"ping\"},"
                + "{\"jsonrpc\":\"2.0\",\"method\":\"notifications/initialized\"},"
                + "{\"jsonrpc\":\"2.0\",\"id\":2,\"method\":\"nope\"}]";
        var accepted = post(batch, Map.of("MCP-Protocol-Version", "2025-03-26"));
        assertThat(accepted.status()).isEqualTo(200);
        assertThat(accepted.body()).hasSize(2);
        assertThat(accepted.body().get(1).at("/error/code").asInt()).isEqualTo(-32601);

        var refused = post(batch, Map.of("MCP-Protocol-Version", "2025-06-18"));
        assertThat(refused.status()).isEqualTo(400);
        assertThat(code(refused)).isEqualTo(-32600);
    }

    @Test
    void unsupportedProtocolVersionHeader_is400ListingSupportedVersions() {
        var response = post(
                "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"ping\"}", Map.of("MCP-Protocol-Version", "2030-01-01"));
        assertThat(response.status()).isEqualTo(400);
        // The version cannot tell the era, so the answer is the one both revisions accept: 400 (2025-11-25 asks no
        // more), with 2026-07-28's UnsupportedProtocolVersion error so a modern client can retry.
        assertThat(code(response)).isEqualTo(-32022);
        assertThat(response.body().at("/error/data/supported").toString())
                .contains("2025-11-25")
                .contains("2026-07-28");
        assertThat(response.body().at("/error/data/requested").asString()).isEqualTo("2030-01-01");
    }

    @Test
    void unknownSession_isRefusedBeforeTheBodyIsLookedAt() {
        var headers = Map.of("MCP-Protocol-Version", "2025-11-25", "Mcp-Session-Id", "s1.forged");
        assertThat(post("{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":", headers).status())
                .isEqualTo(404);
        String big = "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"ping\",\"params\":{\"x\":\"" + "a".repeat(1_100_000)
                + "\"}}";
        assertThat(post(big, headers).status()).isEqualTo(404);
    }

    @Test
    void foreignOrigin_is403_loopbackOriginWorks() {
        var evil =
                post("{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"ping\"}", Map.of("Origin", "http://evil.example.com"));
        assertThat(evil.status()).isEqualTo(403);
        var local =
                post("{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"ping\"}", Map.of("Origin", "http://localhost:6274"));
        assertThat(local.status()).isEqualTo(200);
    }

    @Test
    void oversizedBody_is413() {
        String big = "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"ping\",\"params\":{\"x\":\"" + "a".repeat(1_100_000)
                + "\"}}";
        assertThat(post(big).status()).isEqualTo(413);
    }

    @Test
    void clientAcceptingOnlySse_getsTheAnswerAsOneSseEvent() {
        var response = post(
                "{\"jsonrpc\":\"2.0\",\"id\":5,\"method\":\"tools/list\"}",
                Map.of("Accept", "text/event-stream", "MCP-Protocol-Version", "2025-11-25"));

        assertThat(response.status()).isEqualTo(200);
        assertThat(response.header("Content-Type")).startsWith("text/event-stream");
        assertThat(response.text()).startsWith("event: message\ndata: {").endsWith("}\n\n");
        String data =
                response.text().substring("event: message\ndata: ".length()).strip();
        assertThat(dev.toolgate.support.Json.parse(data).at("/result/tools")).isNotEmpty();
    }

    @Test
    void wrongMediaTypes_are415And406() {
        assertThat(post("{}", Map.of("Content-Type", "text/plain")).status()).isEqualTo(415);
        assertThat(post("{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"ping\"}", Map.of("Accept", "text/html"))
                        .status())
                .isEqualTo(406);
    }

    @Test
    void unknownTokenMalformedTokenAndGet_areRefused() {
        var unknown =
                gate.http.send("POST", "/mcp/" + "ab".repeat(32), "{}", Map.of("Content-Type", "application/json"));
        assertThat(unknown.status()).isEqualTo(404);
        var malformed = gate.http.send("POST", "/mcp/../integration", "{}", Map.of("Content-Type", "application/json"));
        assertThat(malformed.status()).isEqualTo(404);
        var get = gate.http.send(
                "GET", path, null, Map.of("Accept", "text/event-stream", "MCP-Protocol-Version", "2025-11-25"));
        assertThat(get.status()).isEqualTo(405);
    }

    @Test
    void sessions_unknownIdIs404_deleteEndsTheSession() {
        String session = post(INIT.formatted("2025-06-18"), Map.of()).header("Mcp-Session-Id");
        String ping = "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"ping\"}";
        assertThat(post(ping, Map.of("Mcp-Session-Id", session)).status()).isEqualTo(200);
        assertThat(post(ping, Map.of("Mcp-Session-Id", "s1.forged")).status()).isEqualTo(404);

        var ended = gate.http.send("DELETE", path, null, Map.of("Mcp-Session-Id", session));
        assertThat(ended.status()).isEqualTo(200);
        assertThat(post(ping, Map.of("Mcp-Session-Id", session)).status()).isEqualTo(404);
    }

    @Test
    void structuredContent_onlyFrom20250618() {
        String body = "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"tools/call\",\"params\":{\"name\":"
                + "\"get_single_testpay_balance_by_id\",\"arguments\":{}}}";
        assertThat(post(body, Map.of("MCP-Protocol-Version", "2025-06-18"))
                        .body()
                        .at("/result/structuredContent")
                        .isObject())
                .isTrue();
        assertThat(post(body, Map.of("MCP-Protocol-Version", "2025-03-26"))
                        .body()
                        .at("/result/structuredContent")
                        .isMissingNode())
                .isTrue();
    }

    @Test
    void pathTraversalInId_isRefusedAndNothingReachesTheUpstream() {
        for (String id : new String[] {"../admin", "cus_1/../../x", "cus%2F1", "a?b=1", "a#b", ".."}) {
            var response = call("get_single_testpay_customer_by_id", "{\"id\":\"" + id + "\"}");
            assertThat(response.body().at("/result/isError").asBoolean()).as(id).isTrue();
            assertThat(response.body().at("/result/structuredContent/argument").asString())
                    .isEqualTo("id");
        }
        assertThat(gate.upstream.requests()).isEmpty();
    }

    @Test
    void upstream429_isPassedThroughOnceWithNormalizedHeaders() {
        long reset = java.time.Instant.now().getEpochSecond() + 30;
        gate.upstream.rateLimitNext(
                1,
                Map.of(
                        "X-RateLimit-Limit",
                        "100",
                        "X-RateLimit-Remaining",
                        "0",
                        "X-RateLimit-Reset",
                        Long.toString(reset)));

        var response = call("list_all_testpay_customers", "{}");

        assertThat(gate.upstream.requests()).hasSize(1);
        assertThat(response.header("ratelimit-limit")).isEqualTo("100");
        assertThat(response.header("ratelimit-remaining")).isEqualTo("0");
        assertThat(Long.parseLong(response.header("ratelimit-reset"))).isBetween(25L, 31L);
        JsonNode result = response.body().get("result");
        assertThat(result.get("isError").asBoolean()).isTrue();
        assertThat(result.at("/structuredContent/status").asInt()).isEqualTo(429);
        assertThat(result.at("/structuredContent/ratelimit/ratelimit-limit").asInt())
                .isEqualTo(100);
    }
}
