package dev.toolgate.mcp;

import java.security.SecureRandom;
import java.time.Clock;
import java.util.HexFormat;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/** The HTTP+SSE sessions open on this node, bounded in number. Thread-safe. */
final class LegacySessions {
    private static final SecureRandom RANDOM = new SecureRandom();

    private final ConcurrentMap<String, LegacySession> open = new ConcurrentHashMap<>();
    private final int maxSessions;
    private final Clock clock;
    private volatile boolean shutDown;

    LegacySessions(int maxSessions, Clock clock) {
        this.maxSessions = maxSessions;
        this.clock = clock;
    }

    /** A new session, or empty when this node already holds its maximum of open streams or is shutting down. */
    Optional<LegacySession> open(UUID serverId, String token) {
        if (shutDown || open.size() >= maxSessions) {
            return Optional.empty();
        }
        byte[] id = new byte[16];
        RANDOM.nextBytes(id);
        LegacySession session = new LegacySession(HexFormat.of().formatHex(id), serverId, token, clock.instant());
        open.put(session.id(), session);
        if (shutDown) { // raced shutdown(): it may not have seen this session
            remove(session);
            return Optional.empty();
        }
        return Optional.of(session);
    }

    /** Closes every session (their streams end at once) and refuses new ones. */
    void shutdown() {
        shutDown = true;
        open.values().forEach(this::remove);
    }

    /** The open session with this id belonging to {@code serverId}. */
    Optional<LegacySession> find(String id, UUID serverId) {
        return Optional.ofNullable(id == null ? null : open.get(id))
                .filter(s -> s.serverId().equals(serverId) && !s.isClosed());
    }

    void remove(LegacySession session) {
        session.close();
        open.remove(session.id(), session);
    }

    int count() {
        return open.size();
    }
}
