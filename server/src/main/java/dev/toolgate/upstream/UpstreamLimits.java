package dev.toolgate.upstream;

import java.time.Duration;
import java.util.Objects;

/**
 * Bounds on every upstream call.
 *
 * @param connectTimeout TCP/TLS connect timeout
 * @param readTimeout time allowed for the whole response after the request is sent
 * @param maxResponseBytes larger response bodies are refused, not truncated
 */
public record UpstreamLimits(Duration connectTimeout, Duration readTimeout, long maxResponseBytes) {
    public static final UpstreamLimits DEFAULT =
            new UpstreamLimits(Duration.ofSeconds(5), Duration.ofSeconds(30), 5L * 1024 * 1024);

    public UpstreamLimits {
        Objects.requireNonNull(connectTimeout);
        Objects.requireNonNull(readTimeout);
        if (maxResponseBytes < 1) {
            throw new IllegalArgumentException("maxResponseBytes must be positive");
        }
    }
}
