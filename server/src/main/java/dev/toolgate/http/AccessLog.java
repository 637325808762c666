package dev.toolgate.http;

import io.javalin.http.Context;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One line per request (logger {@code toolgate.access}, INFO; probes, scrapes and MCP POSTs answered below 400 at
 * DEBUG), with the secret part of MCP URLs replaced by
 * {@code ****}. Query strings are never logged (the legacy transport's session ids travel in them); the request id is
 * in the MDC.
 */
final class AccessLog {
    private static final Logger LOG = LoggerFactory.getLogger("toolgate.access");
    /** The segment after {@code /mcp/}, wherever it is and however it is cased. */
    private static final Pattern MCP_TOKEN = Pattern.compile("(?i)/mcp/[^/]+");
    /** Anything shaped like a token (or a hash of one) anywhere else, e.g. a token pasted into a wrong path. */
    private static final Pattern TOKEN_LIKE = Pattern.compile("[0-9a-fA-F]{32,}");

    private AccessLog() {}

    static void log(Context ctx, Float millis) {
        String path = ctx.path();
        // probes and scrapes arrive every few seconds: at DEBUG they do not drown the requests that matter
        boolean probe = path.equals("/health") || path.equals("/ready") || path.equals("/metrics");
        if (probe ? LOG.isDebugEnabled() : LOG.isInfoEnabled()) {
            log(probe, ctx.method().name(), maskedPath(path), ctx.statusCode(), millis);
        }
    }

    /**
     * The line of an MCP POST (the hot path). Answered below 400 it is at DEBUG: every such request is in the audit log
     * already (with its request id, outcome and latency), and a line per tool call costs the hot path a formatted,
     * flushed write; refusals (unknown token, wrong second factor, protocol errors) stay at INFO.
     */
    static void mcpPost(String maskedPath, int status, float millis) {
        boolean routine = status < 400;
        if (routine ? LOG.isDebugEnabled() : LOG.isInfoEnabled()) {
            log(routine, "POST", maskedPath, status, millis);
        }
    }

    private static void log(boolean debug, String method, String maskedPath, int status, float millis) {
        String line = "{} {} {} {}ms";
        Object[] args = {method, maskedPath, status, Math.round(millis)};
        if (debug) {
            LOG.debug(line, args);
        } else {
            LOG.info(line, args);
        }
    }

    static String maskedPath(String path) {
        String masked = MCP_TOKEN.matcher(path).replaceAll("/mcp/****");
        return TOKEN_LIKE.matcher(masked).replaceAll("****");
    }
}
