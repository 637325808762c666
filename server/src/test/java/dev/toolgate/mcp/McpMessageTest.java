package dev.toolgate.mcp;

import static org.assertj.core.api.Assertions.assertThat;

import dev.toolgate.support.Json;
import org.junit.jupiter.api.Test;

class McpMessageTest {

    private static McpMessage parse(String json) {
        return McpMessage.parse(Json.parse(json));
    }

    private static int errorCode(McpMessage message) {
        assertThat(message).isInstanceOf(McpMessage.Invalid.class);
        return ((McpMessage.Invalid) message).error().at("/error/code").asInt();
    }

    @Test
    void parse_requestWithIntegerOrStringId_isRequest() {
        assertThat(parse("{\"jsonrpc\":\"2.0\",\"id\":7,\"method\":\"ping\"}"))
                .isInstanceOfSatisfying(
                        McpMessage.Request.class,
                        r -> assertThat(r.id().asInt()).isEqualTo(7));
        assertThat(parse("{\"jsonrpc\":\"2.0\",\"id\":\"a\",\"method\":\"tools/list\",\"params\":{\"cursor\":\"x\"}}"))
                .isInstanceOfSatisfying(
                        McpMessage.Request.class, r -> assertThat(r.params()).isPresent());
    }

    @Test
    void parse_withoutId_isNotification() {
        assertThat(parse("{\"jsonrpc\":\"2.0\",\"method\":\"notifications/initialized\"}"))
                .isEqualTo(new McpMessage.Notification("notifications/initialized"));
    }

    @Test
    void parse_resultOrErrorWithoutMethod_isClientResponse() {
        assertThat(parse("{\"jsonrpc\":\"2.0\",\"id\":1,\"result\":{}}")).isInstanceOf(McpMessage.ClientResponse.class);
    }

    @Test
    void parse_malformedEnvelopes_areInvalidRequests() {
        assertThat(errorCode(parse("1"))).isEqualTo(JsonRpc.INVALID_REQUEST);
        assertThat(errorCode(parse("{\"id\":1,\"method\":\"ping\"}"))).isEqualTo(-32600);
        assertThat(errorCode(parse("{\"jsonrpc\":\"1.0\",\"id\":1,\"method\":\"ping\"}")))
                .isEqualTo(-32600);
        assertThat(errorCode(parse("{\"jsonrpc\":\"2.0\",\"id\":null,\"method\":\"ping\"}")))
                .isEqualTo(-32600);
        assertThat(errorCode(parse("{\"jsonrpc\":\"2.0\",\"id\":1.5,\"method\":\"ping\"}")))
                .isEqualTo(-32600);
        assertThat(errorCode(parse("{\"jsonrpc\":\"2.0\",\"id\":1}"))).isEqualTo(-32600);
        assertThat(errorCode(parse("{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":5}")))
                .isEqualTo(-32600);
        assertThat(errorCode(parse("{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"x\",\"params\":[1]}")))
                .isEqualTo(-32600);
    }

    @Test
    void parse_invalidWithReadableId_keepsTheId() {
        var invalid = (McpMessage.Invalid) parse("{\"jsonrpc\":\"2.0\",\"id\":3,\"method\":\"x\",\"params\":7}");
        assertThat(invalid.error().get("id").asInt()).isEqualTo(3);
        assertThat(invalid.error().at("/error/message").asString()).contains("params must be an object");
    }
}
