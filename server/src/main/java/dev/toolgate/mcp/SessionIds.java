package dev.toolgate.mcp;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import dev.toolgate.cluster.EndedSessions;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Base64;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.function.UnaryOperator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Self-validating {@code Mcp-Session-Id}s: {@code s2.<nonce>.<protocol version>.<client>.<mac>}, where
 * {@code <client>} is the client's {@code clientInfo} (URL-safe base64, possibly empty, for the audit log) and the MAC
 * (HMAC under the server key) binds nonce, version and client to one MCP server. Any node holding the key can check an
 * id, so clients are not pinned to a node. Ids of the earlier form {@code s1.<nonce>.<version>.<mac>} (no client) are
 * still accepted. Ended sessions are remembered (and announced to the other nodes) so their ids answer 404.
 *
 * @see <a href="https://modelcontextprotocol.io/specification/2025-11-25/basic/transports#session-management">Session
 *     management</a>
 */
final class SessionIds {
    private static final Pattern V1 =
            Pattern.compile("s1\\.([A-Za-z0-9_-]{16})\\.(\\d{4}-\\d{2}-\\d{2})\\.([0-9a-f]{32})");
    private static final Pattern V2 = Pattern.compile(
            "s2\\.([A-Za-z0-9_-]{16})\\.(\\d{4}-\\d{2}-\\d{2})\\.([A-Za-z0-9_-]{0,200})\\.([0-9a-f]{32})");
    private static final SecureRandom RANDOM = new SecureRandom();

    /** How many verified ids are remembered; a client repeats its id on every request of its session. */
    private static final int VERIFIED_MAX = 10_000;

    private final UnaryOperator<String> mac;
    private final EndedSessions ended;
    /**
     * Ids already verified, per server: checking one costs a pattern match, an HMAC and a decode of the client. Only
     * valid ids are kept, and whether an id has ended is asked on every call, before this.
     */
    private final Cache<Verified, Optional<Session>> verified = Caffeine.newBuilder()
            .maximumSize(VERIFIED_MAX)
            .executor(Runnable::run) // upkeep on the caller: no hand-off to the common pool
            .expireAfterAccess(Duration.ofMinutes(30))
            .build();

    private record Verified(UUID serverId, String sessionId) {}

    /** A live session: the protocol version it negotiated and the client that opened it, if it said. */
    record Session(String protocolVersion, Optional<ClientInfo> client) {
        Session {
            Objects.requireNonNull(protocolVersion);
            Objects.requireNonNull(client);
        }
    }

    /**
     * @param mac keyed MAC of a string, as lowercase hex (at least 32 characters)
     * @param ended session ids ended so far, here and on the other nodes
     */
    SessionIds(UnaryOperator<String> mac, EndedSessions ended) {
        this.mac = mac;
        this.ended = ended;
    }

    String issue(UUID serverId, String protocolVersion, Optional<ClientInfo> client) {
        byte[] nonce = new byte[12];
        RANDOM.nextBytes(nonce);
        String n = Base64.getUrlEncoder().withoutPadding().encodeToString(nonce);
        String c = client.map(ClientInfo::encode).orElse("");
        return "s2." + n + "." + protocolVersion + "." + c + "." + sign(serverId, n, protocolVersion, c);
    }

    /** The session when {@code sessionId} is a live session of this server. */
    Optional<Session> verify(String sessionId, UUID serverId) {
        if (ended.isEnded(sessionId)) {
            return Optional.empty();
        }
        Verified key = new Verified(serverId, sessionId);
        Optional<Session> known = verified.getIfPresent(key);
        if (known != null) {
            return known;
        }
        Optional<Session> checked = check(sessionId, serverId);
        if (checked.isPresent()) {
            verified.put(key, checked);
        }
        return checked;
    }

    private Optional<Session> check(String sessionId, UUID serverId) {
        Matcher v2 = V2.matcher(sessionId);
        if (v2.matches()) {
            String expected = sign(serverId, v2.group(1), v2.group(2), v2.group(3));
            return sameMac(expected, v2.group(4))
                    ? Optional.of(new Session(v2.group(2), ClientInfo.decode(v2.group(3))))
                    : Optional.empty();
        }
        Matcher v1 = V1.matcher(sessionId);
        if (v1.matches() && sameMac(signV1(serverId, v1.group(1), v1.group(2)), v1.group(3))) {
            return Optional.of(new Session(v1.group(2), Optional.empty()));
        }
        return Optional.empty();
    }

    /** Ends a session; its id is refused from now on, on this node at once and on the others within moments. */
    void end(String sessionId) {
        ended.end(sessionId);
    }

    private static boolean sameMac(String expected, String actual) {
        return MessageDigest.isEqual(
                expected.getBytes(StandardCharsets.US_ASCII), actual.getBytes(StandardCharsets.US_ASCII));
    }

    private String sign(UUID serverId, String nonce, String version, String client) {
        return mac.apply("mcp-session-2|" + serverId + "|" + nonce + "|" + version + "|" + client)
                .substring(0, 32);
    }

    private String signV1(UUID serverId, String nonce, String version) {
        return mac.apply("mcp-session|" + serverId + "|" + nonce + "|" + version)
                .substring(0, 32);
    }
}
