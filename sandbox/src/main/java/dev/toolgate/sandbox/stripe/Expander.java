package dev.toolgate.sandbox.stripe;

import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.NullNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * {@code expand[]}: replaces id fields with the objects they name, along dotted paths of up to four levels
 * ({@code latest_charge.customer}); on lists and search results every path starts with {@code data.}. Two fields are
 * lists Stripe leaves out unless expanded: a customer's {@code subscriptions} and a charge's {@code refunds}.
 */
final class Expander {
    private static final int MAX_DEPTH = 4;
    private static final Map<String, Set<String>> EXPANDABLE = Map.of(
            "charge", Set.of("customer", "payment_intent", "invoice", "balance_transaction", "refunds"),
            "payment_intent", Set.of("customer", "latest_charge", "invoice"),
            "refund", Set.of("charge", "payment_intent", "balance_transaction"),
            "dispute", Set.of("charge", "payment_intent"),
            "invoice", Set.of("customer", "subscription", "charge", "payment_intent"),
            "subscription", Set.of("customer", "latest_invoice"),
            "customer", Set.of("subscriptions"),
            "balance_transaction", Set.of("source"));

    private final Store store;

    Expander(Store store) {
        this.store = store;
    }

    /** A copy of one object with the paths expanded. */
    ObjectNode expandObject(ObjectNode object, List<String> paths) {
        ObjectNode copy = object.deepCopy();
        for (String path : sorted(paths)) {
            String[] parts = split(path);
            expand(copy, parts, 0, path);
        }
        return copy;
    }

    /** Expands a list or search result in place; each path must start with {@code data.}. */
    ObjectNode expandList(ObjectNode list, List<String> paths) {
        for (String path : sorted(paths)) {
            String[] parts = split(path);
            if (parts.length < 2 || !parts[0].equals("data")) {
                throw cannotExpand(path);
            }
            for (JsonNode item : list.path("data")) {
                expand((ObjectNode) item, parts, 1, path);
            }
        }
        return list;
    }

    private void expand(ObjectNode node, String[] parts, int index, String path) {
        String field = parts[index];
        String type = node.path("object").asString();
        if (!EXPANDABLE.getOrDefault(type, Set.of()).contains(field)) {
            throw cannotExpand(path);
        }
        JsonNode value = node.get(field);
        if (value == null || value.isNull() || value.isString()) {
            node.set(field, resolve(node, field, value));
        }
        JsonNode expanded = node.get(field);
        if (index + 1 < parts.length && expanded instanceof ObjectNode child) {
            expand(child, parts, index + 1, path);
        }
    }

    private JsonNode resolve(ObjectNode owner, String field, JsonNode value) {
        String id = owner.path("id").asString();
        if (field.equals("subscriptions") && owner.path("object").asString().equals("customer")) {
            return related("subscription", "customer", id, "/v1/customers/" + id + "/subscriptions");
        }
        if (field.equals("refunds") && owner.path("object").asString().equals("charge")) {
            return related("refund", "charge", id, "/v1/charges/" + id + "/refunds");
        }
        if (value == null || value.isNull()) {
            return value == null ? NullNode.getInstance() : value;
        }
        return store.find(value.asString()).map(o -> (JsonNode) o.deepCopy()).orElse(value);
    }

    private ObjectNode related(String type, String field, String id, String url) {
        ArrayNode data = Nodes.array();
        store.all(type).stream()
                .filter(o -> id.equals(Nodes.text(o, field)))
                .filter(o -> !"canceled".equals(Nodes.text(o, "status")) || !type.equals("subscription"))
                .forEach(o -> data.add(o.deepCopy()));
        return Nodes.list(data, false, url);
    }

    private static String[] split(String path) {
        String[] parts = path.split("\\.", -1);
        if (parts.length > MAX_DEPTH + (parts[0].equals("data") ? 1 : 0)) {
            throw StripeException.invalid(
                    "You cannot expand more than 4 levels of a property. Property: " + path, "expand");
        }
        return parts;
    }

    /** Parents before children, so {@code a} is expanded before {@code a.b}. */
    private static List<String> sorted(List<String> paths) {
        return paths.stream()
                .distinct()
                .sorted(Comparator.comparingInt(String::length))
                .toList();
    }

    private static StripeException cannotExpand(String path) {
        return StripeException.invalid("This property cannot be expanded (" + path + ").", "expand");
    }
}
