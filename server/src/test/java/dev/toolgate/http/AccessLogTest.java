package dev.toolgate.http;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

class AccessLogTest {
    private final Logger logger = (Logger) LoggerFactory.getLogger("toolgate.access");
    private final ListAppender<ILoggingEvent> lines = new ListAppender<>();
    private Level before;

    @BeforeEach
    void attach() {
        before = logger.getLevel();
        lines.start();
        logger.addAppender(lines);
    }

    @AfterEach
    void detach() {
        logger.detachAppender(lines);
        logger.setLevel(before);
    }

    @Test
    void mcpPost_answeredBelow400_isOnlyAtDebug_refusalsStayAtInfo() {
        logger.setLevel(Level.INFO);
        AccessLog.mcpPost("/mcp/****", 200, 1.4f);
        AccessLog.mcpPost("/mcp/****", 202, 0.2f);
        AccessLog.mcpPost("/mcp/****", 404, 0.3f);
        AccessLog.mcpPost("/mcp/****", 401, 0.3f);

        assertThat(lines.list)
                .extracting(e -> e.getLevel() + " " + e.getFormattedMessage())
                .containsExactly("INFO POST /mcp/**** 404 0ms", "INFO POST /mcp/**** 401 0ms");
    }

    @Test
    void mcpPost_atDebug_logsEveryRequest() {
        logger.setLevel(Level.DEBUG);
        AccessLog.mcpPost("/mcp/****", 200, 1.4f);
        AccessLog.mcpPost("/mcp/****", 500, 2.6f);

        assertThat(lines.list)
                .extracting(e -> e.getLevel() + " " + e.getFormattedMessage())
                .containsExactly("DEBUG POST /mcp/**** 200 1ms", "INFO POST /mcp/**** 500 3ms");
    }

    @Test
    void maskedPath_hidesTheMcpTokenAndAnythingTokenShaped() {
        String token = "ab".repeat(32);
        assertThat(AccessLog.maskedPath("/MCP/" + token + "/sse")).isEqualTo("/mcp/****/sse");
        assertThat(AccessLog.maskedPath("/integrated-account/" + token)).isEqualTo("/integrated-account/****");
    }
}
