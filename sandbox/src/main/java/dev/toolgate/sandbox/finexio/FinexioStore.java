package dev.toolgate.sandbox.finexio;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;
import tools.jackson.databind.node.ObjectNode;

/**
 * All emulated Finexio state, kept in wire form. Handlers touch it only inside {@link #locked}, so a batch of invoices
 * is validated and created as one atomic step. Webhook passwords sit apart from the webhooks so no answer can leak
 * them.
 */
final class FinexioStore {
    final Map<String, ObjectNode> counterparties = new LinkedHashMap<>();
    final Map<String, ObjectNode> drawdowns = new LinkedHashMap<>();
    final Map<String, ObjectNode> payments = new LinkedHashMap<>();
    final Map<String, ObjectNode> invoices = new LinkedHashMap<>();
    /** Check images of each payment: {@code {check_image_url, type: Issued|Deposited}}. */
    final Map<String, List<ObjectNode>> checkImages = new HashMap<>();
    /** Counterparty history, newest first. */
    final List<ObjectNode> history = new ArrayList<>();

    final Map<String, ObjectNode> webhooks = new LinkedHashMap<>();
    final Map<String, String> webhookPasswords = new HashMap<>();

    private final ReentrantLock lock = new ReentrantLock();
    private final Clock clock;

    FinexioStore(Clock clock) {
        this.clock = clock;
    }

    <T> T locked(Supplier<T> work) {
        lock.lock();
        try {
            return work.get();
        } finally {
            lock.unlock();
        }
    }

    Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }

    ObjectNode counterparty(String path, String id) {
        ObjectNode counterparty = counterparties.get(id);
        if (counterparty == null) {
            throw FinexioError.notFound(path, "No counterparty with id " + id + ".");
        }
        return counterparty;
    }

    boolean isOfType(String id, String type) {
        ObjectNode counterparty = counterparties.get(id);
        return counterparty != null && type.equals(counterparty.path("type").asString());
    }
}
