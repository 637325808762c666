package dev.toolgate.integration;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Typed, problem-collecting access to the keys of one JSON object in a definition. Every getter records a problem and
 * returns a harmless default instead of throwing, so one pass finds every mistake.
 */
final class Fields {
    static final Pattern SNAKE = Pattern.compile("[a-z][a-z0-9_]*");

    private final ObjectNode node;
    private final String pointer;
    private final Problems problems;

    private Fields(ObjectNode node, String pointer, Problems problems) {
        this.node = node;
        this.pointer = pointer;
        this.problems = problems;
    }

    /** Reads {@code value} as an object allowing only {@code allowedKeys}; empty when it is not an object. */
    static Optional<Fields> of(JsonNode value, String pointer, Problems problems, Set<String> allowedKeys) {
        if (value == null || !value.isObject()) {
            problems.add(pointer, "must be an object");
            return Optional.empty();
        }
        ObjectNode object = (ObjectNode) value;
        for (String key : object.propertyNames()) {
            if (!allowedKeys.contains(key)) {
                problems.add(
                        Problems.child(pointer, key), "unknown key '" + key + "'; allowed: " + sorted(allowedKeys));
            }
        }
        return Optional.of(new Fields(object, pointer, problems));
    }

    String pointer() {
        return pointer;
    }

    String at(String key) {
        return Problems.child(pointer, key);
    }

    Problems problems() {
        return problems;
    }

    boolean has(String key) {
        return node.has(key) && !node.get(key).isNull();
    }

    JsonNode raw(String key) {
        return node.get(key);
    }

    String requiredText(String key) {
        return optionalText(key).orElseGet(() -> {
            if (!has(key)) {
                problems.add(at(key), "is required");
            }
            return "";
        });
    }

    Optional<String> optionalText(String key) {
        if (!has(key)) {
            return Optional.empty();
        }
        JsonNode value = node.get(key);
        if (!value.isString() || value.asString().isBlank()) {
            problems.add(at(key), "must be a non-empty string");
            return Optional.empty();
        }
        return Optional.of(value.asString());
    }

    String requiredSnake(String key) {
        String value = requiredText(key);
        if (!value.isEmpty() && !SNAKE.matcher(value).matches()) {
            problems.add(at(key), "must be snake_case ([a-z][a-z0-9_]*), got '" + value + "'");
        }
        return value;
    }

    boolean bool(String key, boolean defaultValue) {
        if (!has(key)) {
            return defaultValue;
        }
        JsonNode value = node.get(key);
        if (!value.isBoolean()) {
            problems.add(at(key), "must be true or false");
            return defaultValue;
        }
        return value.asBoolean();
    }

    Optional<Boolean> optionalBool(String key) {
        return has(key) ? Optional.of(bool(key, false)) : Optional.empty();
    }

    Optional<Integer> optionalPositiveInt(String key) {
        if (!has(key)) {
            return Optional.empty();
        }
        JsonNode value = node.get(key);
        if (!value.isIntegralNumber() || !value.canConvertToInt() || value.asInt() < 1) {
            problems.add(at(key), "must be a positive integer");
            return Optional.empty();
        }
        return Optional.of(value.asInt());
    }

    List<String> stringList(String key) {
        if (!has(key)) {
            return List.of();
        }
        JsonNode value = node.get(key);
        if (!value.isArray()) {
            problems.add(at(key), "must be an array of strings");
            return List.of();
        }
        List<String> result = new ArrayList<>();
        for (int i = 0; i < value.size(); i++) {
            JsonNode item = value.get(i);
            if (!item.isString() || item.asString().isBlank()) {
                problems.add(Problems.child(at(key), i), "must be a non-empty string");
            } else {
                result.add(item.asString());
            }
        }
        return result;
    }

    Map<String, String> stringMap(String key) {
        Map<String, String> result = new LinkedHashMap<>();
        if (!has(key)) {
            return result;
        }
        JsonNode value = node.get(key);
        if (!value.isObject()) {
            problems.add(at(key), "must be an object of strings");
            return result;
        }
        for (var entry : value.properties()) {
            if (!entry.getValue().isString()) {
                problems.add(Problems.child(at(key), entry.getKey()), "must be a string");
            } else {
                result.put(entry.getKey(), entry.getValue().asString());
            }
        }
        return result;
    }

    Optional<String> optionalPointer(String key) {
        Optional<String> value = optionalText(key);
        value.ifPresent(p -> {
            if (!p.startsWith("/")) {
                problems.add(at(key), "must be a JSON pointer starting with '/', got '" + p + "'");
            }
        });
        return value;
    }

    String requiredPointer(String key) {
        if (!has(key)) {
            problems.add(at(key), "is required (a JSON pointer such as /data)");
            return "/";
        }
        return optionalPointer(key).orElse("/");
    }

    private static String sorted(Set<String> keys) {
        return String.join(", ", keys.stream().sorted().toList());
    }
}
