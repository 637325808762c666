package dev.toolgate.sandbox.plastiq;

import dev.toolgate.sandbox.RecordedRequest;
import dev.toolgate.sandbox.Sandbox;
import dev.toolgate.sandbox.emulation.RequestLog;
import dev.toolgate.sandbox.emulation.SlidingWindowLimiter;
import io.javalin.Javalin;
import io.javalin.http.Context;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Emulated Plastiq Connect on 127.0.0.1, seeded with {@link PlastiqSeed}. Its {@link #baseUrl()} ends in {@code /api}
 * like Plastiq's, so an account's base-URL override is the only change. Every request is recorded first, then gets a
 * {@code Trace-Id} (the caller's UUID echoed, else a new one), then the {@code API-Key} header is checked (401
 * AUTHORIZATION_ERROR), then the optional rate limit (429 TOO_MANY_REQUESTS). Plastiq documents no rate-limit headers
 * at all, so a 429 carries only {@code Retry-After} (seconds). Thread-safe.
 */
public final class PlastiqSandbox implements Sandbox {
    /** The only API key a sandbox accepts. */
    public static final String API_KEY = "pq_sandbox_toolgate_4f9d2c7a1e6b";

    private final RequestLog log = new RequestLog();
    private final SlidingWindowLimiter limiter;
    private final Javalin app;

    private PlastiqSandbox(int port, Clock clock) {
        PlastiqStore store = new PlastiqStore(clock);
        SeedData.into(store);
        this.limiter = new SlidingWindowLimiter(clock);
        this.app = Javalin.create(cfg -> {
            cfg.jetty.host = "127.0.0.1";
            cfg.startup.showJavalinBanner = false;
            cfg.concurrency.useVirtualThreads = true;
            cfg.routes.before(this::gate);
            cfg.routes.exception(PlastiqError.class, PlastiqSandbox::fail);
            Endpoints endpoints = new Endpoints(cfg.routes, store);
            PayerRoutes.register(endpoints);
            PaymentMethods.register(endpoints);
            RecipientRoutes.register(endpoints);
            BillerNetwork.register(endpoints);
            IntentRoutes.register(endpoints);
            PaymentRoutes.register(endpoints);
            DocumentRoutes.register(endpoints);
        });
        app.start(port);
    }

    /** Starts a sandbox on {@code port} (0 picks a free one). */
    public static PlastiqSandbox start(int port) {
        return start(port, Clock.systemUTC());
    }

    /** Starts a sandbox whose intents expire, and whose rate limit counts, by {@code clock}. */
    public static PlastiqSandbox start(int port, Clock clock) {
        return new PlastiqSandbox(port, clock);
    }

    @Override
    public String name() {
        return "plastiq";
    }

    @Override
    public URI baseUrl() {
        return URI.create("http://127.0.0.1:" + app.port() + Endpoints.BASE_PATH);
    }

    @Override
    public Map<String, String> credentials() {
        return Map.of("api_key", API_KEY);
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
        String traceId = traceId(ctx.header("Trace-Id"));
        ctx.attribute(Reply.TRACE_ID, traceId);
        ctx.header("Trace-Id", traceId);
        if (!keyMatches(ctx.header("API-Key"))) {
            throw PlastiqError.unauthorized();
        }
        limiter.acquire().ifPresent(seconds -> {
            throw PlastiqError.tooManyRequests(seconds);
        });
    }

    private static void fail(PlastiqError error, Context ctx) {
        if (error.retryAfterSeconds() > 0) {
            ctx.header("Retry-After", Long.toString(error.retryAfterSeconds()));
        }
        Reply.of(error, ctx.attribute(Reply.TRACE_ID)).send(ctx);
    }

    private static boolean keyMatches(String given) {
        return given != null
                && MessageDigest.isEqual(
                        given.getBytes(StandardCharsets.UTF_8), API_KEY.getBytes(StandardCharsets.UTF_8));
    }

    /** The caller's trace id when it is a UUID, else a fresh one, as Plastiq does. */
    private static String traceId(String given) {
        try {
            return given != null && UUID.fromString(given).toString().equalsIgnoreCase(given)
                    ? given
                    : UUID.randomUUID().toString();
        } catch (IllegalArgumentException e) {
            return UUID.randomUUID().toString();
        }
    }
}
