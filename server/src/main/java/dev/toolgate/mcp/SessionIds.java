package dev.toolgate.mcp;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Base64;
import java.util.Optional;
import java.util.UUID;
import java.util.function.UnaryOperator;

/**
 * Self-validating {@code Mcp-Session-Id}s: {@code s1.<nonce>.<protocol version>.<mac>}, where the MAC (HMAC under the
 * server key) binds nonce and version to one MCP server. Any node holding the key can check an id, so clients are not
 * pinned to a node. Ended sessions are remembered in a bounded set so their ids answer 404.
 *
 * @see <a href="https://modelcontextprotocol.io/specification/2025-11-25/basic/transports#session-management">Session
 *     management</a>
 */
final class SessionIds {
    /** {@code s1.} + 16 URL-safe base64 characters + {@code .} + {@code yyyy-mm-dd} + {@code .} + 32 hex digits. */
    private static final int LENGTH = 3 + 16 + 1 + 10 + 1 + 32;

    private static final int NONCE = 3;
    private static final int VERSION = NONCE + 17;
    private static final int MAC = VERSION + 11;
    private static final SecureRandom RANDOM = new SecureRandom();

    private final UnaryOperator<String> mac;
    private final Cache<String, Boolean> ended = Caffeine.newBuilder()
            .maximumSize(100_000)
            .expireAfterWrite(Duration.ofDays(1))
            .build();

    /** @param mac keyed MAC of a string, as lowercase hex (at least 32 characters) */
    SessionIds(UnaryOperator<String> mac) {
        this.mac = mac;
    }

    String issue(UUID serverId, String protocolVersion) {
        byte[] nonce = new byte[12];
        RANDOM.nextBytes(nonce);
        String n = Base64.getUrlEncoder().withoutPadding().encodeToString(nonce);
        return "s1." + n + "." + protocolVersion + "." + sign(serverId, n, protocolVersion);
    }

    /** The session's protocol version when {@code sessionId} is a live session of this server. */
    Optional<String> verify(String sessionId, UUID serverId) {
        if (!wellFormed(sessionId) || ended.getIfPresent(sessionId) != null) {
            return Optional.empty();
        }
        String nonce = sessionId.substring(NONCE, VERSION - 1);
        String version = sessionId.substring(VERSION, MAC - 1);
        byte[] expected = sign(serverId, nonce, version).getBytes(StandardCharsets.US_ASCII);
        byte[] actual = sessionId.substring(MAC).getBytes(StandardCharsets.US_ASCII);
        return MessageDigest.isEqual(expected, actual) ? Optional.of(version) : Optional.empty();
    }

    /** The shape {@link #issue} produces, checked by hand: this runs on every request of a session. */
    static boolean wellFormed(String id) {
        if (id.length() != LENGTH
                || !id.startsWith("s1.")
                || id.charAt(VERSION - 1) != '.'
                || id.charAt(MAC - 1) != '.') {
            return false;
        }
        for (int i = NONCE; i < VERSION - 1; i++) {
            char c = id.charAt(i);
            if (!(c >= 'A' && c <= 'Z' || c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || c == '_' || c == '-')) {
                return false;
            }
        }
        for (int i = VERSION; i < MAC - 1; i++) {
            char c = id.charAt(i);
            boolean dash = i == VERSION + 4 || i == VERSION + 7;
            if (dash ? c != '-' : c < '0' || c > '9') {
                return false;
            }
        }
        for (int i = MAC; i < LENGTH; i++) {
            char c = id.charAt(i);
            if ((c < '0' || c > '9') && (c < 'a' || c > 'f')) {
                return false;
            }
        }
        return true;
    }

    /** Ends a session; its id is refused from now on. */
    void end(String sessionId) {
        ended.put(sessionId, Boolean.TRUE);
    }

    private String sign(UUID serverId, String nonce, String version) {
        return mac.apply("mcp-session|" + serverId + "|" + nonce + "|" + version)
                .substring(0, 32);
    }
}
