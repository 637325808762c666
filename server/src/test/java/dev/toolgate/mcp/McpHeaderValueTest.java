package dev.toolgate.mcp;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.junit.jupiter.api.Test;

class McpHeaderValueTest {

    private static String sentinel(String value) {
        return "=?base64?" + Base64.getEncoder().encodeToString(value.getBytes(StandardCharsets.UTF_8)) + "?=";
    }

    @Test
    void plainAscii_isTheValue_withOptionalWhitespaceStripped() {
        assertThat(McpHeaderValue.decode("get_weather")).contains("get_weather");
        assertThat(McpHeaderValue.decode("  get_weather\t")).contains("get_weather");
        assertThat(McpHeaderValue.decode("file:///projects/my app/config.json"))
                .contains("file:///projects/my app/config.json");
    }

    @Test
    void base64Sentinel_isDecodedAsUtf8() {
        assertThat(McpHeaderValue.decode("=?base64?SGVsbG8sIOS4lueVjA==?=")).contains("Hello, 世界");
        assertThat(McpHeaderValue.decode(sentinel(" padded "))).contains(" padded ");
        assertThat(McpHeaderValue.decode(sentinel("line1\nline2"))).contains("line1\nline2");
        assertThat(McpHeaderValue.decode(sentinel("=?base64?literal?="))).contains("=?base64?literal?=");
        assertThat(McpHeaderValue.decode("=?base64?Z2V0X3dlYXRoZXI?="))
                .as("padding is optional")
                .contains("get_weather");
    }

    @Test
    void markersAreCaseSensitive_soOtherCasingsAreCompared_asPlainText() {
        assertThat(McpHeaderValue.decode("=?BASE64?Z2V0X3dlYXRoZXI=?=")).contains("=?BASE64?Z2V0X3dlYXRoZXI=?=");
    }

    @Test
    void malformedValues_areRefused() {
        assertThat(McpHeaderValue.decode("=?base64?not base64!?=")).isEmpty();
        assertThat(McpHeaderValue.decode(
                        "=?base64?" + Base64.getEncoder().encodeToString(new byte[] {(byte) 0xC3, 0x28}) + "?="))
                .as("not UTF-8")
                .isEmpty();
        assertThat(McpHeaderValue.decode("caf\u00e9"))
                .as("non-ASCII must be Base64-encoded")
                .isEmpty();
        assertThat(McpHeaderValue.decode("a\u0000b")).as("control character").isEmpty();
        assertThat(McpHeaderValue.decode("a\rb")).isEmpty();
    }
}
