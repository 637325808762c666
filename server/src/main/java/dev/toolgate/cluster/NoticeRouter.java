package dev.toolgate.cluster;

import dev.toolgate.accounts.ApiTokens;
import dev.toolgate.servers.McpServers;
import dev.toolgate.storage.ChangeNotice;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Turns what the listener hears into cache invalidations: notices that arrive together are applied in one pass per
 * cache; a payload this version does not understand drops everything, since it may concern any cached entry. While
 * the listener is interrupted the caches are suspended (every lookup goes to the database); when it listens again they
 * are emptied and resumed, because notices sent in between are lost.
 */
final class NoticeRouter implements ChangeListener.Subscriber {
    private static final Logger LOG = LoggerFactory.getLogger(NoticeRouter.class);

    private final McpServers servers;
    private final ApiTokens apiTokens;
    private final EndedSessions sessions;
    private final CountDownLatch firstListen = new CountDownLatch(1);
    private final AtomicLong received = new AtomicLong();
    private final AtomicLong listens = new AtomicLong();
    private volatile boolean listening;

    NoticeRouter(McpServers servers, ApiTokens apiTokens, EndedSessions sessions) {
        this.servers = servers;
        this.apiTokens = apiTokens;
        this.sessions = sessions;
    }

    @Override
    public void listening() {
        servers.resumeCaching();
        apiTokens.resumeCaching();
        listening = true;
        listens.incrementAndGet();
        firstListen.countDown();
        LOG.info("listening for cache invalidations on channel {}", ChangeNotice.CHANNEL);
    }

    @Override
    public void interrupted() {
        listening = false;
        servers.suspendCaching();
        apiTokens.suspendCaching();
    }

    @Override
    public void received(List<String> payloads) {
        Set<UUID> serverIds = new HashSet<>();
        Set<UUID> accountIds = new HashSet<>();
        Set<UUID> tokenIds = new HashSet<>();
        for (String payload : payloads) {
            Optional<ChangeNotice> notice = ChangeNotice.parse(payload);
            if (notice.isEmpty() || !route(notice.get(), serverIds, accountIds, tokenIds)) {
                LOG.warn("unknown cache notice '{}'; dropping every cached entry", payload);
                dropEverything();
                received.addAndGet(payloads.size());
                return;
            }
        }
        servers.invalidate(serverIds, accountIds);
        apiTokens.invalidate(tokenIds);
        received.addAndGet(payloads.size());
    }

    /** False when the notice's id is not what its kind requires. */
    private boolean route(ChangeNotice notice, Set<UUID> serverIds, Set<UUID> accountIds, Set<UUID> tokenIds) {
        try {
            switch (notice.kind()) {
                case SERVER -> serverIds.add(notice.uuid());
                case ACCOUNT -> accountIds.add(notice.uuid());
                case API_TOKEN -> tokenIds.add(notice.uuid());
                case SESSION -> sessions.endedElsewhere(notice.id());
            }
            return true;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    private void dropEverything() {
        servers.resumeCaching();
        apiTokens.resumeCaching();
    }

    boolean isListening() {
        return listening;
    }

    CountDownLatch firstListen() {
        return firstListen;
    }

    long received() {
        return received.get();
    }

    long listens() {
        return listens.get();
    }
}
