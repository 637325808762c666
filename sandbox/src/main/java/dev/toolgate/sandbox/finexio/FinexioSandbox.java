package dev.toolgate.sandbox.finexio;

import dev.toolgate.sandbox.RecordedRequest;
import dev.toolgate.sandbox.Sandbox;
import dev.toolgate.sandbox.emulation.RequestLog;
import dev.toolgate.sandbox.emulation.SandboxJson;
import dev.toolgate.sandbox.emulation.SlidingWindowLimiter;
import io.javalin.Javalin;
import io.javalin.http.Context;
import java.net.URI;
import java.time.Clock;
import java.util.List;
import java.util.Map;

/**
 * Emulated Finexio v2 API on 127.0.0.1, seeded with {@link FinexioSeed}. Its {@link #baseUrl()} ends in {@code /v2}
 * like Finexio's. Every request is recorded first, then HTTP Basic is checked (403 {@code {"detail": ...}}), then the
 * optional rate limit answers 429 with DRF's throttle message and {@code Retry-After} (seconds) only: Finexio
 * documents no rate-limit headers. Webhook routes also answer without the {@code /v2} prefix, because Finexio's
 * document gives the webhook list a base-path override at the bare host. Thread-safe.
 */
public final class FinexioSandbox implements Sandbox {
    public static final String USERNAME = "toolgate-sandbox";
    public static final String PASSWORD = "fx_sandbox_secret_8d3b61c2";

    private final RequestLog log = new RequestLog();
    private final BasicAuth auth = new BasicAuth(USERNAME, PASSWORD);
    private final SlidingWindowLimiter limiter;
    private final Javalin app;

    private FinexioSandbox(int port, Clock clock) {
        FinexioStore store = new FinexioStore(clock);
        SeedData.into(store);
        this.limiter = new SlidingWindowLimiter(clock);
        this.app = Javalin.create(cfg -> {
            cfg.jetty.host = "127.0.0.1";
            cfg.startup.showJavalinBanner = false;
            cfg.concurrency.useVirtualThreads = true;
            cfg.routes.before(this::gate);
            cfg.routes.exception(FinexioError.class, FinexioSandbox::fail);
            Endpoints endpoints = new Endpoints(cfg.routes, store, Endpoints.BASE_PATH);
            DrawdownRoutes.register(endpoints);
            PaymentRoutes.register(endpoints);
            InvoiceRoutes.register(endpoints);
            CounterpartyRoutes.register(endpoints);
            WebhookRoutes.register(endpoints);
            WebhookRoutes.register(endpoints.under(""));
        });
        app.start(port);
    }

    /** Starts a sandbox on {@code port} (0 picks a free one). */
    public static FinexioSandbox start(int port) {
        return start(port, Clock.systemUTC());
    }

    /** Starts a sandbox whose dates and rate-limit windows follow {@code clock}. */
    public static FinexioSandbox start(int port, Clock clock) {
        return new FinexioSandbox(port, clock);
    }

    @Override
    public String name() {
        return "finexio";
    }

    @Override
    public URI baseUrl() {
        return URI.create("http://127.0.0.1:" + app.port() + Endpoints.BASE_PATH);
    }

    @Override
    public Map<String, String> credentials() {
        return Map.of("username", USERNAME, "password", PASSWORD);
    }

    @Override
    public List<RecordedRequest> requests() {
        return log.all();
    }

    @Override
    public void clearRequests() {
        log.clear();
    }

    @Override
    public void rateLimit(int limit, int windowSeconds) {
        limiter.configure(limit, windowSeconds);
    }

    @Override
    public void close() {
        app.stop();
    }

    private void gate(Context ctx) {
        log.record(ctx);
        auth.check(ctx.header("Authorization"));
        limiter.acquire().ifPresent(seconds -> {
            throw FinexioError.throttled(seconds);
        });
    }

    private static void fail(FinexioError error, Context ctx) {
        if (error.retryAfterSeconds() > 0) {
            ctx.header("Retry-After", Long.toString(error.retryAfterSeconds()));
        }
        ctx.status(error.status()).contentType("application/json").result(SandboxJson.write(error.body()));
    }
}
