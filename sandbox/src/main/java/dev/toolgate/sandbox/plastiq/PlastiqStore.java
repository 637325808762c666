package dev.toolgate.sandbox.plastiq;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * All emulated Plastiq state. Handlers touch it only inside {@link #locked}, which makes each request one atomic step
 * (e.g. checking an intent is unused and capturing it). Objects are kept as JSON: payment methods in their masked wire
 * form, payers and recipients raw (with identity numbers and full account numbers) and masked when rendered.
 */
final class PlastiqStore {
    final Map<String, ObjectNode> payers = new LinkedHashMap<>();
    final Map<String, ObjectNode> paymentMethods = new LinkedHashMap<>();
    final Map<String, ObjectNode> recipients = new LinkedHashMap<>();
    final Map<String, ObjectNode> categories = new LinkedHashMap<>();
    final List<ObjectNode> billerGroups = new ArrayList<>();
    final Map<String, ObjectNode> intents = new LinkedHashMap<>();
    final Map<String, ObjectNode> payments = new LinkedHashMap<>();
    /** Owning payer of each payment method, payer-scoped recipient, intent and payment, by object id. */
    final Map<String, String> owners = new HashMap<>();

    final Map<String, IdempotentAnswer> idempotency = new HashMap<>();

    private final ReentrantLock lock = new ReentrantLock();
    private final Clock clock;

    PlastiqStore(Clock clock) {
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

    /** Now, to the millisecond as Plastiq's timestamps are. */
    Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MILLIS);
    }

    static String newId() {
        return UUID.randomUUID().toString();
    }

    ObjectNode payer(String id) {
        return Optional.ofNullable(payers.get(id)).orElseThrow(() -> PlastiqError.notFound("Payer", id));
    }

    /** True when {@code objectId} belongs to {@code payerId}. */
    boolean owns(String payerId, String objectId) {
        return payerId.equals(owners.get(objectId));
    }

    /** A biller (an entry of a group's {@code billers}) by id. */
    Optional<JsonNode> biller(String id) {
        return billerGroups.stream()
                .flatMap(group -> group.path("billers").valueStream())
                .filter(biller -> biller.path("id").asString("").equals(id))
                .findFirst();
    }

    /** A recipient usable by {@code payerId} (shared, or that payer's own) or a biller, by id. */
    Optional<JsonNode> payee(String payerId, String id) {
        ObjectNode recipient = recipients.get(id);
        if (recipient != null) {
            return !owners.containsKey(id) || owns(payerId, id) ? Optional.of(recipient) : Optional.empty();
        }
        return biller(id);
    }

    /** A stored answer to a POST /payments with an Idempotency-Key, for replays. */
    record IdempotentAnswer(String requestBody, Reply reply) {}
}
