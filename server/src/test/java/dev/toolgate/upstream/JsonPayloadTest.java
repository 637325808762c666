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
    void compact_keepsDecimalsExactlyAsWritten() {
        assertThat(compact("{\"amount\": 12.3400000000000000001, \"rate\": 1e-7}")
                        .orElseThrow()
                        .json())
                .isEqualTo(
                        "{\"amount\":12.3400000000000000001,\"rate\":1E-7}"); // the same value, in BigDecimal notation
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
