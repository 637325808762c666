package dev.toolgate.mcp;

import static dev.toolgate.mcp.ProtocolVersions.Era.HANDSHAKE;
import static dev.toolgate.mcp.ProtocolVersions.Era.MODERN;
import static org.assertj.core.api.Assertions.assertThat;

import dev.toolgate.support.Json;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

class ProtocolVersionsTest {

    private static JsonNode request(String method, String metaVersionJson) {
        String params = metaVersionJson == null
                ? "{}"
                : "{\"_meta\":{\"io.modelcontextprotocol/protocolVersion\":" + metaVersionJson + "}}";
        return Json.parse("{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"" + method + "\",\"params\":" + params + "}");
    }

    @Test
    void supported_listsBothEras_newestFirst() {
        assertThat(ProtocolVersions.SUPPORTED)
                .containsExactly("2026-07-28", "2025-11-25", "2025-06-18", "2025-03-26", "2024-11-05");
        assertThat(ProtocolVersions.isSupported("2026-07-28")).isTrue();
        assertThat(ProtocolVersions.isSupported("2099-01-01")).isFalse();
        assertThat(ProtocolVersions.isModern("2026-07-28")).isTrue();
        assertThat(ProtocolVersions.isModern("2025-11-25")).isFalse();
        assertThat(ProtocolVersions.isModern(null)).isFalse();
    }

    @Test
    void negotiate_echoesHandshakeVersions_andCounterOffersTheLatestHandshakeVersionForEverythingElse() {
        for (String version : ProtocolVersions.HANDSHAKE) {
            assertThat(ProtocolVersions.negotiate(version)).isEqualTo(version);
        }
        for (String version : new String[] {"2026-07-28", "2099-01-01", "2000-01-01", "1.0", ""}) {
            assertThat(ProtocolVersions.negotiate(version)).as(version).isEqualTo("2025-11-25");
        }
    }

    @Test
    void eraOf_modernHeaderOrModernMeta_isModern() {
        assertThat(ProtocolVersions.eraOf("2026-07-28", request("tools/list", "\"2026-07-28\"")))
                .isEqualTo(MODERN);
        assertThat(ProtocolVersions.eraOf("2026-07-28", request("tools/list", null)))
                .isEqualTo(MODERN);
        assertThat(ProtocolVersions.eraOf(null, request("tools/list", "\"2026-07-28\"")))
                .isEqualTo(MODERN);
        assertThat(ProtocolVersions.eraOf("2025-11-25", request("tools/list", "\"2026-07-28\"")))
                .isEqualTo(MODERN);
        assertThat(ProtocolVersions.eraOf("2026-07-28", request("tools/list", "\"2025-11-25\"")))
                .isEqualTo(MODERN);
        assertThat(ProtocolVersions.eraOf(
                        "2026-07-28", Json.parse("[{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"x\"}]")))
                .as("a batch under a modern header")
                .isEqualTo(MODERN);
    }

    @Test
    void eraOf_unknownOrMalformedMetaVersion_isModern_soItGetsTheModernErrors() {
        assertThat(ProtocolVersions.eraOf(null, request("tools/list", "\"2099-01-01\"")))
                .isEqualTo(MODERN);
        assertThat(ProtocolVersions.eraOf(null, request("tools/list", "7"))).isEqualTo(MODERN);
    }

    @Test
    void eraOf_initialize_isTheHandshake_unlessItCarriesModernMeta() {
        assertThat(ProtocolVersions.eraOf(null, request("initialize", null))).isEqualTo(HANDSHAKE);
        assertThat(ProtocolVersions.eraOf("2026-07-28", request("initialize", null)))
                .isEqualTo(HANDSHAKE);
        assertThat(ProtocolVersions.eraOf("2026-07-28", request("initialize", "\"2026-07-28\"")))
                .isEqualTo(MODERN);
    }

    @Test
    void eraOf_everythingElse_isTheHandshakeEra() {
        assertThat(ProtocolVersions.eraOf(null, request("tools/list", null))).isEqualTo(HANDSHAKE);
        assertThat(ProtocolVersions.eraOf("2025-06-18", request("ping", null))).isEqualTo(HANDSHAKE);
        assertThat(ProtocolVersions.eraOf("2025-11-25", request("tools/list", "\"2025-11-25\"")))
                .isEqualTo(HANDSHAKE);
        assertThat(ProtocolVersions.eraOf(
                        "2025-03-26", Json.parse("[{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"x\"}]")))
                .isEqualTo(HANDSHAKE);
        assertThat(ProtocolVersions.eraOf(
                        null,
                        Json.parse("{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"x\",\"params\":"
                                + "{\"_meta\":\"2026-07-28\"}}")))
                .isEqualTo(HANDSHAKE);
        assertThat(ProtocolVersions.eraOf(null, Json.parse("7"))).isEqualTo(HANDSHAKE);
    }
}
