package dev.toolgate.observability;

import static org.assertj.core.api.Assertions.assertThat;

import dev.toolgate.crypto.SecretTokens;
import dev.toolgate.crypto.ServerKeys;
import dev.toolgate.support.Json;
import dev.toolgate.testing.CapturedLogs;
import dev.toolgate.testing.RawMcp;
import dev.toolgate.testing.RunningToolgate;
import dev.toolgate.testing.TestPayUpstream;
import java.io.BufferedReader;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * Real traffic of every kind (admin API, MCP over both transports and both eras, successes, upstream errors, 429s,
 * refusals, bad requests, an unreachable upstream, server errors, shutdown) with every log line captured in both
 * formats: no MCP token, API token, credential value or server key appears anywhere.
 */
class LogSecretsIT {
    private static final String MODERN = "2026-07-28";

    @Test
    void logs_ofEveryKindOfTraffic_containNoSecret() throws Exception {
        List<String> secrets = new ArrayList<>();
        List<String> lines;
        Path dataDir;
        try (CapturedLogs logs = CapturedLogs.capture()) {
            RunningToolgate gate = RunningToolgate.start();
            dataDir = gate.dataDir;
            try {
                traffic(gate, secrets);
            } finally {
                gate.close();
            }
            lines = logs.lines();
        }
        secrets.addAll(serverKeys(dataDir));
        secrets.add(TestPayUpstream.DEFAULT_API_KEY);

        assertThat(lines).anySatisfy(line -> assertThat(line).contains("/mcp/****"));
        assertThat(lines).anySatisfy(line -> assertThat(line).contains("\"request_id\""));
        assertThat(lines).anySatisfy(line -> assertThat(line).contains("ERROR")); // the failure paths were logged
        for (String secret : secrets) {
            assertThat(secret).hasSizeGreaterThanOrEqualTo(16);
            assertThat(lines).as("log lines containing a secret").noneMatch(line -> line.contains(secret));
        }
    }

    private static void traffic(RunningToolgate gate, List<String> secrets) throws Exception {
        String apiToken = gate.apiToken("acme");
        secrets.add(apiToken);
        String account = gate.connectTestPay(apiToken);
        String open = token(gate.createServer(apiToken, account, "{\"name\":\"open\"}"), secrets);
        String guarded = token(
                gate.createServer(
                        apiToken, account, "{\"name\":\"guarded\",\"config\":{\"require_api_token_auth\":true}}"),
                secrets);

        handshakeTraffic(gate, open);
        secondFactor(gate, guarded, apiToken, secrets);
        modernTraffic(gate, open);
        legacyTraffic(gate, open);
        adminTraffic(gate, apiToken, account, secrets);
        unreachableUpstream(gate, apiToken, secrets);
        serverErrors(gate, apiToken, secrets);
    }

    private static void handshakeTraffic(RunningToolgate gate, String token) {
        RawMcp mcp = new RawMcp(gate.http, "/mcp/" + token);
        String session = mcp.initialize("log-scan", "1").header("Mcp-Session-Id");
        mcp.post("{\"jsonrpc\":\"2.0\",\"method\":\"notifications/initialized\"}", Map.of("Mcp-Session-Id", session));
        mcp.post("{\"jsonrpc\":\"2.0\",\"id\":3,\"method\":\"tools/list\"}", Map.of("Mcp-Session-Id", session));
        mcp.call(session, "get_single_testpay_balance_by_id", "{}");
        mcp.call(session, "get_single_testpay_customer_by_id", "{\"id\":\"cus_missing\"}");
        mcp.call(session, "create_a_testpay_refund", "{\"amount\":\"not a number\"}");
        mcp.call(session, "no_such_tool", "{}");
        gate.upstream.rateLimitNext(1, Map.of("X-RateLimit-Limit", "100", "Retry-After", "3"));
        mcp.call(session, "list_all_testpay_customers", "{}");
        mcp.post("{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":", Map.of());
        mcp.post("{}", Map.of("Content-Type", "text/plain"));
        mcp.post("{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"ping\"}", Map.of("Mcp-Session-Id", "s2.forged"));
        mcp.post("{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"ping\"}", Map.of("X-Request-Id", token));
        mcp.post("[]", Map.of("MCP-Protocol-Version", "2025-03-26"));
        new RawMcp(gate.http, "/mcp/" + SecretTokens.generate()).initialize("stranger", "1");
        gate.http.send("GET", "/mcp/" + token, null, Map.of("Accept", "application/json"));
        gate.http.send("DELETE", "/mcp/" + token, null, Map.of("Mcp-Session-Id", session));
        gate.http.send("PUT", "/mcp/" + token + "/nowhere", "{}", Map.of());
        gate.http.send("GET", "/no/such/" + token, null, Map.of());
        gate.http.send("GET", "/MCP/" + token, null, Map.of());
        gate.http.send("GET", "/prefix/mcp/" + token + "/sse", null, Map.of("Accept", "text/event-stream"));
        rawRequestLine(gate, "GET //mcp/" + token + " HTTP/1.1");
        rawRequestLine(gate, "GET /mcp/" + token + "/../" + token + " HTTP/1.1");
    }

    /** A request line sent as is, for paths an HTTP client would normalize. */
    private static void rawRequestLine(RunningToolgate gate, String requestLine) {
        try (var socket = new java.net.Socket("127.0.0.1", gate.toolgate.port())) {
            socket.setSoTimeout(5_000);
            socket.getOutputStream()
                    .write((requestLine + "\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n")
                            .getBytes(StandardCharsets.US_ASCII));
            socket.getInputStream().readAllBytes();
        } catch (java.io.IOException e) {
            // refused or reset is fine: only what reached the logs matters
        }
    }

    private static void secondFactor(RunningToolgate gate, String guarded, String apiToken, List<String> secrets) {
        RawMcp mcp = new RawMcp(gate.http, "/mcp/" + guarded);
        mcp.initialize("no-token", "1");
        String wrong = SecretTokens.generate();
        secrets.add(wrong);
        mcp.post(initialize(), Map.of("Authorization", "Bearer " + wrong));
        mcp.post(initialize(), Map.of("Authorization", "Bearer " + apiToken));
    }

    private static String initialize() {
        return "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"initialize\",\"params\":{\"protocolVersion\":\"2025-11-25\","
                + "\"capabilities\":{},\"clientInfo\":{\"name\":\"x\",\"version\":\"1\"}}}";
    }

    private static void modernTraffic(RunningToolgate gate, String token) {
        RawMcp mcp = new RawMcp(gate.http, "/mcp/" + token);
        String meta = "\"_meta\":{\"io.modelcontextprotocol/protocolVersion\":\"" + MODERN
                + "\",\"io.modelcontextprotocol/clientCapabilities\":{},"
                + "\"io.modelcontextprotocol/clientInfo\":{\"name\":\"modern-it\",\"version\":\"3\"}}";
        mcp.post(
                "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"tools/call\",\"params\":{\"name\":"
                        + "\"get_single_testpay_balance_by_id\",\"arguments\":{}," + meta + "}}",
                Map.of(
                        "MCP-Protocol-Version",
                        MODERN,
                        "Mcp-Method",
                        "tools/call",
                        "Mcp-Name",
                        "get_single_testpay_balance_by_id"));
        mcp.post(
                "{\"jsonrpc\":\"2.0\",\"id\":2,\"method\":\"tools/list\",\"params\":{" + meta + "}}",
                Map.of("MCP-Protocol-Version", MODERN, "Mcp-Method", "tools/call"));
    }

    private static void legacyTraffic(RunningToolgate gate, String token) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create(gate.baseUrl() + "/mcp/" + token + "/sse"))
                .header("Accept", "text/event-stream")
                .GET()
                .build();
        HttpResponse<InputStream> stream =
                HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofInputStream());
        try (var body = new BufferedReader(new InputStreamReader(stream.body(), StandardCharsets.UTF_8))) {
            String messages = body.lines()
                    .filter(line -> line.startsWith("data: "))
                    .findFirst()
                    .orElseThrow()
                    .substring("data: ".length());
            gate.http.send("POST", messages, initialize(), Map.of("Content-Type", "application/json"));
            gate.http.send(
                    "POST",
                    messages,
                    "{\"jsonrpc\":\"2.0\",\"id\":2,\"method\":\"tools/call\",\"params\":{\"name\":"
                            + "\"get_single_testpay_balance_by_id\",\"arguments\":{}}}",
                    Map.of("Content-Type", "application/json"));
            gate.http.send("POST", messages.replaceAll("sessionId=\\w+", "sessionId=gone"), "{}", Map.of());
        }
    }

    private static void adminTraffic(RunningToolgate gate, String apiToken, String account, List<String> secrets) {
        String stranger = SecretTokens.generate();
        secrets.add(stranger);
        gate.http.send("GET", "/integrated-account", stranger, (JsonNode) null);
        gate.http.send("GET", "/integrated-account/" + account + "/mcp", apiToken, (JsonNode) null);
        gate.http.send("GET", "/integrated-account/" + java.util.UUID.randomUUID(), apiToken, (JsonNode) null);
        gate.http.send("POST", "/integrated-account", apiToken, Json.parse("{\"integration\":\"testpay\"}"));
        gate.http.send(
                "POST",
                "/integrated-account/" + account + "/proxy/customers/get",
                apiToken,
                Json.parse("{\"id\":\"cus_1\"}"));
        gate.upstream.rateLimitNext(1, Map.of("Retry-After", "5"));
        gate.http.send("POST", "/integrated-account/" + account + "/proxy/balance/get", apiToken, Json.object());
        gate.http.send("GET", "/log?log_type=mcp&limit=5", apiToken, (JsonNode) null);
        gate.http.send("GET", "/log?log_type=nope&from=yesterday", apiToken, (JsonNode) null);
        var created = gate.http.send("POST", "/api-token", apiToken, Json.parse("{\"label\":\"second\"}"));
        secrets.add(created.body().get("token").asString());
        gate.http.send("GET", "/metrics", null, Map.of());
    }

    /** An account whose upstream refuses connections: the failure message and log must not echo its key. */
    private static void unreachableUpstream(RunningToolgate gate, String apiToken, List<String> secrets) {
        String key = "sk_test_unreachable_" + SecretTokens.generate().substring(0, 24);
        secrets.add(key);
        var body = Json.object();
        body.put("integration", "testpay");
        body.put("label", "nowhere");
        body.putObject("credentials").put("api_key", key);
        body.put("base_url", "http://127.0.0.1:9");
        String account = gate.http
                .send("POST", "/integrated-account", apiToken, body)
                .body()
                .get("id")
                .asString();
        String token = token(gate.createServer(apiToken, account, "{\"name\":\"nowhere\"}"), secrets);
        RawMcp mcp = new RawMcp(gate.http, "/mcp/" + token);
        mcp.call(mcp.initialize("x", "1").header("Mcp-Session-Id"), "get_single_testpay_balance_by_id", "{}");
    }

    /** With the database gone, admin and MCP requests fail with 500s whose causes are logged. */
    private static void serverErrors(RunningToolgate gate, String apiToken, List<String> secrets) {
        String account = gate.connectTestPay(apiToken);
        String token = token(gate.createServer(apiToken, account, "{\"name\":\"last\"}"), secrets);
        gate.toolgate.services().database().close();
        gate.http.send("GET", "/integrated-account", apiToken, (JsonNode) null);
        new RawMcp(gate.http, "/mcp/" + SecretTokens.generate()).initialize("x", "1");
        new RawMcp(gate.http, "/mcp/" + token).initialize("x", "1");
        gate.http.send("GET", "/ready", null, Map.of());
    }

    private static String token(JsonNode created, List<String> secrets) {
        String token = created.get("token").asString();
        secrets.add(token);
        return token;
    }

    /** The token HMAC key (as stored, decoded as hex), the database password and the Tink key material. */
    private static List<String> serverKeys(Path dataDir) throws Exception {
        Path secretsDir = dataDir.resolve("secrets");
        String hmac = Files.readString(secretsDir.resolve(ServerKeys.TOKEN_HMAC_KEY_FILE))
                .strip();
        List<String> keys = new ArrayList<>(List.of(
                hmac,
                HexFormat.of().formatHex(Base64.getDecoder().decode(hmac)),
                Files.readString(secretsDir.resolve("db-password")).strip()));
        JsonNode keyset = Json.parse(Files.readAllBytes(secretsDir.resolve(ServerKeys.CREDENTIALS_KEYSET_FILE)));
        keyset.get("key").forEach(key -> keys.add(key.at("/keyData/value").asString()));
        return keys;
    }
}
