package dev.toolgate.http;

import dev.toolgate.admin.AdminApi;
import dev.toolgate.mcp.McpHttpEndpoint;
import dev.toolgate.observability.Metrics;
import dev.toolgate.observability.RequestIds;
import dev.toolgate.support.Json;
import dev.toolgate.web.WebUi;
import io.javalin.Javalin;
import io.javalin.config.JavalinConfig;
import io.javalin.http.Context;
import io.javalin.router.EndpointNotFound;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;
import org.eclipse.jetty.server.handler.GracefulHandler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

/**
 * The one HTTP listener on Jetty with virtual threads: {@code /health}, {@code /ready}, {@code /metrics}, the admin API,
 * the web dashboard and the MCP endpoint. Every request gets a request id (echoed as {@code X-Request-Id}, in the MDC of its log lines),
 * is counted by route template and status, and is access-logged with MCP tokens masked, so secret URLs never reach a
 * log or a metric. Stopping is graceful: new connections are refused, requests in flight get up to the shutdown
 * timeout to finish.
 */
public final class HttpServer implements AutoCloseable {
    /** How long {@code /ready} waits for the database before answering 503. */
    static final Duration READY_DEADLINE = Duration.ofSeconds(2);

    private static final Logger LOG = LoggerFactory.getLogger(HttpServer.class);

    private final Javalin app;
    private final McpHttpEndpoint mcp;
    private final Readiness readiness;
    private final long timeoutSeconds;

    /**
     * The server's settings.
     *
     * @param shutdownTimeout how long {@link #close()} lets requests in flight finish
     * @param metricsToken bearer secret {@code /metrics} requires; empty: loopback clients only
     */
    public record Settings(
            String host, int port, long maxRequestBytes, Duration shutdownTimeout, Optional<String> metricsToken) {
        public Settings {
            Objects.requireNonNull(host);
            Objects.requireNonNull(shutdownTimeout);
            Objects.requireNonNull(metricsToken);
        }
    }

    /**
     * What the listener serves.
     *
     * @param databaseProblem why the database cannot serve now, or empty (for {@code /ready}; may block)
     */
    public record Routes(
            AdminApi admin,
            WebUi web,
            McpHttpEndpoint mcp,
            Metrics metrics,
            Supplier<Optional<String>> databaseProblem) {
        public Routes {
            Objects.requireNonNull(admin);
            Objects.requireNonNull(web);
            Objects.requireNonNull(mcp);
            Objects.requireNonNull(metrics);
            Objects.requireNonNull(databaseProblem);
        }
    }

    public HttpServer(Settings settings, Routes routes) {
        this.mcp = routes.mcp();
        this.timeoutSeconds = settings.shutdownTimeout().toSeconds();
        this.readiness = new Readiness(routes.databaseProblem(), READY_DEADLINE);
        HttpMetrics httpMetrics = new HttpMetrics(routes.metrics().registry());
        MetricsEndpoint metrics = new MetricsEndpoint(routes.metrics(), settings.metricsToken());
        byte[] openApi = OpenApiDocument.json();
        McpPostHandler mcpPost = new McpPostHandler(routes.mcp(), httpMetrics);
        this.app = Javalin.create(config -> {
            configureJetty(config, settings, mcpPost);
            config.requestLogger.http((ctx, millis) -> finish(ctx, millis, httpMetrics));
            config.routes.before(HttpServer::begin);
            config.routes.get("/health", ctx -> ctx.result("{\"status\":\"ok\"}"));
            config.routes.get("/ready", this::ready);
            config.routes.get("/metrics", metrics::scrape);
            config.routes.get(
                    "/openapi.json", ctx -> ctx.contentType("application/json").result(openApi));
            routes.admin().register(config.routes);
            routes.web().register(config.routes);
            routes.mcp().register(config.routes);
            config.routes.exception(EndpointNotFound.class, (e, ctx) -> notFound(ctx));
        });
    }

    private static void configureJetty(JavalinConfig config, Settings settings, McpPostHandler mcpPost) {
        config.concurrency.useVirtualThreads = true;
        config.startup.showJavalinBanner = false;
        config.startup.showOldJavalinVersionWarning = false;
        config.jetty.host = settings.host();
        config.jetty.port = settings.port();
        config.http.maxRequestSize = settings.maxRequestBytes();
        config.http.defaultContentType = "application/json";
        config.jetty.modifyServer(server -> {
            // Javalin puts its servlet context inside the innermost of these handlers. The graceful one, on stop,
            // answers new requests 503 and waits (up to the stop timeout) for those in flight, while the connectors
            // stop accepting connections; the MCP one answers the hot POST before the servlet layer, its large answers
            // gzipped for clients that accept it
            server.setHandler(new GracefulHandler(McpCompression.around(mcpPost)));
            server.setStopTimeout(settings.shutdownTimeout().toMillis());
        });
    }

    /** Assigns the request id: response header and MDC, for every line logged while serving the request. */
    private static void begin(Context ctx) {
        String id = RequestIds.accept(ctx.header(RequestIds.HEADER));
        MDC.put(RequestIds.MDC_KEY, id);
        ctx.header(RequestIds.HEADER, id);
    }

    /** After the response: access log and metrics, then the MDC is cleared. */
    private static void finish(Context ctx, Float millis, HttpMetrics httpMetrics) {
        try {
            AccessLog.log(ctx, millis);
            httpMetrics.record(ctx, millis);
        } finally {
            MDC.remove(RequestIds.MDC_KEY);
        }
    }

    private void ready(Context ctx) {
        Optional<String> problem = readiness.problem();
        if (problem.isEmpty()) {
            ctx.result("{\"status\":\"ready\"}");
            return;
        }
        var body = Json.object();
        body.put("status", "unavailable");
        body.put("reason", problem.get());
        ctx.status(503).contentType("application/json").result(Json.writeBytes(body));
    }

    private static void notFound(Context ctx) {
        ctx.status(404)
                .contentType("application/json")
                .result("{\"error\":{\"code\":\"not_found\",\"message\":\"no such endpoint: " + ctx.method() + " "
                        + AccessLog.maskedPath(ctx.path()).replaceAll("[^A-Za-z0-9/_*.-]", "") + "\"}}");
    }

    /** Starts listening; {@code /ready} answers 200 from here on (while the database does). */
    public HttpServer start() {
        app.start();
        readiness.started();
        return this;
    }

    public int port() {
        return app.port();
    }

    /**
     * Stops gracefully: {@code /ready} turns 503, open HTTP+SSE streams end, the listener stops accepting connections,
     * and requests in flight get up to the shutdown timeout to finish. Returns when the listener has stopped.
     */
    @Override
    public void close() {
        readiness.stopping();
        mcp.shutdown();
        try {
            app.stop();
        } catch (RuntimeException e) {
            // Jetty finishes stopping and then reports that the grace period ran out: requests were cut off
            if (rootCause(e) instanceof TimeoutException) {
                LOG.warn("stopped with requests still in flight after the {} s shutdown timeout", timeoutSeconds);
            } else {
                LOG.warn("the HTTP listener did not stop cleanly", e);
            }
        }
    }

    private static Throwable rootCause(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root;
    }
}
