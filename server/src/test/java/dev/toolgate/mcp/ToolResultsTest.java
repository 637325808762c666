package dev.toolgate.mcp;

import static org.assertj.core.api.Assertions.assertThat;

import dev.toolgate.upstream.CallOutcome;
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
    void sentence_alreadyEnded_isKept() {
        assertThat(ToolResults.sentence("Wait 3 s.")).isEqualTo("Wait 3 s.");
        assertThat(ToolResults.sentence("Is it a charge id? ")).isEqualTo("Is it a charge id?");
        assertThat(ToolResults.sentence("a `b` is required")).isEqualTo("a `b` is required.");
    }
}
