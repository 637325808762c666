package dev.toolgate.testing;

import java.io.InputStream;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.function.Supplier;

/**
 * What {@link TestPayUpstream} does with one upcoming request instead of (or before) handling it: wait {@code delay},
 * then either handle it normally ({@code canned} empty) or send the canned answer.
 */
record ScriptedReply(Duration delay, Optional<Canned> canned) {
    ScriptedReply {
        Objects.requireNonNull(delay);
        Objects.requireNonNull(canned);
    }

    /**
     * A fixed answer.
     *
     * @param length the {@code Content-Length} to announce; empty to stream the body without one (chunked)
     */
    record Canned(int status, Map<String, String> headers, Supplier<InputStream> body, OptionalLong length) {
        Canned {
            headers = Map.copyOf(headers);
            Objects.requireNonNull(body);
            Objects.requireNonNull(length);
        }
    }
}
