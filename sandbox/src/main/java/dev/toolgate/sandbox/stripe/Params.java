package dev.toolgate.sandbox.stripe;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.TreeSet;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * A request's decoded parameters with Stripe's typing rules: every leaf arrives as text and is checked where it is
 * read, failing with the same error types and messages Stripe uses ({@code Invalid integer: abc}, {@code Missing
 * required param: customer.}, {@code Received unknown parameter: foo}).
 */
final class Params {
    private final ObjectNode root;

    Params(ObjectNode root) {
        this.root = root;
    }

    ObjectNode tree() {
        return root;
    }

    boolean has(String name) {
        return root.has(name);
    }

    /** Refuses parameters the endpoint does not take, as Stripe does. */
    void allowOnly(Set<String> names) {
        for (String name : new TreeSet<>(root.propertyNames())) {
            if (!names.contains(name)) {
                throw StripeException.invalid("parameter_unknown", "Received unknown parameter: " + name, name);
            }
        }
    }

    Optional<String> string(String name) {
        JsonNode value = root.get(name);
        if (value == null) {
            return Optional.empty();
        }
        if (!value.isString()) {
            throw StripeException.invalid("Invalid string: " + Nodes.write(value), name);
        }
        return Optional.of(value.asString());
    }

    String required(String name) {
        return string(name).filter(v -> !v.isEmpty()).orElseThrow(() -> StripeException.missing(name));
    }

    OptionalLong integer(String name) {
        Optional<String> text = string(name);
        if (text.isEmpty()) {
            return OptionalLong.empty();
        }
        return OptionalLong.of(parseInteger(text.get(), name));
    }

    long requiredInteger(String name) {
        return parseInteger(required(name), name);
    }

    static long parseInteger(String text, String param) {
        try {
            return Long.parseLong(text.strip());
        } catch (NumberFormatException e) {
            throw StripeException.invalid("parameter_invalid_integer", "Invalid integer: " + text, param);
        }
    }

    Optional<Boolean> bool(String name) {
        return string(name).map(text -> switch (text) {
            case "true" -> true;
            case "false" -> false;
            default -> throw StripeException.invalid("Invalid boolean: " + text, name);
        });
    }

    /** One of {@code allowed}; Stripe lists the choices in the message. */
    Optional<String> oneOf(String name, List<String> allowed) {
        Optional<String> value = string(name);
        if (value.isPresent() && !allowed.contains(value.get())) {
            throw StripeException.invalid("Invalid " + name + ": must be one of " + String.join(", ", allowed), name);
        }
        return value;
    }

    /** A hash parameter ({@code address[line1]=...}); empty when absent or posted as an empty string. */
    Optional<ObjectNode> object(String name) {
        JsonNode value = root.get(name);
        if (value == null || (value.isString() && value.asString().isEmpty())) {
            return Optional.empty();
        }
        if (!value.isObject()) {
            throw StripeException.invalid("Invalid hash", name);
        }
        return Optional.of((ObjectNode) value);
    }

    /** True when the parameter was posted as an empty string, Stripe's way of unsetting a field. */
    boolean isEmptyString(String name) {
        JsonNode value = root.get(name);
        return value != null && value.isString() && value.asString().isEmpty();
    }

    /** An array parameter: {@code a[]=x} or {@code a[0]=x}; a plain {@code a=x} is refused like Stripe does. */
    List<JsonNode> list(String name) {
        JsonNode value = root.get(name);
        List<JsonNode> items = new ArrayList<>();
        if (value == null) {
            return items;
        }
        if (value.isArray()) {
            value.forEach(items::add);
            return items;
        }
        if (value.isObject() && value.propertyNames().stream().allMatch(k -> k.matches("\\d+"))) {
            value.propertyNames().stream()
                    .sorted(Comparator.comparingInt(Integer::parseInt))
                    .forEach(k -> items.add(value.get(k)));
            return items;
        }
        throw StripeException.invalid("Invalid array", name);
    }

    /** An array of strings such as {@code expand[]}. */
    List<String> strings(String name) {
        List<String> result = new ArrayList<>();
        for (JsonNode item : list(name)) {
            if (!item.isString()) {
                throw StripeException.invalid("Invalid array", name);
            }
            result.add(item.asString());
        }
        return result;
    }
}
