package dev.toolgate.sandbox.stripe;

import java.util.OptionalLong;

/**
 * A fixed-window request limit, off until {@link #configure} switches it on. Thread-safe.
 */
final class RateLimiter {
    private int limit;
    private long windowMillis;
    private long windowStart;
    private int count;

    synchronized void configure(int limit, int windowSeconds) {
        this.limit = limit;
        this.windowMillis = Math.max(1, windowSeconds) * 1000L;
        this.windowStart = Long.MIN_VALUE;
        this.count = 0;
    }

    /** Counts one request at {@code nowMillis}; empty when admitted, else whole seconds until the window resets (>= 1). */
    synchronized OptionalLong admit(long nowMillis) {
        if (limit <= 0) {
            return OptionalLong.empty();
        }
        if (windowStart == Long.MIN_VALUE || nowMillis >= windowStart + windowMillis) {
            windowStart = nowMillis;
            count = 0;
        }
        if (++count <= limit) {
            return OptionalLong.empty();
        }
        long remaining = windowStart + windowMillis - nowMillis;
        return OptionalLong.of(Math.max(1, (remaining + 999) / 1000));
    }
}
