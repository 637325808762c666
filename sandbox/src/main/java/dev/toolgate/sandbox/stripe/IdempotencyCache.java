package dev.toolgate.sandbox.stripe;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import tools.jackson.databind.node.ObjectNode;

/**
 * Saved results of POSTs sent with an {@code Idempotency-Key}: the same key with the same method, path and parameters
 * replays the first answer; with anything else it is a 400 {@code idempotency_error}. Only successful results are saved
 * (Stripe also saves errors raised after an endpoint started executing; validation failures it does not save either).
 * Keeps the most recent 10,000 keys. Not thread-safe: used under the sandbox's request lock.
 */
final class IdempotencyCache {
    private static final int MAX_KEYS = 10_000;
    private static final int MAX_KEY_LENGTH = 255;

    /** What identifies "the same request". Parameter trees compare regardless of order. */
    record Fingerprint(String method, String path, ObjectNode params) {}

    /** A saved answer and the id of the request that produced it. */
    record Saved(Fingerprint fingerprint, Reply reply, String requestId) {}

    private final Map<String, Saved> byKey = new LinkedHashMap<>(16, 0.75f, true) {
        private static final long serialVersionUID = 1L;

        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Saved> eldest) {
            return size() > MAX_KEYS;
        }
    };

    /** The saved answer for this key, if any; throws when the key was used for a different request. */
    Optional<Saved> replay(String key, Fingerprint fingerprint) {
        if (key.length() > MAX_KEY_LENGTH) {
            throw StripeException.invalid(
                    "Idempotency-Key is too long: at most " + MAX_KEY_LENGTH + " characters are allowed.", null);
        }
        Saved saved = byKey.get(key);
        if (saved != null && !saved.fingerprint().equals(fingerprint)) {
            throw new StripeException(
                    400,
                    "idempotency_error",
                    null,
                    "Keys for idempotent requests can only be used"
                            + " with the same parameters they were first used with. Try using a key other than '" + key
                            + "' if you meant to execute a different request.",
                    null);
        }
        return Optional.ofNullable(saved);
    }

    void save(String key, Saved saved) {
        byKey.put(key, saved);
    }
}
