package dev.toolgate.accounts;

import java.util.List;
import java.util.Objects;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Callbacks run after an account changes. Every listener runs even if one fails; the first failure is rethrown. */
final class AccountListeners {
    private static final Logger LOG = LoggerFactory.getLogger(AccountListeners.class);

    private final List<Consumer<UUID>> listeners = new CopyOnWriteArrayList<>();

    void add(Consumer<UUID> listener) {
        listeners.add(Objects.requireNonNull(listener, "listener"));
    }

    /**
     * Runs every listener. A failing listener is a bug that may leave a stale cache entry, so it is not swallowed:
     * the caller's request fails loudly after the others have run.
     */
    void accountChanged(UUID accountId) {
        RuntimeException first = null;
        for (Consumer<UUID> listener : listeners) {
            try {
                listener.accept(accountId);
            } catch (RuntimeException e) {
                LOG.error("account change listener failed for integrated account {}", accountId, e);
                first = first == null ? e : first;
            }
        }
        if (first != null) {
            throw first;
        }
    }
}
