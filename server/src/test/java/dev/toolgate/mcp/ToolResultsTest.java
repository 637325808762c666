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
    void sentence_alreadyEnded_isKept() {
        assertThat(ToolResults.sentence("Wait 3 s.")).isEqualTo("Wait 3 s.");
        assertThat(ToolResults.sentence("Is it a charge id? ")).isEqualTo("Is it a charge id?");
        assertThat(ToolResults.sentence("a `b` is required")).isEqualTo("a `b` is required.");
    }
}
