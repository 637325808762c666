package dev.toolgate.mcp;

import static org.assertj.core.api.Assertions.assertThat;

import dev.toolgate.support.Json;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

class ModernRequestsTest {
    private static final String META = "\"_meta\":{\"io.modelcontextprotocol/protocolVersion\":\"%s\","
            + "\"io.modelcontextprotocol/clientInfo\":{\"name\":\"t\",\"version\":\"1\"},"
            + "\"io.modelcontextprotocol/clientCapabilities\":{}}";

    private static McpMessage.Request request(String method, String paramsWithoutMeta, String metaVersion) {
        String params =
                "{" + paramsWithoutMeta + (paramsWithoutMeta.isEmpty() ? "" : ",") + META.formatted(metaVersion) + "}";
        return (McpMessage.Request) McpMessage.parse(
                Json.parse("{\"jsonrpc\":\"2.0\",\"id\":5,\"method\":\"" + method + "\",\"params\":" + params + "}"));
    }

    /** Headers with case-insensitive names; each argument pair is name, value (a name may repeat). */
    private static ModernRequests.Headers headers(String... nameValues) {
        Map<String, List<String>> map = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        for (int i = 0; i < nameValues.length; i += 2) {
            map.computeIfAbsent(nameValues[i], k -> new java.util.ArrayList<>()).add(nameValues[i + 1]);
        }
        return name -> map.getOrDefault(name, List.of());
    }

    private static int code(Optional<HttpRejection> rejection) {
        assertThat(rejection).isPresent();
        assertThat(rejection.get().status()).isEqualTo(400);
        assertThat(rejection.get().body().get("id").asInt())
                .as("answers the request id")
                .isEqualTo(5);
        return rejection.get().code();
    }

    @Test
    void conformingRequests_pass() {
        assertThat(ModernRequests.check(
                        request("tools/list", "", "2026-07-28"),
                        headers("MCP-Protocol-Version", "2026-07-28", "Mcp-Method", "tools/list")))
                .isEmpty();
        assertThat(ModernRequests.check(
                        request("tools/call", "\"name\":\"get_weather\"", "2026-07-28"),
                        headers(
                                "mcp-protocol-version",
                                "2026-07-28",
                                "MCP-METHOD",
                                "tools/call",
                                "mcp-name",
                                "get_weather")))
                .isEmpty();
        assertThat(ModernRequests.check(
                        request("resources/read", "\"uri\":\"file:///a b\"", "2026-07-28"),
                        headers(
                                "MCP-Protocol-Version",
                                "2026-07-28",
                                "Mcp-Method",
                                "resources/read",
                                "Mcp-Name",
                                "file:///a b")))
                .isEmpty();
    }

    @Test
    void base64McpName_isDecodedBeforeComparing() {
        assertThat(ModernRequests.check(
                        request("tools/call", "\"name\":\"météo\"", "2026-07-28"),
                        headers(
                                "MCP-Protocol-Version",
                                "2026-07-28",
                                "Mcp-Method",
                                "tools/call",
                                "Mcp-Name",
                                "=?base64?bcOpdMOpbw==?=")))
                .isEmpty();
    }

    @Test
    void missingOrMismatchedHeaders_areHeaderMismatch() {
        var list = request("tools/list", "", "2026-07-28");
        assertThat(code(ModernRequests.check(list, headers("Mcp-Method", "tools/list"))))
                .isEqualTo(-32020);
        assertThat(code(ModernRequests.check(list, headers("MCP-Protocol-Version", "2026-07-28"))))
                .isEqualTo(-32020);
        assertThat(code(ModernRequests.check(
                        list, headers("MCP-Protocol-Version", "2026-07-28", "Mcp-Method", "prompts/list"))))
                .isEqualTo(-32020);
        assertThat(code(ModernRequests.check(
                        list, headers("MCP-Protocol-Version", "2026-07-28", "Mcp-Method", "TOOLS/LIST"))))
                .isEqualTo(-32020);
        assertThat(code(ModernRequests.check(
                        list,
                        headers(
                                "MCP-Protocol-Version",
                                "2026-07-28",
                                "Mcp-Method",
                                "tools/list",
                                "Mcp-Method",
                                "tools/call"))))
                .as("sent twice")
                .isEqualTo(-32020);

        var call = request("tools/call", "\"name\":\"get_weather\"", "2026-07-28");
        String[] base = {"MCP-Protocol-Version", "2026-07-28", "Mcp-Method", "tools/call"};
        assertThat(code(ModernRequests.check(call, headers(base))))
                .as("no Mcp-Name")
                .isEqualTo(-32020);
        assertThat(code(ModernRequests.check(call, headers(concat(base, "Mcp-Name", "wrong_tool")))))
                .isEqualTo(-32020);
        assertThat(code(ModernRequests.check(call, headers(concat(base, "Mcp-Name", "=?base64?%%%?=")))))
                .isEqualTo(-32020);
        var nameless = request("tools/call", "\"arguments\":{}", "2026-07-28");
        assertThat(code(ModernRequests.check(nameless, headers(concat(base, "Mcp-Name", "get_weather")))))
                .isEqualTo(-32020);
    }

    @Test
    void metaVersionOtherThanTheHeader_isHeaderMismatch() {
        var request = request("tools/list", "", "2025-11-25");
        assertThat(code(ModernRequests.check(
                        request, headers("MCP-Protocol-Version", "2026-07-28", "Mcp-Method", "tools/list"))))
                .isEqualTo(-32020);
    }

    @Test
    void unsupportedVersion_namedByHeaderAndMeta_isUnsupportedProtocolVersionWithTheSupportedList() {
        var rejection = ModernRequests.check(
                request("tools/list", "", "2099-01-01"),
                headers("MCP-Protocol-Version", "2099-01-01", "Mcp-Method", "tools/list"));
        assertThat(code(rejection)).isEqualTo(-32022);
        var data = rejection.get().body().at("/error/data");
        assertThat(data.get("requested").asString()).isEqualTo("2099-01-01");
        assertThat(data.get("supported").valueStream().map(v -> v.asString()).toList())
                .containsExactlyElementsOf(ProtocolVersions.SUPPORTED);
    }

    @Test
    void unsupportedVersion_inOnlyOnePlace_isAHeaderMismatchOrAMissingHeader() {
        assertThat(code(ModernRequests.check(
                        request("tools/list", "", "2099-01-01"),
                        headers("MCP-Protocol-Version", "2026-07-28", "Mcp-Method", "tools/list"))))
                .isEqualTo(-32020);
        assertThat(code(ModernRequests.check(
                        request("tools/list", "", "2099-01-01"), headers("Mcp-Method", "tools/list"))))
                .isEqualTo(-32020);
    }

    @Test
    void missingRequiredMetaFields_areInvalidParamsWith400() {
        var noMeta = (McpMessage.Request)
                McpMessage.parse(Json.parse("{\"jsonrpc\":\"2.0\",\"id\":5,\"method\":\"tools/list\"}"));
        var ok = headers("MCP-Protocol-Version", "2026-07-28", "Mcp-Method", "tools/list");
        assertThat(code(ModernRequests.check(noMeta, ok))).isEqualTo(-32602);
        var noCapabilities = (McpMessage.Request) McpMessage.parse(Json.parse("{\"jsonrpc\":\"2.0\",\"id\":5,"
                + "\"method\":\"tools/list\",\"params\":{\"_meta\":{\"io.modelcontextprotocol/protocolVersion\":"
                + "\"2026-07-28\"}}}"));
        assertThat(code(ModernRequests.check(noCapabilities, ok))).isEqualTo(-32602);
    }

    @Test
    void notifications_areAccepted_unlessMcpMethodContradictsThem() {
        assertThat(ModernRequests.checkNotification("notifications/x", headers()))
                .isEmpty();
        assertThat(ModernRequests.checkNotification("notifications/x", headers("Mcp-Method", "notifications/x")))
                .isEmpty();
        assertThat(ModernRequests.checkNotification("notifications/x", headers("Mcp-Method", "tools/call"))
                        .get()
                        .code())
                .isEqualTo(-32020);
    }

    private static String[] concat(String[] base, String... more) {
        String[] all = java.util.Arrays.copyOf(base, base.length + more.length);
        System.arraycopy(more, 0, all, base.length, more.length);
        return all;
    }
}
