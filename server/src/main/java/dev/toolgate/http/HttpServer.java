package dev.toolgate.http;

import dev.toolgate.admin.AdminApi;
import dev.toolgate.mcp.McpHttpEndpoint;
import dev.toolgate.web.WebUi;
import io.javalin.Javalin;
import io.javalin.router.EndpointNotFound;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The one HTTP listener: health, the admin API, the web dashboard and the MCP endpoint on Jetty with virtual threads. Access is logged
 * with MCP tokens masked, so secret URLs never reach a log.
 */
public final class HttpServer implements AutoCloseable {
    private final Javalin app;
    private final AtomicBoolean ready = new AtomicBoolean(false);

    /** The server's settings. */
    public record Settings(String host, int port, long maxRequestBytes) {}

    public HttpServer(Settings settings, AdminApi admin, McpHttpEndpoint mcp, WebUi web) {
        byte[] openApi = OpenApiDocument.json();
        this.app = Javalin.create(config -> {
            config.concurrency.useVirtualThreads = true;
            config.startup.showJavalinBanner = false;
            config.startup.showOldJavalinVersionWarning = false;
            config.jetty.host = settings.host();
            config.jetty.port = settings.port();
            config.http.maxRequestSize = settings.maxRequestBytes();
            config.http.defaultContentType = "application/json";
            config.requestLogger.http(AccessLog::log);
            config.routes.get("/health", ctx -> {
                ctx.status(ready.get() ? 200 : 503)
                        .result(ready.get() ? "{\"status\":\"ok\"}" : "{\"status\":\"starting\"}");
            });
            config.routes.get(
                    "/openapi.json", ctx -> ctx.contentType("application/json").result(openApi));
            admin.register(config.routes);
            web.register(config.routes);
            mcp.register(config.routes);
            config.routes.exception(
                    EndpointNotFound.class,
                    (e, ctx) -> ctx.status(404)
                            .contentType("application/json")
                            .result("{\"error\":{\"code\":\"not_found\",\"message\":\"no such endpoint: " + ctx.method()
                                    + " " + AccessLog.maskedPath(ctx.path()).replaceAll("[^A-Za-z0-9/_*.-]", "")
                                    + "\"}}"));
        });
    }

    /** Starts listening; {@code /health} answers 200 from here on. */
    public HttpServer start() {
        app.start();
        ready.set(true);
        return this;
    }

    public int port() {
        return app.port();
    }

    @Override
    public void close() {
        ready.set(false);
        app.stop();
    }
}
