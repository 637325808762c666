package dev.toolgate.upstream;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.OptionalLong;

/**
 * Upstream rate-limit state normalized to the IETF fields (draft-ietf-httpapi-ratelimit-headers):
 * {@code ratelimit-limit}, {@code ratelimit-remaining}, {@code ratelimit-reset} (seconds from now).
 */
public record RateLimit(OptionalLong limit, OptionalLong remaining, OptionalLong resetSeconds) {
    public static final RateLimit NONE =
            new RateLimit(OptionalLong.empty(), OptionalLong.empty(), OptionalLong.empty());

    public boolean isEmpty() {
        return limit.isEmpty() && remaining.isEmpty() && resetSeconds.isEmpty();
    }

    /** The IETF headers for the values present, lower-case names, in a stable order. */
    public Map<String, String> headers() {
        Map<String, String> headers = new LinkedHashMap<>();
        limit.ifPresent(v -> headers.put("ratelimit-limit", Long.toString(v)));
        remaining.ifPresent(v -> headers.put("ratelimit-remaining", Long.toString(v)));
        resetSeconds.ifPresent(v -> headers.put("ratelimit-reset", Long.toString(v)));
        return headers;
    }
}
