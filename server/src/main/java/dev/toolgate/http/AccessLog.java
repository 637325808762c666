package dev.toolgate.http;

import io.javalin.http.Context;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** One line per request, with the secret part of MCP URLs replaced by {@code ****}. */
final class AccessLog {
    private static final Logger LOG = LoggerFactory.getLogger("toolgate.access");
    private static final Pattern MCP_TOKEN = Pattern.compile("^/mcp/[^/]+");

    private AccessLog() {}

    static void log(Context ctx, Float millis) {
        if (LOG.isDebugEnabled()) {
            LOG.debug("{} {} {} {}ms", ctx.method(), maskedPath(ctx.path()), ctx.statusCode(), Math.round(millis));
        }
    }

    static String maskedPath(String path) {
        return MCP_TOKEN.matcher(path).replaceFirst("/mcp/****");
    }
}
