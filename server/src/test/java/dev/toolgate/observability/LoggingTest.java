package dev.toolgate.observability;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.LoggingEvent;
import dev.toolgate.support.Json;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.JsonNode;

class LoggingTest {
    @Test
    void jsonEncoder_writesOneObjectPerLineWithTheRequestIdAndTheFormattedMessage() {
        LoggerContext context = (LoggerContext) LoggerFactory.getILoggerFactory();
        var encoder = Logging.jsonEncoder(context);
        LoggingEvent event = new LoggingEvent(
                "x", context.getLogger("toolgate.access"), Level.INFO, "{} {}", null, new Object[] {"GET", "/ready"});
        event.setMDCPropertyMap(Map.of(RequestIds.MDC_KEY, "req-7"));

        String line = new String(encoder.encode(event), StandardCharsets.UTF_8);

        assertThat(line).endsWith("\n").doesNotContain("\n{");
        JsonNode json = Json.parse(line);
        assertThat(json.get("level").asString()).isEqualTo("INFO");
        assertThat(json.get("loggerName").asString()).isEqualTo("toolgate.access");
        assertThat(json.get("formattedMessage").asString()).isEqualTo("GET /ready");
        assertThat(json.at("/mdc/request_id").asString()).isEqualTo("req-7");
        assertThat(json.has("arguments")).isFalse();
    }
}
