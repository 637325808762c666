package dev.toolgate.sandbox.stripe;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import tools.jackson.databind.node.ObjectNode;

/**
 * Every object of the sandbox by id, as the JSON Stripe would return. Not thread-safe on its own: the sandbox runs one
 * request at a time against it (see {@link StripeHttp}). Lists are newest first: {@code created} descending, then
 * insertion order descending, so objects created in the same second keep a stable order.
 */
final class Store {
    private static final String ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";

    private final Map<String, ObjectNode> byId = new HashMap<>();
    private final Map<String, Long> insertion = new HashMap<>();
    private final Random random = new Random(20230816L); // deterministic ids for reproducible runs
    private long sequence;

    final Comparator<ObjectNode> newestFirst = Comparator.comparingLong(
                    (ObjectNode o) -> o.path("created").asLong(0))
            .thenComparingLong(o -> insertion.getOrDefault(o.path("id").asString(), 0L))
            .reversed();

    /** Stores or replaces an object under its {@code id}. */
    ObjectNode put(ObjectNode object) {
        String id = object.path("id").asString();
        byId.put(id, object);
        insertion.putIfAbsent(id, ++sequence);
        return object;
    }

    void remove(String id) {
        byId.remove(id);
    }

    Optional<ObjectNode> find(String id) {
        return Optional.ofNullable(byId.get(id));
    }

    /** The object of this type addressed by the request path; 404 {@code resource_missing} otherwise. */
    ObjectNode get(String id, String type) {
        return get(id, type, null);
    }

    /** The object of this type named by parameter {@code param}; 400 {@code resource_missing} otherwise. */
    ObjectNode get(String id, String type, String param) {
        ObjectNode object = byId.get(id);
        if (object == null || !type.equals(object.path("object").asString())) {
            throw StripeException.noSuch(type, id, param);
        }
        return object;
    }

    /** Like {@link #get(String, String, String)}, but a deleted object counts as missing. */
    ObjectNode live(String id, String type, String param) {
        ObjectNode object = get(id, type, param);
        if (object.path("deleted").asBoolean(false)) {
            throw StripeException.noSuch(type, id, param);
        }
        return object;
    }

    /** Every live object of a type, newest first. */
    List<ObjectNode> all(String type) {
        List<ObjectNode> result = new ArrayList<>();
        for (ObjectNode object : byId.values()) {
            if (type.equals(object.path("object").asString())
                    && !object.path("deleted").asBoolean(false)) {
                result.add(object);
            }
        }
        result.sort(newestFirst);
        return result;
    }

    /** A fresh id in Stripe's shape: the prefix, an underscore and 14 letters or digits ({@code cus_N4bX...}). */
    String newId(String prefix) {
        StringBuilder id = new StringBuilder(prefix).append('_');
        for (int i = 0; i < 14; i++) {
            id.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
        }
        return byId.containsKey(id.toString()) ? newId(prefix) : id.toString();
    }
}
