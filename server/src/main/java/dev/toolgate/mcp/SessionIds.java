package dev.toolgate.mcp;

import dev.toolgate.cluster.EndedSessions;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Optional;
import java.util.UUID;
import java.util.function.UnaryOperator;
import java.util.regex.Pattern;

/**
 * Self-validating {@code Mcp-Session-Id}s: {@code s1.<nonce>.<protocol version>.<mac>}, where the MAC (HMAC under the
 * server key) binds nonce and version to one MCP server. Any node holding the key can check an id, so clients are not
 * pinned to a node. Ended sessions are remembered in a bounded set so their ids answer 404.
 *
 * @see <a href="https://modelcontextprotocol.io/specification/2025-11-25/basic/transports#session-management">Session
 *     management</a>
 */
final class SessionIds {
    private static final Pattern FORMAT =
            Pattern.compile("s1\\.([A-Za-z0-9_-]{16})\\.(\\d{4}-\\d{2}-\\d{2})\\.([0-9a-f]{32})");
    private static final SecureRandom RANDOM = new SecureRandom();

    private final UnaryOperator<String> mac;
    private final EndedSessions ended;

    /**
     * @param mac keyed MAC of a string, as lowercase hex (at least 32 characters)
     * @param ended session ids ended so far, here and on the other nodes
     */
    SessionIds(UnaryOperator<String> mac, EndedSessions ended) {
        this.mac = mac;
        this.ended = ended;
    }

    String issue(UUID serverId, String protocolVersion) {
        byte[] nonce = new byte[12];
        RANDOM.nextBytes(nonce);
        String n = Base64.getUrlEncoder().withoutPadding().encodeToString(nonce);
        return "s1." + n + "." + protocolVersion + "." + sign(serverId, n, protocolVersion);
    }

    /** The session's protocol version when {@code sessionId} is a live session of this server. */
    Optional<String> verify(String sessionId, UUID serverId) {
        var m = FORMAT.matcher(sessionId);
        if (!m.matches() || ended.isEnded(sessionId)) {
            return Optional.empty();
        }
        byte[] expected = sign(serverId, m.group(1), m.group(2)).getBytes(StandardCharsets.US_ASCII);
        byte[] actual = m.group(3).getBytes(StandardCharsets.US_ASCII);
        return MessageDigest.isEqual(expected, actual) ? Optional.of(m.group(2)) : Optional.empty();
    }

    /** Ends a session; its id is refused from now on, on this node at once and on the others within moments. */
    void end(String sessionId) {
        ended.end(sessionId);
    }

    private String sign(UUID serverId, String nonce, String version) {
        return mac.apply("mcp-session|" + serverId + "|" + nonce + "|" + version)
                .substring(0, 32);
    }
}
