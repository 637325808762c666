package dev.toolgate.http;

import io.javalin.http.Context;
import io.javalin.router.Endpoint;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReferenceArray;

/**
 * {@code http_server_requests_seconds{method, route, status}}: every HTTP request by its route template (e.g.
 * {@code /mcp/{token}}, never the raw path, so no token reaches a label) and status. Requests no route matched share
 * the route {@code unmatched}. Timers are resolved once per (route, status), keyed by the matched endpoint object, so
 * recording allocates nothing. Thread-safe.
 */
final class HttpMetrics {
    static final String NAME = "http.server.requests";
    static final String UNMATCHED = "unmatched";
    private static final int MAX_STATUS = 600;

    private final MeterRegistry registry;
    /** Keys: the matched {@link Endpoint} (identity), or the method name for unmatched requests. */
    private final ConcurrentMap<Object, RouteTimers> routes = new ConcurrentHashMap<>();

    HttpMetrics(MeterRegistry registry) {
        this.registry = registry;
    }

    void record(Context ctx, float millis) {
        Endpoint endpoint = ctx.endpoints().matchedHttpEndpoint();
        if (endpoint != null) {
            record(endpoint, endpoint.method.name(), endpoint.path, ctx.statusCode(), millis);
        } else {
            record(ctx.method().name(), ctx.method().name(), UNMATCHED, ctx.statusCode(), millis);
        }
    }

    /**
     * Records a request served outside the framework's routing.
     *
     * @param key identifies the (method, route) pair; the same key must always come with the same pair
     */
    void record(Object key, String method, String route, int status, float millis) {
        RouteTimers timers = routes.get(key);
        if (timers == null) {
            timers = routes.computeIfAbsent(key, k -> new RouteTimers(method, route));
        }
        timers.timer(status).record((long) (millis * 1_000_000L), TimeUnit.NANOSECONDS);
    }

    /** The timers of one route, by status. */
    private final class RouteTimers {
        private final String method;
        private final String route;
        private final AtomicReferenceArray<Timer> byStatus = new AtomicReferenceArray<>(MAX_STATUS);

        RouteTimers(String method, String route) {
            this.method = method;
            this.route = route;
        }

        Timer timer(int status) {
            int index = status > 0 && status < MAX_STATUS ? status : 0;
            Timer timer = byStatus.get(index);
            if (timer == null) {
                timer = Timer.builder(NAME)
                        .description("HTTP requests by route template and status")
                        .tag("method", method)
                        .tag("route", route)
                        .tag("status", Integer.toString(status))
                        .register(registry);
                byStatus.set(index, timer);
            }
            return timer;
        }
    }
}
