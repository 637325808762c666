package dev.toolgate.web;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import dev.toolgate.accounts.ApiPrincipal;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Optional;

/**
 * Dashboard sessions, in this node's memory: a random id (the cookie) maps to the session. Idle sessions end after 8
 * hours; signing out ends one at once. Several nodes need sticky routing for {@code /ui} (or users sign in again).
 */
final class UiSessions {
    private static final SecureRandom RANDOM = new SecureRandom();

    private final Cache<String, UiSession> sessions = Caffeine.newBuilder()
            .maximumSize(10_000)
            .expireAfterAccess(Duration.ofHours(8))
            .build();

    UiSession start(ApiPrincipal principal, String apiToken) {
        UiSession session = new UiSession(random(), principal, apiToken, random());
        sessions.put(session.id(), session);
        return session;
    }

    Optional<UiSession> find(String id) {
        return id == null || id.isBlank() ? Optional.empty() : Optional.ofNullable(sessions.getIfPresent(id));
    }

    void end(String id) {
        sessions.invalidate(id);
    }

    private static String random() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return HexFormat.of().formatHex(bytes);
    }
}
