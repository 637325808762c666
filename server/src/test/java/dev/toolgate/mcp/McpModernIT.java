package dev.toolgate.mcp;

import static org.assertj.core.api.Assertions.assertThat;

import dev.toolgate.config.ToolgateConfig;
import dev.toolgate.testing.HttpJson;
import dev.toolgate.testing.RunningToolgate;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * Protocol version 2026-07-28 (stateless, no initialize) beside the handshake era on the same {@code /mcp/{token}},
 * over raw HTTP: server/discover, tools without initialize, every request-metadata check, version negotiation in both
 * eras, and what the modern era removed.
 */
class McpModernIT {
    private static final String MODERN = "2026-07-28";
    private static final List<String> ALL_VERSIONS =
            List.of("2026-07-28", "2025-11-25", "2025-06-18", "2025-03-26", "2024-11-05");
    private static final String BALANCE = "get_single_testpay_balance_by_id";
    private static final String INIT = "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"initialize\",\"params\":"
            + "{\"protocolVersion\":\"%s\",\"capabilities\":{},\"clientInfo\":{\"name\":\"it\",\"version\":\"1\"}}}";

    private static RunningToolgate gate;
    private static String path;

    @BeforeAll
    static void start() {
        gate = RunningToolgate.start(
                new ToolgateConfig.Limits(1024 * 1024, 5, Duration.ofSeconds(2), Duration.ofSeconds(5), 1024 * 1024));
        String token = gate.apiToken("acme");
        String account = gate.connectTestPay(token);
        path = "/mcp/"
                + gate.createServer(token, account, "{\"name\": \"modern\"}")
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

    // ---- helpers ------------------------------------------------------------------------------------------------

    /** The conformant {@code _meta} of a modern request. */
    private static String meta(String version) {
        return "\"_meta\":{\"io.modelcontextprotocol/protocolVersion\":\"" + version + "\","
                + "\"io.modelcontextprotocol/clientInfo\":{\"name\":\"it\",\"version\":\"1\"},"
                + "\"io.modelcontextprotocol/clientCapabilities\":{}}";
    }

    /** A request body; {@code params} are the fields besides {@code _meta} ("" for none). */
    private static String body(Object id, String method, String params, String metaVersion) {
        String all =
                metaVersion == null ? params : params.isEmpty() ? meta(metaVersion) : params + "," + meta(metaVersion);
        String idJson = id instanceof String s ? "\"" + s + "\"" : String.valueOf(id);
        return "{\"jsonrpc\":\"2.0\",\"id\":" + idJson + ",\"method\":\"" + method + "\",\"params\":{" + all + "}}";
    }

    /** The headers a conformant modern client sends for {@code method} (and {@code name} as Mcp-Name, if any). */
    private static Map<String, String> headers(String method, String name) {
        Map<String, String> headers = new HashMap<>(Map.of(
                "Content-Type",
                "application/json",
                "Accept",
                "application/json, text/event-stream",
                "MCP-Protocol-Version",
                MODERN,
                "Mcp-Method",
                method));
        if (name != null) {
            headers.put("Mcp-Name", name);
        }
        return headers;
    }

    private static HttpJson.Response post(String body, Map<String, String> headers) {
        return gate.http.send("POST", path, body, headers);
    }

    /** A fully conformant modern request. */
    private static HttpJson.Response modern(String method, String params) {
        String name = method.equals("tools/call") ? params.replaceAll(".*\"name\":\"([^\"]+)\".*", "$1") : null;
        return post(body(7, method, params, MODERN), headers(method, name));
    }

    private static HttpJson.Response handshake(String body, String version) {
        return post(
                body,
                Map.of(
                        "Content-Type",
                        "application/json",
                        "Accept",
                        "application/json, text/event-stream",
                        "MCP-Protocol-Version",
                        version));
    }

    private static HttpJson.Response call(Map<String, String> headers, String tool) {
        return post(body(7, "tools/call", "\"name\":\"" + tool + "\",\"arguments\":{}", MODERN), headers);
    }

    private static void assertRefused(HttpJson.Response response, int status, int code) {
        assertThat(response.status()).as(response.text()).isEqualTo(status);
        assertThat(response.body().at("/error/code").asInt())
                .as(response.text())
                .isEqualTo(code);
        assertThat(response.header("Mcp-Session-Id")).isNull();
    }

    private static List<String> strings(JsonNode array) {
        return array.valueStream().map(JsonNode::asString).toList();
    }

    private static String base64(String value) {
        return "=?base64?" + Base64.getEncoder().encodeToString(value.getBytes(StandardCharsets.UTF_8)) + "?=";
    }

    /** Every tool name over all pages, following nextCursor, in order. */
    private static List<String> allToolNames(boolean modernEra) {
        List<String> names = new ArrayList<>();
        String cursor = null;
        do {
            String params = cursor == null ? "" : "\"cursor\":\"" + cursor + "\"";
            var response = modernEra
                    ? modern("tools/list", params)
                    : handshake(body(2, "tools/list", params, null), "2025-11-25");
            assertThat(response.status()).isEqualTo(200);
            JsonNode result = response.body().get("result");
            if (modernEra) {
                assertThat(result.get("resultType").asString()).isEqualTo("complete");
                assertThat(result.get("ttlMs").isIntegralNumber()).isTrue();
                assertThat(result.get("cacheScope").asString()).isEqualTo("private");
            } else {
                assertThat(result.has("resultType")).isFalse();
                assertThat(result.has("ttlMs")).isFalse();
            }
            result.get("tools").forEach(tool -> names.add(tool.get("name").asString()));
            cursor = result.has("nextCursor") ? result.get("nextCursor").asString() : null;
        } while (cursor != null);
        return names;
    }

    // ---- server/discover and tools without initialize -------------------------------------------------------

    @Test
    void discover_advertisesVersionsCapabilitiesIdentityAndCachingHints() {
        var response = modern("server/discover", "");

        assertThat(response.status()).isEqualTo(200);
        assertThat(response.header("Mcp-Session-Id")).isNull();
        assertThat(response.body().get("id").asInt()).isEqualTo(7);
        JsonNode result = response.body().get("result");
        assertThat(result.get("resultType").asString()).isEqualTo("complete");
        assertThat(strings(result.get("supportedVersions"))).containsExactlyElementsOf(ALL_VERSIONS);
        assertThat(result.at("/capabilities/tools/listChanged").asBoolean(true)).isFalse();
        assertThat(result.get("capabilities").propertyNames()).containsExactly("tools");
        assertThat(result.get("instructions").asString()).contains("TestPay");
        assertThat(result.get("ttlMs").isIntegralNumber()).isTrue();
        assertThat(result.get("ttlMs").asLong()).isPositive();
        assertThat(result.get("cacheScope").asString()).isEqualTo("private");
        JsonNode serverInfo = result.at("/_meta/io.modelcontextprotocol~1serverInfo");
        assertThat(serverInfo.get("name").asString()).isEqualTo("toolgate");
        assertThat(serverInfo.get("version").asString()).isNotBlank();
        assertThat(result.has("serverInfo"))
                .as("serverInfo lives in _meta in 2026-07-28")
                .isFalse();
        assertThat(result.has("protocolVersion")).isFalse();
    }

    @Test
    void toolsList_withoutInitialize_listsTheSameToolsInTheSameOrderAsTheHandshakeEra_withCachingHints() {
        var first = modern("tools/list", "");
        JsonNode result = first.body().get("result");
        assertThat(result.get("tools")).hasSize(5);
        assertThat(result.get("ttlMs").asLong()).isEqualTo(300_000);
        assertThat(result.get("cacheScope").asString()).isEqualTo("private");
        assertThat(result.at("/_meta/io.modelcontextprotocol~1serverInfo/name").asString())
                .isEqualTo("toolgate");
        assertThat(result.get("nextCursor").asString()).isNotBlank();

        List<String> modernNames = allToolNames(true);
        assertThat(modernNames).hasSizeGreaterThan(5).doesNotHaveDuplicates();
        assertThat(modernNames).containsExactlyElementsOf(allToolNames(false));
        assertThat(allToolNames(true)).as("deterministic order").containsExactlyElementsOf(modernNames);
    }

    @Test
    void toolsCall_withoutInitialize_isTheHandshakeResultPlusResultTypeAndMeta() {
        var response = modern("tools/call", "\"name\":\"" + BALANCE + "\",\"arguments\":{}");

        assertThat(response.status()).isEqualTo(200);
        assertThat(response.header("Mcp-Session-Id")).isNull();
        JsonNode result = response.body().get("result");
        assertThat(result.get("resultType").asString()).isEqualTo("complete");
        assertThat(result.at("/content/0/type").asString()).isEqualTo("text");
        assertThat(result.get("structuredContent").isObject()).isTrue();
        assertThat(result.has("isError")).isFalse();
        assertThat(result.at("/_meta/io.modelcontextprotocol~1serverInfo/name").asString())
                .isEqualTo("toolgate");
        assertThat(gate.upstream.requests()).hasSize(1);

        var legacy = handshake(
                        body(7, "tools/call", "\"name\":\"" + BALANCE + "\",\"arguments\":{}", null), "2025-11-25")
                .body()
                .get("result");
        var stripped = result.deepCopy();
        ((tools.jackson.databind.node.ObjectNode) stripped).remove("resultType");
        ((tools.jackson.databind.node.ObjectNode) stripped).remove("_meta");
        assertThat(stripped).isEqualTo(legacy);
    }

    @Test
    void toolsCall_errorsKeepTheirHandshakeShape() {
        var failed =
                modern("tools/call", "\"name\":\"get_single_testpay_customer_by_id\",\"arguments\":{\"id\":\"../x\"}");
        assertThat(failed.body().at("/result/isError").asBoolean()).isTrue();
        assertThat(failed.body().at("/result/resultType").asString()).isEqualTo("complete");

        var unknown = modern("tools/call", "\"name\":\"no_such_tool\",\"arguments\":{}");
        assertThat(unknown.status()).isEqualTo(200);
        assertThat(unknown.body().at("/error/code").asInt()).isEqualTo(-32602);
        var badCursor = modern("tools/list", "\"cursor\":\"bogus\"");
        assertThat(badCursor.body().at("/error/code").asInt()).isEqualTo(-32602);
        assertThat(gate.upstream.requests()).isEmpty();
    }

    @Test
    void sessionIdHeader_isIgnored_andNoneIsMinted() {
        var headers = headers("tools/list", null);
        headers.put("Mcp-Session-Id", "s1.forged-or-stale");
        var response = post(body(7, "tools/list", "", MODERN), headers);
        assertThat(response.status()).isEqualTo(200);
        assertThat(response.header("Mcp-Session-Id")).isNull();
    }

    // ---- request metadata: -32020 / -32602 -----------------------------------------------------------------

    @Test
    void mcpMethodHeader_missingOrMismatched_isHeaderMismatch() {
        var missing = headers("tools/list", null);
        missing.remove("Mcp-Method");
        assertRefused(post(body(7, "tools/list", "", MODERN), missing), 400, -32020);
        assertRefused(post(body(7, "tools/list", "", MODERN), headers("prompts/list", null)), 400, -32020);
        assertRefused(post(body(7, "tools/list", "", MODERN), headers("TOOLS/LIST", null)), 400, -32020);
        var lowercaseName = headers("tools/list", null);
        lowercaseName.remove("Mcp-Method");
        lowercaseName.put("mcp-method", "tools/list");
        assertThat(post(body(7, "tools/list", "", MODERN), lowercaseName).status())
                .as("header names are case-insensitive")
                .isEqualTo(200);

        var refused = post(body("req-1", "tools/list", "", MODERN), headers("tools/call", null));
        assertThat(refused.body().get("id").asString())
                .as("the error answers the request")
                .isEqualTo("req-1");
    }

    @Test
    void mcpNameHeader_missingOrMismatchedOnToolsCall_isHeaderMismatch_andNothingIsCalled() {
        assertRefused(call(headers("tools/call", null), BALANCE), 400, -32020);
        assertRefused(call(headers("tools/call", "list_all_testpay_customers"), BALANCE), 400, -32020);
        assertRefused(call(headers("tools/call", "=?base64?!!not-base64!!?="), BALANCE), 400, -32020);
        assertRefused(call(headers("tools/call", base64("list_all_testpay_customers")), BALANCE), 400, -32020);
        assertThat(gate.upstream.requests()).isEmpty();
    }

    @Test
    void mcpNameHeader_inBase64Form_isDecodedAndAccepted() {
        var response = call(headers("tools/call", base64(BALANCE)), BALANCE);
        assertThat(response.status()).as(response.text()).isEqualTo(200);
        assertThat(response.body().at("/result/resultType").asString()).isEqualTo("complete");
    }

    @Test
    void metaVersionOtherThanHeader_isHeaderMismatch() {
        assertRefused(post(body(7, "tools/list", "", "2025-11-25"), headers("tools/list", null)), 400, -32020);
        var handshakeHeader = headers("tools/list", null);
        handshakeHeader.put("MCP-Protocol-Version", "2025-11-25");
        assertRefused(post(body(7, "tools/list", "", MODERN), handshakeHeader), 400, -32020);
        var noHeader = headers("tools/list", null);
        noHeader.remove("MCP-Protocol-Version");
        assertRefused(post(body(7, "tools/list", "", MODERN), noHeader), 400, -32020);
    }

    @Test
    void missingRequiredMeta_isInvalidParamsWith400() {
        assertRefused(post(body(7, "tools/list", "", null), headers("tools/list", null)), 400, -32602);
        String noCapabilities = "{\"jsonrpc\":\"2.0\",\"id\":7,\"method\":\"tools/list\",\"params\":{\"_meta\":"
                + "{\"io.modelcontextprotocol/protocolVersion\":\"2026-07-28\"}}}";
        assertRefused(post(noCapabilities, headers("tools/list", null)), 400, -32602);
    }

    // ---- versions: -32022, negotiation in both eras --------------------------------------------------------

    @Test
    void unsupportedVersion_is400WithUnsupportedProtocolVersionListingEveryVersion() {
        for (String version : new String[] {"2099-01-01", "2000-01-01", "invalid-protocol-version", "2026-07-27"}) {
            var headers = headers("tools/list", null);
            headers.put("MCP-Protocol-Version", version);
            var response = post(body(9, "tools/list", "", version), headers);
            assertRefused(response, 400, -32022);
            assertThat(response.body().get("id").asInt()).isEqualTo(9);
            assertThat(strings(response.body().at("/error/data/supported"))).containsExactlyElementsOf(ALL_VERSIONS);
            assertThat(response.body().at("/error/data/requested").asString()).isEqualTo(version);
        }
    }

    @Test
    void unsupportedVersion_inMetaOnly_isAHeaderMismatch() {
        // "If the values do not match, the server MUST reject the request with 400 Bad Request and a HeaderMismatch".
        assertRefused(post(body(9, "server/discover", "", "v999.0.0"), headers("server/discover", null)), 400, -32020);
        var noHeader = headers("server/discover", null);
        noHeader.remove("MCP-Protocol-Version");
        assertRefused(post(body(9, "server/discover", "", "2099-01-01"), noHeader), 400, -32020);
    }

    @Test
    void unsupportedVersionHeader_onAHandshakeEraRequest_isThe400ItsRevisionRequires_withTheModernError() {
        for (String version : new String[] {"2030-01-01", "1.0"}) {
            var response = handshake("{\"jsonrpc\":\"2.0\",\"id\":3,\"method\":\"ping\"}", version);
            assertRefused(response, 400, -32022);
            assertThat(response.body().get("id").asInt()).isEqualTo(3);
            assertThat(strings(response.body().at("/error/data/supported"))).containsExactlyElementsOf(ALL_VERSIONS);
        }
    }

    @Test
    void versionNegotiation_everyVersionAClientMayAskFor_inBothEras() {
        // Handshake era: initialize echoes a handshake version, and counter-offers 2025-11-25 for anything else,
        // 2026-07-28 included (that revision has no initialize).
        for (String version : List.of("2025-11-25", "2025-06-18", "2025-03-26", "2024-11-05")) {
            var response = post(INIT.formatted(version), Map.of("Content-Type", "application/json"));
            assertThat(response.body().at("/result/protocolVersion").asString()).isEqualTo(version);
            assertThat(response.header("Mcp-Session-Id")).startsWith("s2.");
        }
        for (String version : List.of("2026-07-28", "2099-01-01", "2000-01-01", "1.0", "")) {
            var response = post(INIT.formatted(version), Map.of("Content-Type", "application/json"));
            assertThat(response.status()).isEqualTo(200);
            assertThat(response.body().at("/result/protocolVersion").asString())
                    .as(version)
                    .isEqualTo("2025-11-25");
        }
        var initWithModernHeader = handshake(INIT.formatted(MODERN), MODERN);
        assertThat(initWithModernHeader.body().at("/result/protocolVersion").asString())
                .isEqualTo("2025-11-25");
        assertThat(initWithModernHeader.header("Mcp-Session-Id")).startsWith("s2.");

        // Every handshake version in the header serves handshake-era results; 2026-07-28 serves modern ones.
        for (String version : List.of("2025-11-25", "2025-06-18", "2025-03-26", "2024-11-05")) {
            var response = handshake(body(4, "tools/list", "", null), version);
            assertThat(response.status()).as(version).isEqualTo(200);
            assertThat(response.body().at("/result/resultType").isMissingNode()).isTrue();
        }
        assertThat(handshake(body(4, "tools/list", "", null), "2025-11-25")
                        .body()
                        .at("/result/tools")
                        .size())
                .isEqualTo(5);
        assertThat(modern("tools/list", "").body().at("/result/resultType").asString())
                .isEqualTo("complete");

        // A modern request whose version we do not have is told which ones we do.
        var headers = headers("server/discover", null);
        headers.put("MCP-Protocol-Version", "2027-01-01");
        assertThat(strings(post(body(5, "server/discover", "", "2027-01-01"), headers)
                        .body()
                        .at("/error/data/supported")))
                .contains(MODERN);
    }

    // ---- what 2026-07-28 does not have -------------------------------------------------------------------

    @Test
    void unknownMethod_is404WithMethodNotFound() {
        for (String method : new String[] {"resources/list", "prompts/list", "nope"}) {
            var response = modern(method, "");
            assertRefused(response, 404, -32601);
            assertThat(response.body().get("id").asInt()).isEqualTo(7);
        }
    }

    @Test
    void removedMethods_pingLoggingAndInitialize_areUnknownInTheModernEra() {
        assertRefused(modern("ping", ""), 404, -32601);
        assertRefused(modern("logging/setLevel", "\"level\":\"info\""), 404, -32601);
        assertRefused(
                modern(
                        "initialize",
                        "\"protocolVersion\":\"2026-07-28\",\"capabilities\":{},"
                                + "\"clientInfo\":{\"name\":\"it\",\"version\":\"1\"}"),
                404,
                -32601);
    }

    @Test
    void batch_isRefused() {
        String batch = "[" + body(1, "tools/list", "", MODERN) + "," + body(2, "server/discover", "", MODERN) + "]";
        assertRefused(post(batch, headers("tools/list", null)), 400, -32600);
    }

    @Test
    void notification_isAccepted_unlessItsMcpMethodContradictsIt() {
        String notification =
                "{\"jsonrpc\":\"2.0\",\"method\":\"notifications/cancelled\",\"params\":{\"requestId\":1}}";
        var accepted = post(notification, headers("notifications/cancelled", null));
        assertThat(accepted.status()).isEqualTo(202);
        assertThat(accepted.text()).isEmpty();
        assertThat(post(notification, headers("tools/call", null)).status()).isEqualTo(400);
    }

    @Test
    void getAndDelete_are405_whileADeleteOfAHandshakeSessionStillEndsIt() {
        var get = gate.http.send(
                "GET", path, null, Map.of("Accept", "text/event-stream", "MCP-Protocol-Version", MODERN));
        assertThat(get.status()).isEqualTo(405);
        assertThat(get.header("Allow")).isEqualTo("POST");

        String session = post(INIT.formatted("2025-11-25"), Map.of("Content-Type", "application/json"))
                .header("Mcp-Session-Id");
        var delete =
                gate.http.send("DELETE", path, null, Map.of("MCP-Protocol-Version", MODERN, "Mcp-Session-Id", session));
        assertThat(delete.status()).isEqualTo(405);
        assertThat(delete.header("Allow")).isEqualTo("POST");
        String ping = "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"ping\"}";
        var stillLive = post(ping, Map.of("Content-Type", "application/json", "Mcp-Session-Id", session));
        assertThat(stillLive.status()).isEqualTo(200);

        assertThat(gate.http
                        .send("DELETE", path, null, Map.of("Mcp-Session-Id", session))
                        .status())
                .isEqualTo(200);
        assertThat(post(ping, Map.of("Content-Type", "application/json", "Mcp-Session-Id", session))
                        .status())
                .isEqualTo(404);
    }

    // ---- the same URL, both eras, and the shared HTTP-level checks ------------------------------------------

    @Test
    void handshakeEraClient_onTheSameUrl_stillInitializesAndLists() {
        var init = post(
                INIT.formatted("2025-11-25"),
                Map.of("Content-Type", "application/json", "Accept", "application/json, text/event-stream"));
        String session = init.header("Mcp-Session-Id");
        assertThat(init.body().at("/result/protocolVersion").asString()).isEqualTo("2025-11-25");
        assertThat(init.body().at("/result/capabilities/tools").isObject()).isTrue();
        assertThat(session).startsWith("s2.");

        Map<String, String> sessionHeaders = Map.of(
                "Content-Type",
                "application/json",
                "Accept",
                "application/json, text/event-stream",
                "MCP-Protocol-Version",
                "2025-11-25",
                "Mcp-Session-Id",
                session);
        assertThat(post("{\"jsonrpc\":\"2.0\",\"method\":\"notifications/initialized\"}", sessionHeaders)
                        .status())
                .isEqualTo(202);
        var list = post("{\"jsonrpc\":\"2.0\",\"id\":2,\"method\":\"tools/list\"}", sessionHeaders);
        assertThat(list.status()).isEqualTo(200);
        assertThat(list.body().at("/result/tools").size()).isEqualTo(5);
        assertThat(list.body().at("/result/resultType").isMissingNode()).isTrue();
        var ping = post("{\"jsonrpc\":\"2.0\",\"id\":3,\"method\":\"ping\"}", sessionHeaders);
        assertThat(ping.body().get("result").isEmpty()).isTrue();
        var discover = post("{\"jsonrpc\":\"2.0\",\"id\":4,\"method\":\"server/discover\"}", sessionHeaders);
        assertThat(discover.status())
                .as("server/discover is a 2026-07-28 method")
                .isEqualTo(200);
        assertThat(discover.body().at("/error/code").asInt()).isEqualTo(-32601);
    }

    @Test
    void httpLevelRefusals_applyToModernRequestsToo() {
        String discover = body(7, "server/discover", "", MODERN);
        var evil = headers("server/discover", null);
        evil.put("Origin", "http://evil.example.com");
        assertThat(post(discover, evil).status()).isEqualTo(403);

        var unknown = gate.http.send("POST", "/mcp/" + "ab".repeat(32), discover, headers("server/discover", null));
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(unknown.body().at("/error/code").asInt())
                .as("not a modern -32601: no server here")
                .isEqualTo(-32600);

        var text = headers("server/discover", null);
        text.put("Content-Type", "text/plain");
        assertThat(post(discover, text).status()).isEqualTo(415);
        var html = headers("server/discover", null);
        html.put("Accept", "text/html");
        assertThat(post(discover, html).status()).isEqualTo(406);

        String big = body(7, "server/discover", "\"x\":\"" + "a".repeat(1_100_000) + "\"", MODERN);
        assertThat(post(big, headers("server/discover", null)).status()).isEqualTo(413);
        var malformed = post("{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":", headers("server/discover", null));
        assertRefused(malformed, 400, -32700);
        var envelope = post("{\"jsonrpc\":\"1.0\",\"id\":1,\"method\":\"tools/list\"}", headers("tools/list", null));
        assertRefused(envelope, 400, -32600);
    }

    @Test
    void secondFactor_appliesToModernRequests() {
        String apiToken = gate.apiToken("acme");
        String account = gate.connectTestPay(apiToken);
        String guarded = "/mcp/"
                + gate.createServer(
                                apiToken, account, "{\"name\":\"2fa\",\"config\":{\"require_api_token_auth\":true}}")
                        .get("token")
                        .asString();
        String discover = body(7, "server/discover", "", MODERN);

        assertThat(gate.http
                        .send("POST", guarded, discover, headers("server/discover", null))
                        .status())
                .isEqualTo(401);
        var authorized = headers("server/discover", null);
        authorized.put("Authorization", "Bearer " + apiToken);
        assertThat(gate.http.send("POST", guarded, discover, authorized).status())
                .isEqualTo(200);
    }
}
