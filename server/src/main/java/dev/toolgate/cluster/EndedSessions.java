package dev.toolgate.cluster;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import dev.toolgate.storage.ChangeNotice;
import dev.toolgate.support.ToolgateException;
import java.time.Duration;
import java.util.Objects;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Streamable HTTP session ids ended with {@code DELETE}, refused from then on. Ids are HMAC-signed and verified without
 * any lookup, so ending one is the only session state there is: a bounded set ({@value #MAX_IDS} ids, each kept a day)
 * on every node, filled locally and from the other nodes' {@link ChangeNotice.Kind#SESSION} notices.
 *
 * <p>Announcing is best effort: a notice lost to a database outage, or sent while another node's listener was
 * reconnecting, leaves the id usable on that node. A session id grants nothing by itself (every request is
 * authorized by its server URL token, and the second factor when required), so this is a protocol courtesy, not a
 * security boundary. Thread-safe.
 */
public final class EndedSessions {
    static final int MAX_IDS = 100_000;
    private static final Logger LOG = LoggerFactory.getLogger(EndedSessions.class);

    private final Cache<String, Boolean> ended = Caffeine.newBuilder()
            .maximumSize(MAX_IDS)
            .executor(Runnable::run) // upkeep on the caller: no hand-off to the common pool
            .expireAfterWrite(Duration.ofDays(1))
            .build();
    private final Consumer<ChangeNotice> announce;

    /** @param announce sends a notice to the other nodes (may throw when the database is unreachable) */
    public EndedSessions(Consumer<ChangeNotice> announce) {
        this.announce = Objects.requireNonNull(announce, "announce");
    }

    /** Ended sessions of this node alone (single node, tests). */
    public static EndedSessions local() {
        return new EndedSessions(notice -> {});
    }

    public boolean isEnded(String sessionId) {
        return ended.getIfPresent(sessionId) != null;
    }

    /** Ends the session here at once and tells the other nodes; a failure to tell them is logged, not thrown. */
    public void end(String sessionId) {
        ended.put(sessionId, Boolean.TRUE);
        try {
            announce.accept(ChangeNotice.session(sessionId));
        } catch (ToolgateException | IllegalArgumentException e) {
            LOG.warn("could not tell the other nodes that a session ended: {}", e.getMessage());
        }
    }

    /** Another node ended the session. */
    void endedElsewhere(String sessionId) {
        ended.put(sessionId, Boolean.TRUE);
    }
}
