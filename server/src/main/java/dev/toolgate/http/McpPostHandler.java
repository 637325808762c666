package dev.toolgate.http;

import dev.toolgate.mcp.McpHttpEndpoint;
import dev.toolgate.observability.RequestIds;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;
import org.slf4j.MDC;

/**
 * The hot path: {@code POST /mcp/{token}} answered straight on Jetty's core API, without the servlet layer, the web
 * framework's routing, sessions and output wrappers (together about a third of the CPU of a {@code tools/call}). It
 * does what the framework does for every other request: a request id (header and log MDC), the access-log line with
 * the token masked (at DEBUG when answered below 400: see {@link AccessLog#mcpPost}), and the request metric under the
 * route template. Anything else (other methods and paths, and other spellings of this one such as a trailing slash)
 * goes on to the framework, which has the same endpoint.
 */
final class McpPostHandler extends Handler.Wrapper {
    static final String ROUTE = "/mcp/{token}";
    private static final String PREFIX = "/mcp/";
    private static final String MASKED = "/mcp/****";

    private final McpHttpEndpoint mcp;
    private final HttpMetrics metrics;

    McpPostHandler(McpHttpEndpoint mcp, HttpMetrics metrics) {
        this.mcp = mcp;
        this.metrics = metrics;
    }

    @Override
    public boolean handle(Request request, Response response, Callback callback) throws Exception {
        String token = "POST".equals(request.getMethod())
                ? tokenOf(request.getHttpURI().getPath())
                : null;
        if (token == null) {
            return super.handle(request, response, callback);
        }
        long started = System.nanoTime();
        String id = RequestIds.accept(request.getHeaders().get(RequestIds.HEADER));
        MDC.put(RequestIds.MDC_KEY, id);
        try {
            response.getHeaders().put(RequestIds.HEADER, id);
            JettyCall call = new JettyCall(request, response, token);
            mcp.servePost(call);
            call.send(callback);
            float millis = (System.nanoTime() - started) / 1_000_000f;
            AccessLog.mcpPost(MASKED, call.status(), millis);
            metrics.record(ROUTE, "POST", ROUTE, call.status(), millis);
        } finally {
            MDC.remove(RequestIds.MDC_KEY);
        }
        return true;
    }

    /** The token of {@code /mcp/<token>} exactly (one non-empty segment); null for any other path. */
    static String tokenOf(String path) {
        if (path == null || !path.startsWith(PREFIX) || path.length() == PREFIX.length()) {
            return null;
        }
        return path.indexOf('/', PREFIX.length()) < 0 ? path.substring(PREFIX.length()) : null;
    }
}
