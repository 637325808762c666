package dev.toolgate.upstream;

import static org.assertj.core.api.Assertions.assertThat;

import dev.toolgate.support.Json;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class JsonPayloadTest {
    private static Optional<JsonPayload> compact(String body) {
        return JsonPayload.compact(body.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void compact_prettyObject_becomesCompactTextWithTheSameTree() {
        String pretty = """
                {
                  "id": "cus_1",
                  "name": "Zoë \\"Z\\" Müller",
                  "tags": [ "a", "b" ],
                  "balance": -250,
                  "nothing": null
                }
                """;
        JsonPayload payload = compact(pretty).orElseThrow();

        assertThat(payload.json())
                .isEqualTo("{\"id\":\"cus_1\",\"name\":\"Zoë \\\"Z\\\" Müller\",\"tags\":[\"a\",\"b\"],"
                        + "\"balance\":-250,\"nothing\":null}");
        assertThat(payload.isObject()).isTrue();
        assertThat(payload.tree()).isEqualTo(Json.parse(pretty));
    }

    @Test
    void compact_keepsNumbersAndStringsExactlyAsWritten() {
        assertThat(compact("{\"amount\": 12.3400000000000000001, \"rate\": 1e-7, \"big\": 100.50}")
                        .orElseThrow()
                        .json())
                .isEqualTo("{\"amount\":12.3400000000000000001,\"rate\":1e-7,\"big\":100.50}");
        // whitespace inside strings, escaped quotes and backslashes, and escapes stay as they are
        assertThat(compact("[ \"a  b\\t\", \"q\\\" \\\\\" , \"\\u00e9 \" ]")
                        .orElseThrow()
                        .json())
                .isEqualTo("[\"a  b\\t\",\"q\\\" \\\\\",\"\\u00e9 \"]");
    }

    @Test
    void compact_alreadyCompactUtf8_isTheBodyItself() {
        byte[] body = "{\"name\":\"Zoë\"}".getBytes(StandardCharsets.UTF_8);
        JsonPayload payload = JsonPayload.compact(body).orElseThrow();
        assertThat(payload.json()).isEqualTo("{\"name\":\"Zoë\"}");
        assertThat(payload.tree().get("name").asString()).isEqualTo("Zoë");
    }

    @Test
    void compact_largePrettyBody_writtenIntoAnAnswerAsTextAndAsValue() {
        // larger than a generator's buffer, with whitespace dropped (the copy is longer than the compact value)
        StringBuilder pretty = new StringBuilder("{\n  \"items\": [\n");
        for (int i = 0; i < 2_000; i++) {
            pretty.append("    {\"id\": ")
                    .append(i)
                    .append(", \"name\": \"Zoë \\\"")
                    .append(i)
                    .append("\\\"\"},\n");
        }
        pretty.append("    null\n  ]\n}\n");
        JsonPayload payload = compact(pretty.toString()).orElseThrow();
        var answer = Json.object();
        answer.putPOJO("text", payload.asText());
        answer.putRawValue("value", payload.asRawValue());

        var written = Json.MAPPER.readTree(Json.writeBytes(answer));

        assertThat(written.get("value")).isEqualTo(Json.parse(pretty.toString()));
        assertThat(written.get("text").asString()).isEqualTo(payload.json()).doesNotContain("\n", "  ");
        assertThat(Json.parse(Json.write(answer)).get("value")).isEqualTo(written.get("value")); // as characters too
    }

    @Test
    void compact_otherEncodingsAndByteOrderMark_becomeCompactUtf8() {
        String json = "{ \"name\": \"Zoë\" }";
        for (byte[] body : new byte[][] {
            json.getBytes(StandardCharsets.UTF_16BE),
            json.getBytes(StandardCharsets.UTF_16LE),
            ("\uFEFF" + json).getBytes(StandardCharsets.UTF_8)
        }) {
            assertThat(JsonPayload.compact(body).orElseThrow().json()).isEqualTo("{\"name\":\"Zoë\"}");
        }
    }

    @Test
    void compact_arrayOrScalar_isNotAnObject() {
        assertThat(compact("[1, 2]").orElseThrow().isObject()).isFalse();
        assertThat(compact(" \"text\" ").orElseThrow().json()).isEqualTo("\"text\"");
    }

    @Test
    void compact_notExactlyOneJsonValue_isRefused() {
        assertThat(compact("{\"a\": 1} {\"b\": 2}")).isEmpty();
        assertThat(compact("{\"a\": 1, \"a\": 2}")).isEmpty(); // ambiguous: which a?
        assertThat(compact("{\"a\": ")).isEmpty();
        assertThat(compact("<html>upstream error</html>")).isEmpty();
        assertThat(compact("")).isEmpty();
        assertThat(compact("{\"x\": {\"a\": 1, \"a\": 2}}")).isEmpty(); // nested too
        assertThat(compact("{\"a\": \"x\"} ]")).isEmpty();
        assertThat(compact("{\"a\": 01}")).isEmpty();
        assertThat(compact("{\"a\": \"tab\tinside\"}")).isEmpty(); // control characters must be escaped
        assertThat(JsonPayload.compact(new byte[] {'"', (byte) 0xC3, '"'})).isEmpty(); // not UTF-8
        assertThat(JsonPayload.compact(new byte[] {'"', (byte) 0xFF, '"'})).isEmpty();
    }

    @Test
    void compact_repeatedKeys_areRefusedAtAnyDepthAndObjectSize_namesOfOtherObjectsMayRepeat() {
        StringBuilder wide = new StringBuilder("{");
        for (int i = 0; i < 40; i++) {
            wide.append("\"k").append(i).append("\": ").append(i).append(", ");
        }
        String many = wide.toString();
        assertThat(compact(many + "\"k3\": 1}")).as("repeated after 40 names").isEmpty();
        assertThat(compact(many + "\"k39\": 1}")).as("the last name repeated").isEmpty();
        assertThat(compact(many + "\"k40\": 1}")).as("40 names, then a new one").isPresent();
        assertThat(compact("{\"a\": 1, \"b\": 2, \"c\": 3, \"b\": 4}")).isEmpty();
        assertThat(compact("[{\"a\": [{\"b\": 1, \"b\": 1}]}]"))
                .as("deep in arrays")
                .isEmpty();

        assertThat(compact("[{\"a\": 1}, {\"a\": 2}]")).as("sibling objects").isPresent();
        assertThat(compact("{\"x\": {\"a\": 1}, \"y\": {\"a\": 2}, \"a\": 3}")).isPresent();
        assertThat(compact("{\"a\": {\"a\": {\"a\": 1}}, \"b\": [\"a\", \"a\"]}"))
                .isPresent();
        assertThat(compact(many + "\"n\": {\"k1\": 1, \"k2\": 2}, \"k40\": 0}")).isPresent();
    }

    @Test
    void of_tree_isSerializedOnce() {
        var tree = Json.parse("{\"result\": [], \"next_cursor\": null}");
        JsonPayload payload = JsonPayload.of(tree);
        assertThat(payload.json()).isEqualTo("{\"result\":[],\"next_cursor\":null}");
        assertThat(payload.tree()).isSameAs(tree);
        assertThat(payload)
                .isEqualTo(compact("{ \"result\": [], \"next_cursor\": null }").orElseThrow());
    }
}
