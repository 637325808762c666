package dev.toolgate.sandbox.plastiq;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import tools.jackson.databind.JsonNode;

/** Collects every problem of a request body, then fails once with a VALIDATION_ERROR listing them all. */
final class Violations {
    private final List<String> details = new ArrayList<>();

    void add(String detail) {
        details.add(detail);
    }

    boolean isEmpty() {
        return details.isEmpty();
    }

    /** The text at {@code field} of {@code node}, reporting {@code path} when it is missing, blank or not text. */
    Optional<String> requiredText(JsonNode node, String field, String path) {
        JsonNode value = node.path(field);
        if (!value.isString() || value.asString().isBlank()) {
            add(path + " is required" + (value.isMissingNode() || value.isNull() ? "" : " and must be a string"));
            return Optional.empty();
        }
        return Optional.of(value.asString());
    }

    /** Like {@link #requiredText} but the text must match {@code regex}; {@code rule} explains it. */
    void requiredMatching(JsonNode node, String field, String path, String regex, String rule) {
        requiredText(node, field, path).filter(t -> !t.matches(regex)).ifPresent(t -> add(path + " " + rule));
    }

    /** An optional text member, which must be text when present. */
    Optional<String> optionalText(JsonNode node, String field, String path) {
        JsonNode value = node.path(field);
        if (value.isMissingNode() || value.isNull()) {
            return Optional.empty();
        }
        return value.isString() ? Optional.of(value.asString()) : failed(path + " must be a string");
    }

    /** The object at {@code field}, reporting {@code path} when required and missing, or not an object. */
    Optional<JsonNode> object(JsonNode node, String field, String path, boolean required) {
        JsonNode value = node.path(field);
        if (value.isObject()) {
            return Optional.of(value);
        }
        if (required || !(value.isMissingNode() || value.isNull())) {
            add(path + (value.isMissingNode() || value.isNull() ? " is required" : " must be an object"));
        }
        return Optional.empty();
    }

    /** {@code path.id} of a reference object such as {@code payer: {id}}. */
    Optional<String> reference(JsonNode node, String field, boolean required) {
        return object(node, field, field, required).flatMap(ref -> requiredText(ref, "id", field + ".id"));
    }

    void oneOf(Optional<String> value, Set<String> allowed, String path) {
        value.filter(v -> !allowed.contains(v))
                .ifPresent(v -> add(path + " must be one of " + allowed + ", got '" + v + "'"));
    }

    void throwIfAny() {
        if (!details.isEmpty()) {
            throw PlastiqError.validation(details);
        }
    }

    private <T> Optional<T> failed(String detail) {
        add(detail);
        return Optional.empty();
    }
}
