package dev.toolgate.support;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import tools.jackson.core.JacksonException;

class JsonTest {
    private static final byte[] NESTED_REPEAT =
            "{\"a\": {\"b\": 1, \"c\": 2, \"b\": 3}}".getBytes(StandardCharsets.UTF_8);

    @Test
    void parse_repeatedKey_isRefusedAtAnyDepth_inEveryForm() {
        assertThatThrownBy(() -> Json.parse("{\"id\": 1, \"method\": \"x\", \"id\": 2}"))
                .isInstanceOf(JacksonException.class)
                .hasMessageContaining("id");
        assertThatThrownBy(() -> Json.parse(NESTED_REPEAT)).isInstanceOf(JacksonException.class);
        byte[] framed =
                ("xx" + new String(NESTED_REPEAT, StandardCharsets.UTF_8) + "yy").getBytes(StandardCharsets.UTF_8);
        assertThatThrownBy(() -> Json.parse(framed, 2, NESTED_REPEAT.length)).isInstanceOf(JacksonException.class);
        assertThatThrownBy(() -> Json.parse("[{\"a\": 1, \"a\": 1}]")).isInstanceOf(JacksonException.class);
    }

    @Test
    void parse_sameNameInOtherObjects_isFine() {
        assertThat(Json.parse("{\"a\": {\"a\": 1}, \"b\": [{\"a\": 2}, {\"a\": 3}]}")
                        .path("b")
                        .size())
                .isEqualTo(2);
    }

    @Test
    void parse_trailingContent_isRefused() {
        assertThatThrownBy(() -> Json.parse("{\"a\": 1} {\"b\": 2}")).isInstanceOf(JacksonException.class);
        assertThatThrownBy(() -> Json.parse("{\"a\": 1}]".getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(JacksonException.class);
    }

    @Test
    void parse_decimalsStayDigitForDigit() {
        assertThat(Json.write(Json.parse("{\"amount\": 1234567890.123456789012, \"fee\": 100.50}")))
                .isEqualTo("{\"amount\":1234567890.123456789012,\"fee\":100.50}");
    }
}
