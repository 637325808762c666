package dev.toolgate.http;

import dev.toolgate.observability.Metrics;
import io.javalin.http.Context;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Optional;

/**
 * {@code GET /metrics} in the Prometheus text format. With {@code metrics.token} set, only requests carrying
 * {@code Authorization: Bearer <that token>} (compared in constant time) get it; without, only loopback clients do,
 * so a server bound to a public interface never publishes its metrics unasked.
 */
final class MetricsEndpoint {
    private final Metrics metrics;
    private final Optional<byte[]> token;

    MetricsEndpoint(Metrics metrics, Optional<String> token) {
        this.metrics = metrics;
        this.token = token.map(t -> t.getBytes(StandardCharsets.UTF_8));
    }

    void scrape(Context ctx) {
        if (token.isPresent() && !bearerMatches(ctx.header("Authorization"), token.get())) {
            ctx.header("WWW-Authenticate", "Bearer realm=\"toolgate-metrics\"");
            refuse(ctx, 401, "unauthorized", "send 'Authorization: Bearer <metrics token>'");
            return;
        }
        if (token.isEmpty() && !isLoopback(ctx.req().getRemoteAddr())) {
            refuse(
                    ctx,
                    403,
                    "forbidden",
                    "metrics are served to loopback clients only; set metrics.token (TOOLGATE_METRICS_TOKEN) to scrape"
                            + " from elsewhere");
            return;
        }
        ctx.contentType(Metrics.CONTENT_TYPE).result(metrics.scrape());
    }

    private static boolean bearerMatches(String authorization, byte[] expected) {
        if (authorization == null || !authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
            return false;
        }
        byte[] presented = authorization.substring(7).strip().getBytes(StandardCharsets.UTF_8);
        return MessageDigest.isEqual(presented, expected);
    }

    private static boolean isLoopback(String address) {
        try {
            return address != null && InetAddress.getByName(address).isLoopbackAddress(); // a literal: no lookup
        } catch (UnknownHostException e) {
            return false;
        }
    }

    private static void refuse(Context ctx, int status, String code, String message) {
        ctx.status(status)
                .contentType("application/json")
                .result("{\"error\":{\"code\":\"" + code + "\",\"message\":\"" + message + "\"}}");
    }
}
