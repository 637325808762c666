package dev.toolgate.servers;

import com.github.benmanes.caffeine.cache.Expiry;
import java.time.Duration;
import java.util.Optional;

/**
 * Lifetimes of resolved-token cache entries: a known token stays while it is used (idle expiry); an unknown token is
 * remembered only briefly, to absorb floods of bogus tokens without letting a miss linger.
 */
final class ResolutionExpiry implements Expiry<String, Optional<ResolvedServer>> {
    static final Duration IDLE = Duration.ofMinutes(10);
    static final Duration UNKNOWN = Duration.ofSeconds(1);

    @Override
    public long expireAfterCreate(String hash, Optional<ResolvedServer> value, long currentTime) {
        return (value.isPresent() ? IDLE : UNKNOWN).toNanos();
    }

    @Override
    public long expireAfterUpdate(String hash, Optional<ResolvedServer> value, long currentTime, long currentDuration) {
        return expireAfterCreate(hash, value, currentTime);
    }

    @Override
    public long expireAfterRead(String hash, Optional<ResolvedServer> value, long currentTime, long currentDuration) {
        return value.isPresent() ? IDLE.toNanos() : currentDuration;
    }
}
