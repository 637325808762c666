package dev.toolgate.admin;

import dev.toolgate.support.FieldError;
import dev.toolgate.support.FieldUpdate;
import dev.toolgate.support.InvalidRequestException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Strict reading of a JSON request object: unknown keys and wrong types are collected as field errors (with dotted
 * field names) and reported together by {@link #done()}.
 */
final class BodyFields {
    private final ObjectNode node;
    private final String prefix;
    private final List<FieldError> errors;

    private BodyFields(ObjectNode node, String prefix, List<FieldError> errors) {
        this.node = node;
        this.prefix = prefix;
        this.errors = errors;
    }

    static BodyFields of(ObjectNode node, Set<String> allowed) {
        BodyFields fields = new BodyFields(node, "", new ArrayList<>());
        fields.checkKeys(allowed);
        return fields;
    }

    /** The nested object at {@code key} (absent or null → empty), sharing this reader's error list. */
    Optional<BodyFields> object(String key, Set<String> allowed) {
        JsonNode value = node.get(key);
        if (value == null || value.isNull()) {
            return Optional.empty();
        }
        if (!value.isObject()) {
            error(key, "must be an object");
            return Optional.empty();
        }
        BodyFields nested = new BodyFields((ObjectNode) value, name(key) + ".", errors);
        nested.checkKeys(allowed);
        return Optional.of(nested);
    }

    boolean has(String key) {
        return node.has(key);
    }

    String requiredString(String key) {
        return optionalString(key).orElseGet(() -> {
            if (!node.has(key) || node.get(key).isNull()) {
                error(key, "is required");
            }
            return "";
        });
    }

    Optional<String> optionalString(String key) {
        JsonNode value = node.get(key);
        if (value == null || value.isNull()) {
            return Optional.empty();
        }
        if (!value.isString() || value.asString().isBlank()) {
            error(key, "must be a non-empty string");
            return Optional.empty();
        }
        return Optional.of(value.asString());
    }

    boolean bool(String key, boolean defaultValue) {
        JsonNode value = node.get(key);
        if (value == null || value.isNull()) {
            return defaultValue;
        }
        if (!value.isBoolean()) {
            error(key, "must be true or false");
            return defaultValue;
        }
        return value.asBoolean();
    }

    List<String> stringList(String key) {
        JsonNode value = node.get(key);
        List<String> result = new ArrayList<>();
        if (value == null || value.isNull()) {
            return result;
        }
        if (!value.isArray()) {
            error(key, "must be an array of strings");
            return result;
        }
        for (int i = 0; i < value.size(); i++) {
            JsonNode item = value.get(i);
            if (item.isString()) {
                result.add(item.asString());
            } else {
                error(key + "[" + i + "]", "must be a string");
            }
        }
        return result;
    }

    /** An object of string values; values are never echoed in errors (they may be secrets). */
    Map<String, String> secretStrings(String key) {
        Map<String, String> result = new LinkedHashMap<>();
        JsonNode value = node.get(key);
        if (value == null || value.isNull() || !value.isObject()) {
            error(key, "must be an object of strings");
            return result;
        }
        for (var entry : value.properties()) {
            if (entry.getValue().isString()) {
                result.put(entry.getKey(), entry.getValue().asString());
            } else {
                error(key + "." + entry.getKey(), "must be a string");
            }
        }
        return result;
    }

    /** Absent → keep, null → clear, an ISO-8601 date-time with offset → set. */
    FieldUpdate<Instant> instantUpdate(String key) {
        if (!node.has(key)) {
            return FieldUpdate.keep();
        }
        JsonNode value = node.get(key);
        if (value.isNull()) {
            return FieldUpdate.clear();
        }
        try {
            return FieldUpdate.set(OffsetDateTime.parse(value.asString("")).toInstant());
        } catch (DateTimeParseException e) {
            error(key, "must be an ISO-8601 date-time with offset, e.g. 2026-12-31T23:00:00Z");
            return FieldUpdate.keep();
        }
    }

    /** Absent → keep, null → clear, non-empty string → set. */
    FieldUpdate<String> stringUpdate(String key) {
        if (!node.has(key)) {
            return FieldUpdate.keep();
        }
        if (node.get(key).isNull()) {
            return FieldUpdate.clear();
        }
        return optionalString(key).<FieldUpdate<String>>map(FieldUpdate::set).orElse(FieldUpdate.keep());
    }

    void error(String key, String message) {
        errors.add(new FieldError(name(key), message));
    }

    /** Throws an {@link InvalidRequestException} listing every error found so far. */
    void done() {
        if (!errors.isEmpty()) {
            throw new InvalidRequestException(errors);
        }
    }

    private void checkKeys(Set<String> allowed) {
        for (String key : node.propertyNames()) {
            if (!allowed.contains(key)) {
                error(
                        key,
                        "unknown field; allowed: "
                                + String.join(", ", allowed.stream().sorted().toList()));
            }
        }
    }

    private String name(String key) {
        return prefix + key;
    }
}
