package dev.toolgate.sandbox.stripe;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;
import tools.jackson.databind.node.ObjectNode;

/** List filters as Stripe's list endpoints take them: exact ids and values, and integer ranges such as {@code created}. */
final class Filters {
    private static final Set<String> RANGE_KEYS = Set.of("gt", "gte", "lt", "lte");

    private Filters() {}

    /** Items whose {@code field} equals the parameter's value; everything when the parameter is absent. */
    static Predicate<ObjectNode> equal(Params params, String param, String field) {
        Optional<String> value = params.string(param);
        return value.<Predicate<ObjectNode>>map(v -> item -> v.equals(Nodes.text(item, field)))
                .orElse(item -> true);
    }

    /** Items whose {@code field} equals one of the values; everything when {@code values} is empty. */
    static Predicate<ObjectNode> in(List<String> values, String field) {
        return item -> values.isEmpty() || values.contains(Nodes.text(item, field));
    }

    /**
     * An integer field filtered by {@code created=123} or {@code created[gte]=1&created[lt]=2} (unix seconds); items
     * without the field never match a given range.
     */
    static Predicate<ObjectNode> range(Params params, String param, String field) {
        if (!params.has(param)) {
            return item -> true;
        }
        if (params.tree().get(param).isString()) {
            long exact = params.integer(param).orElseThrow();
            return item -> item.path(field).isNumber() && item.path(field).asLong() == exact;
        }
        ObjectNode bounds = params.object(param).orElseThrow();
        Predicate<ObjectNode> result = item -> item.path(field).isNumber();
        for (String key : bounds.propertyNames()) {
            if (!RANGE_KEYS.contains(key)) {
                throw StripeException.invalid(
                        "parameter_unknown",
                        "Received unknown parameter: " + param + "[" + key + "]",
                        param + "[" + key + "]");
            }
            long bound = Params.parseInteger(bounds.get(key).asString(), param + "[" + key + "]");
            result = result.and(item -> compare(item.path(field).asLong(), key, bound));
        }
        return result;
    }

    private static boolean compare(long value, String op, long bound) {
        return switch (op) {
            case "gt" -> value > bound;
            case "gte" -> value >= bound;
            case "lt" -> value < bound;
            default -> value <= bound;
        };
    }
}
