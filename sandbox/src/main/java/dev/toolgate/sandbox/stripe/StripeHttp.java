package dev.toolgate.sandbox.stripe;

import dev.toolgate.sandbox.RecordedRequest;
import io.javalin.http.Context;
import java.time.InstantSource;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalLong;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.LongConsumer;
import tools.jackson.databind.node.ObjectNode;

/**
 * The request pipeline: record, authenticate, rate-limit, route, decode parameters, replay idempotent POSTs, run the
 * route and render its answer or error in Stripe's shape. Routes run one at a time under a lock, so every state change
 * (a refund and its charge, an invoice and its payment) is atomic; recording and rate limiting happen outside it.
 */
final class StripeHttp {
    static final String API_VERSION = "2023-08-16";
    private static final String FORM = "application/x-www-form-urlencoded";

    private final ApiKeys keys;
    private final RateLimiter limiter;
    private final Router router;
    private final LongConsumer beforeRoute;
    private final InstantSource clock;
    private final RequestLog log = new RequestLog();
    private final IdempotencyCache idempotency = new IdempotencyCache();
    private final ReentrantLock lock = new ReentrantLock();

    /** @param beforeRoute runs before each route with the time in unix seconds (settles pending balance) */
    StripeHttp(ApiKeys keys, RateLimiter limiter, Router router, LongConsumer beforeRoute, InstantSource clock) {
        this.keys = keys;
        this.limiter = limiter;
        this.router = router;
        this.beforeRoute = beforeRoute;
        this.clock = clock;
    }

    RequestLog log() {
        return log;
    }

    void handle(Context ctx) {
        RecordedRequest request = log.record(ctx);
        String requestId = "req_" + randomSuffix();
        Reply reply = respond(request, requestId)
                .with("Request-Id", requestId)
                .with("Stripe-Version", header(request, "stripe-version", API_VERSION));
        ctx.status(reply.status());
        reply.headers().forEach(ctx::header);
        ctx.contentType("application/json");
        ctx.result(reply.body());
    }

    private Reply respond(RecordedRequest request, String requestId) {
        try {
            keys.check(request.header("authorization"));
            OptionalLong retryAfter = limiter.admit(clock.millis());
            if (retryAfter.isPresent()) {
                return rateLimited(retryAfter.getAsLong());
            }
            Router.Match match =
                    router.match(request.method(), request.path()).orElseThrow(() -> unrecognized(request));
            lock.lock();
            try {
                return run(request, match, requestId);
            } finally {
                lock.unlock();
            }
        } catch (StripeException e) {
            return error(e);
        } catch (RuntimeException e) {
            // A sandbox bug: answer like Stripe's api_error so the caller sees a 500, not a hang or an HTML page.
            StripeException bug = new StripeException(500, "api_error", null, "Sandbox error: " + e, null);
            return error(bug);
        }
    }

    private Reply run(RecordedRequest request, Router.Match match, String requestId) {
        Params params = params(request);
        String key = request.method().equals("POST") ? request.header("idempotency-key") : null;
        var fingerprint = new IdempotencyCache.Fingerprint(request.method(), request.path(), params.tree());
        if (key != null) {
            var saved = idempotency.replay(key, fingerprint);
            if (saved.isPresent()) {
                return saved.get()
                        .reply()
                        .with("Idempotent-Replayed", "true")
                        .with("Original-Request", saved.get().requestId())
                        .with("Idempotency-Key", key);
            }
        }
        long now = clock.instant().getEpochSecond();
        beforeRoute.accept(now);
        var body = match.route().handle(new Call(match.pathParams(), params, request.path(), now));
        Reply reply = new Reply(200, Map.of(), Nodes.write(body));
        if (key != null) {
            idempotency.save(key, new IdempotencyCache.Saved(fingerprint, reply, requestId));
            reply = reply.with("Idempotency-Key", key);
        }
        return reply;
    }

    private static Params params(RecordedRequest request) {
        ObjectNode params = FormDecoder.decode(request.query());
        if (request.method().equals("POST") && !request.body().isEmpty()) {
            String type = header(request, "content-type", "").toLowerCase(Locale.ROOT);
            if (!type.startsWith(FORM)) {
                throw StripeException.invalid(
                        "Invalid request (check that your POST content type is " + FORM + "; got '" + type + "').",
                        null);
            }
            params.setAll(FormDecoder.decode(request.body()));
        }
        return new Params(params);
    }

    private static Reply rateLimited(long retryAfterSeconds) {
        StripeException e = new StripeException(
                429,
                "invalid_request_error",
                "rate_limit",
                "Too many requests hit the API too quickly. Retry after a pause, with exponential backoff.",
                null);
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("Stripe-Rate-Limited-Reason", "global-rate");
        headers.put("Retry-After", Long.toString(retryAfterSeconds));
        return new Reply(429, headers, Nodes.write(e.body()));
    }

    private static Reply error(StripeException e) {
        Reply reply = new Reply(e.status(), Map.of(), Nodes.write(e.body()));
        return e.status() == 401 ? reply.with("WWW-Authenticate", "Bearer realm=\"Stripe\"") : reply;
    }

    private static StripeException unrecognized(RecordedRequest request) {
        return new StripeException(
                404,
                "invalid_request_error",
                null,
                "Unrecognized request URL (" + request.method() + ": " + request.path()
                        + "). Check the method and path against the Stripe API reference.",
                null);
    }

    private static String header(RecordedRequest request, String name, String fallback) {
        String value = request.header(name);
        return value == null || value.isBlank() ? fallback : value;
    }

    private static String randomSuffix() {
        String alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
        StringBuilder id = new StringBuilder();
        for (int i = 0; i < 14; i++) {
            id.append(alphabet.charAt(ThreadLocalRandom.current().nextInt(alphabet.length())));
        }
        return id.toString();
    }
}
