package dev.toolgate.mcp;

import static org.assertj.core.api.Assertions.assertThat;

import dev.toolgate.support.Json;
import dev.toolgate.upstream.CallOutcome;
import dev.toolgate.upstream.JsonPayload;
import dev.toolgate.upstream.RateLimit;
import org.junit.jupiter.api.Test;

class ToolResultsTest {

    @Test
    void render_rejectedWithoutFullStop_endsTheProblemBeforeSayingNothingWasSent() {
        var rendered = ToolResults.render(
                new CallOutcome.Rejected("payerId", "tool list_all_plastiq_payments: argument `payerId` is required"),
                true);

        assertThat(rendered.result().at("/structuredContent/message").asString())
                .isEqualTo(
                        "tool"
                                + " list_all_plastiq_payments: argument `payerId` is required. Nothing was sent to the upstream API.");
        assertThat(rendered.result().get("isError").asBoolean()).isTrue();
    }

    @Test
    void render_success_sameJsonAsTextAndAsStructuredContent() {
        var object = Json.parse("{\"id\": \"cus_1\", \"note\": \"a \\\"quoted\\\" name\", \"n\": [1, 2.5, null]}");
        var rendered = Json.parse(Json.write(
                ToolResults.render(new CallOutcome.Success(200, JsonPayload.of(object), RateLimit.NONE), true)
                        .result()));

        assertThat(rendered.at("/content/0/text").asString())
                .isEqualTo("{\"id\":\"cus_1\",\"note\":\"a \\\"quoted\\\" name\",\"n\":[1,2.5,null]}");
        assertThat(rendered.get("structuredContent")).isEqualTo(object);
        assertThat(rendered.has("isError")).isFalse();

        var array = Json.parse("[{\"id\": 1}]");
        var wrapped = Json.parse(
                Json.write(ToolResults.render(new CallOutcome.Success(200, JsonPayload.of(array), RateLimit.NONE), true)
                        .result()));
        assertThat(wrapped.at("/structuredContent/result")).isEqualTo(array);

        var unstructured = Json.parse(Json.write(
                ToolResults.render(new CallOutcome.Success(200, JsonPayload.of(object), RateLimit.NONE), false)
                        .result()));
        assertThat(unstructured.has("structuredContent")).isFalse();
        assertThat(Json.parse(unstructured.at("/content/0/text").asString())).isEqualTo(object);
    }

    @Test
    void render_success_writtenAsBytes_escapesTheTextAndEmbedsTheValue() {
        // the answer path: a byte generator writes the payload's UTF-8 straight (text escaped, structured as is),
        // also when it is larger than the generator's buffer
        String big = "x".repeat(20_000);
        var object = Json.parse("{\"name\": \"Zoë \\\"Z\\\"\", \"line\": \"a\\nb\", \"emoji\": \"\\uD83D\\uDE00\","
                + " \"big\": \"" + big + "\", \"amount\": 100.50}");
        for (boolean structured : new boolean[] {true, false}) {
            var rendered = Json.parse(Json.writeBytes(
                    ToolResults.render(new CallOutcome.Success(200, JsonPayload.of(object), RateLimit.NONE), structured)
                            .result()));

            assertThat(Json.parse(rendered.at("/content/0/text").asString())).isEqualTo(object);
            assertThat(rendered.at("/content/0/text").asString()).contains("\"amount\":100.50", "Zoë \\\"Z\\\"");
            assertThat(rendered.has("structuredContent")).isEqualTo(structured);
            if (structured) {
                assertThat(rendered.get("structuredContent")).isEqualTo(object);
            }
        }
        var array = Json.parse("[\"é\", 1.0]");
        var wrapped = Json.parse(Json.writeBytes(
                ToolResults.render(new CallOutcome.Success(200, JsonPayload.of(array), RateLimit.NONE), true)
                        .result()));
        assertThat(wrapped.at("/structuredContent/result")).isEqualTo(array);
        assertThat(wrapped.at("/content/0/text").asString()).isEqualTo("[\"é\",1.0]");
    }

    @Test
    void sentence_alreadyEnded_isKept() {
        assertThat(ToolResults.sentence("Wait 3 s.")).isEqualTo("Wait 3 s.");
        assertThat(ToolResults.sentence("Is it a charge id? ")).isEqualTo("Is it a charge id?");
        assertThat(ToolResults.sentence("a `b` is required")).isEqualTo("a `b` is required.");
    }
}
