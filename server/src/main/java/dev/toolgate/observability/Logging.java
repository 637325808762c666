package dev.toolgate.observability;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.encoder.JsonEncoder;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.Appender;
import ch.qos.logback.core.OutputStreamAppender;
import java.util.Iterator;
import org.slf4j.ILoggerFactory;
import org.slf4j.LoggerFactory;

/**
 * Switches the process's log output to JSON lines ({@code log_format=json}). The plain format is what
 * {@code logback.xml} sets up; JSON replaces the encoder of its console appender, keeping levels and targets. Lines
 * carry the request id in {@code mdc.request_id}.
 */
public final class Logging {
    private Logging() {}

    /** Makes every console appender of the root logger write one JSON object per line. Idempotent. */
    public static void useJson() {
        ILoggerFactory factory = LoggerFactory.getILoggerFactory();
        if (!(factory instanceof LoggerContext context)) {
            return; // not Logback (cannot happen in the jar; the enforcer allows one binding)
        }
        Logger root = context.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
        for (Iterator<Appender<ILoggingEvent>> it = root.iteratorForAppenders(); it.hasNext(); ) {
            if (it.next() instanceof OutputStreamAppender<ILoggingEvent> appender
                    && !(appender.getEncoder() instanceof JsonEncoder)) {
                appender.stop();
                appender.setEncoder(jsonEncoder(context));
                appender.start();
            }
        }
    }

    /** Time, level, thread, logger, MDC, the formatted message and any throwable; no raw arguments. */
    static JsonEncoder jsonEncoder(LoggerContext context) {
        JsonEncoder encoder = new JsonEncoder();
        encoder.setContext(context);
        encoder.setWithSequenceNumber(false);
        encoder.setWithNanoseconds(false);
        encoder.setWithContext(false);
        encoder.setWithMessage(false);
        encoder.setWithArguments(false);
        encoder.setWithFormattedMessage(true);
        encoder.start();
        return encoder;
    }
}
