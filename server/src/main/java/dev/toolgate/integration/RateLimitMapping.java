package dev.toolgate.integration;

import java.util.Objects;
import java.util.Optional;

/**
 * Which upstream response headers carry rate-limit information, to be normalized into the IETF {@code ratelimit-limit},
 * {@code ratelimit-remaining} and {@code ratelimit-reset} (seconds) headers. {@code Retry-After} and headers already
 * named the IETF way are always understood; this mapping adds vendor names.
 *
 * @param limitHeader header with the request quota
 * @param remainingHeader header with the requests left
 * @param resetHeader header with the reset time
 * @param resetUnit how {@code resetHeader} expresses time
 */
public record RateLimitMapping(
        Optional<String> limitHeader,
        Optional<String> remainingHeader,
        Optional<String> resetHeader,
        ResetUnit resetUnit) {

    public static final RateLimitMapping NONE =
            new RateLimitMapping(Optional.empty(), Optional.empty(), Optional.empty(), ResetUnit.SECONDS);

    public RateLimitMapping {
        Objects.requireNonNull(limitHeader);
        Objects.requireNonNull(remainingHeader);
        Objects.requireNonNull(resetHeader);
        Objects.requireNonNull(resetUnit);
    }

    /** How a reset header expresses time. */
    public enum ResetUnit {
        /** Seconds from now. */
        SECONDS,
        /** Milliseconds from now. */
        MILLISECONDS,
        /** Unix time in seconds. */
        EPOCH_SECONDS,
        /** Unix time in milliseconds. */
        EPOCH_MILLISECONDS,
        /** An HTTP date. */
        HTTP_DATE
    }
}
