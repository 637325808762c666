package dev.toolgate.sandbox.emulation;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.OptionalLong;

/**
 * Admits at most {@code limit} requests in any window of {@code windowSeconds}; refused requests do not count, as
 * with Django REST Framework's throttles. Off until {@link #configure} is called with a positive limit. Thread-safe.
 */
public final class SlidingWindowLimiter {
    private final Clock clock;
    private final Deque<Instant> admitted = new ArrayDeque<>();
    private int limit;
    private Duration window = Duration.ZERO;

    public SlidingWindowLimiter(Clock clock) {
        this.clock = clock;
    }

    /** {@code limit <= 0} switches limiting off; either way, the requests counted so far are forgotten. */
    public synchronized void configure(int limit, int windowSeconds) {
        this.limit = limit;
        this.window = Duration.ofSeconds(Math.max(1, windowSeconds));
        admitted.clear();
    }

    /**
     * Counts one request, or refuses it.
     *
     * @return empty when admitted; otherwise the whole seconds (at least 1) until a request would be admitted again
     */
    public synchronized OptionalLong acquire() {
        if (limit <= 0) {
            return OptionalLong.empty();
        }
        Instant now = clock.instant();
        while (!admitted.isEmpty() && !admitted.peekFirst().plus(window).isAfter(now)) {
            admitted.removeFirst();
        }
        if (admitted.size() < limit) {
            admitted.addLast(now);
            return OptionalLong.empty();
        }
        Duration wait = Duration.between(now, admitted.peekFirst().plus(window));
        long seconds = wait.toSeconds() + (wait.toNanosPart() > 0 ? 1 : 0);
        return OptionalLong.of(Math.max(1, seconds));
    }
}
