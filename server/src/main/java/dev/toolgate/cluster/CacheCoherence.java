package dev.toolgate.cluster;

import dev.toolgate.accounts.ApiTokens;
import dev.toolgate.servers.McpServers;
import dev.toolgate.storage.ChangeNotices;
import dev.toolgate.storage.DatabaseSettings;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps this node's caches in step with the other nodes sharing its PostgreSQL database: listens for
 * {@link dev.toolgate.storage.ChangeNotice}s and drops the matching entries (resolved MCP servers by server id and by
 * account id, API token principals by token id, ended session ids), typically within milliseconds of the commit. While
 * the listener is disconnected the caches are bypassed. On the embedded database there are no other nodes and this
 * does nothing. Close it at shutdown.
 */
public final class CacheCoherence implements AutoCloseable {
    /** How long {@link #start} waits for the listener's first {@code LISTEN}. */
    static final Duration FIRST_LISTEN = Duration.ofSeconds(10);

    private static final Logger LOG = LoggerFactory.getLogger(CacheCoherence.class);

    /** The caches kept coherent. */
    public record Caches(McpServers servers, ApiTokens apiTokens, EndedSessions sessions) {
        public Caches {
            Objects.requireNonNull(servers, "servers");
            Objects.requireNonNull(apiTokens, "apiTokens");
            Objects.requireNonNull(sessions, "sessions");
        }
    }

    private final Optional<ChangeListener> listener;
    private final Optional<NoticeRouter> router;

    private CacheCoherence(Optional<ChangeListener> listener, Optional<NoticeRouter> router) {
        this.listener = listener;
        this.router = router;
    }

    /**
     * On PostgreSQL: suspends the caches, starts the listener and waits up to 10 s until it listens
     * (then the caches resume). If it cannot connect by then, the node runs with caches bypassed while the
     * listener keeps retrying. On H2: nothing.
     */
    public static CacheCoherence start(DatabaseSettings database, ChangeNotices notices, Caches caches) {
        return start(database, notices, caches, ChangeListener.Timing.DEFAULT);
    }

    static CacheCoherence start(
            DatabaseSettings database, ChangeNotices notices, Caches caches, ChangeListener.Timing timing) {
        if (!notices.enabled()) {
            return new CacheCoherence(Optional.empty(), Optional.empty());
        }
        NoticeRouter router = new NoticeRouter(caches.servers(), caches.apiTokens(), caches.sessions());
        router.interrupted(); // not listening yet: nothing cached may be trusted
        ChangeListener listener = new ChangeListener(database, router, timing);
        listener.start();
        awaitFirstListen(router);
        return new CacheCoherence(Optional.of(listener), Optional.of(router));
    }

    private static void awaitFirstListen(NoticeRouter router) {
        try {
            if (!router.firstListen().await(FIRST_LISTEN.toMillis(), TimeUnit.MILLISECONDS)) {
                LOG.warn(
                        "cache invalidation listener not connected after {} s; serving without caches until it is",
                        FIRST_LISTEN.toSeconds());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** True when this node hears every other node's changes (always on the embedded database). */
    public boolean isCoherent() {
        return router.map(NoticeRouter::isListening).orElse(true);
    }

    /** Notices received since start (0 on the embedded database). */
    public long noticesReceived() {
        return router.map(NoticeRouter::received).orElse(0L);
    }

    /** How often the listener has (re)started listening: 1 after a clean start, more after reconnections. */
    public long timesListening() {
        return router.map(NoticeRouter::listens).orElse(0L);
    }

    /** Backend process id of the listener's connection, 0 when not connected or on the embedded database. */
    int listenerBackendPid() {
        return listener.map(ChangeListener::backendPid).orElse(0);
    }

    @Override
    public void close() {
        listener.ifPresent(ChangeListener::close);
    }
}
