package dev.toolgate.upstream;

import static org.assertj.core.api.Assertions.assertThat;

import dev.toolgate.support.Json;
import dev.toolgate.testing.FormData;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

class FormEncoderTest {

    private static String encode(String json, FormEncoder.ArrayStyle style) {
        Map<String, JsonNode> fields = new LinkedHashMap<>();
        Json.parse(json).properties().forEach(e -> fields.put(e.getKey(), e.getValue()));
        return FormEncoder.encode(fields, style);
    }

    @Test
    void encode_nestedObjectsAndArraysOfObjects_useStripeBrackets() {
        String form = encode("""
                {"items": [{"price": "price_1", "quantity": 2}, {"price": "price_2"}],
                 "metadata": {"a": {"b": "deep"}}, "expand": ["customer"], "paid": true, "rate": 1.50,
                 "skip": null, "empty": {}, "none": []}""", FormEncoder.ArrayStyle.INDEXED);

        assertThat(FormData.pairs(form))
                .containsExactly(
                        Map.entry("items[0][price]", "price_1"),
                        Map.entry("items[0][quantity]", "2"),
                        Map.entry("items[1][price]", "price_2"),
                        Map.entry("metadata[a][b]", "deep"),
                        Map.entry("expand[0]", "customer"),
                        Map.entry("paid", "true"),
                        Map.entry("rate", "1.5"));
    }

    @Test
    void encode_scalarArrays_followTheStyle() {
        assertThat(encode("{\"expand\": [\"a\", \"b\"]}", FormEncoder.ArrayStyle.BRACKETS))
                .isEqualTo("expand%5B%5D=a&expand%5B%5D=b");
        assertThat(encode("{\"status\": [\"a\", \"b\"]}", FormEncoder.ArrayStyle.REPEAT))
                .isEqualTo("status=a&status=b");
        assertThat(encode("{\"tags\": [\"a\", null, \"b\"]}", FormEncoder.ArrayStyle.INDEXED))
                .isEqualTo("tags%5B0%5D=a&tags%5B1%5D=b");
    }

    @Test
    void encode_reservedCharactersAndUnicode_arePercentEncodedWithSpaceAsPercent20() {
        assertThat(encode("{\"q\": \"a b+c&d=e/é\"}", FormEncoder.ArrayStyle.REPEAT))
                .isEqualTo("q=a%20b%2Bc%26d%3De%2F%C3%A9");
    }

    @Test
    void encode_bigNumbers_keepEveryDigitWithoutExponent() {
        assertThat(encode("{\"a\": 12345678901234567890, \"b\": 1e3, \"c\": 0.000001}", FormEncoder.ArrayStyle.REPEAT))
                .isEqualTo("a=12345678901234567890&b=1000&c=0.000001");
    }
}
