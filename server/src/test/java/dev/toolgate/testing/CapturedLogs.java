package dev.toolgate.testing;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.PatternLayout;
import ch.qos.logback.classic.encoder.JsonEncoder;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.AppenderBase;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.slf4j.LoggerFactory;

/**
 * Every log line written while open, rendered on the logging thread exactly as the server's two formats would write it:
 * the plain pattern (with MDC and full stack traces) and JSON lines. Toolgate's own loggers are turned up to TRACE
 * meanwhile; libraries keep the levels of the logging configuration (as in production). Close to detach.
 */
public final class CapturedLogs extends AppenderBase<ILoggingEvent> implements AutoCloseable {
    private static final List<String> OWN_LOGGERS = List.of("dev.toolgate", "toolgate");

    private final LoggerContext context = (LoggerContext) LoggerFactory.getILoggerFactory();
    private final List<String> lines = new CopyOnWriteArrayList<>();
    private final Map<String, Level> previous = new HashMap<>();
    private final PatternLayout plain = new PatternLayout();
    private final JsonEncoder json = new JsonEncoder();

    private CapturedLogs() {}

    public static CapturedLogs capture() {
        CapturedLogs logs = new CapturedLogs();
        logs.attach();
        return logs;
    }

    private void attach() {
        setContext(context);
        setName("captured");
        plain.setContext(context);
        plain.setPattern("%d %level [%thread] %logger %mdc - %msg%n%ex{full}");
        plain.start();
        json.setContext(context);
        json.start();
        start();
        for (String name : OWN_LOGGERS) {
            Logger logger = context.getLogger(name);
            previous.put(name, logger.getLevel());
            logger.setLevel(Level.TRACE);
        }
        context.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME).addAppender(this);
    }

    @Override
    protected void append(ILoggingEvent event) {
        lines.add(plain.doLayout(event));
        lines.add(new String(json.encode(event), StandardCharsets.UTF_8));
    }

    /** Every captured line, each event twice (plain, then JSON). */
    public List<String> lines() {
        return List.copyOf(lines);
    }

    @Override
    public void close() {
        context.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME).detachAppender(this);
        previous.forEach((name, level) -> context.getLogger(name).setLevel(level));
        stop();
    }
}
