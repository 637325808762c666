package dev.toolgate.integration;

import java.util.ArrayDeque;
import java.util.Deque;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Inlines {@code {"$ref": "#/schemas/Name"}} references to a definition's shared {@code schemas}, so every tool schema
 * is self-contained (clients validate without fetching anything). Reference cycles are refused.
 */
final class SchemaResolver {
    private static final String PREFIX = "#/schemas/";

    private final JsonNode shared;
    private final Problems problems;

    SchemaResolver(JsonNode shared, Problems problems) {
        this.shared = shared;
        this.problems = problems;
    }

    /** A resolved deep copy of {@code schema}; problems are recorded against {@code pointer}. */
    JsonNode resolve(JsonNode schema, String pointer) {
        return resolve(schema, pointer, new ArrayDeque<>());
    }

    private JsonNode resolve(JsonNode node, String pointer, Deque<String> stack) {
        if (node.isArray()) {
            ArrayNode copy = ((ArrayNode) node).deepCopy();
            for (int i = 0; i < node.size(); i++) {
                copy.set(i, resolve(node.get(i), Problems.child(pointer, i), stack));
            }
            return copy;
        }
        if (!node.isObject()) {
            return node.deepCopy();
        }
        if (node.has("$ref")) {
            return inline(node, pointer, stack);
        }
        ObjectNode copy = ((ObjectNode) node).deepCopy();
        for (var entry : node.properties()) {
            copy.set(entry.getKey(), resolve(entry.getValue(), Problems.child(pointer, entry.getKey()), stack));
        }
        return copy;
    }

    private JsonNode inline(JsonNode node, String pointer, Deque<String> stack) {
        JsonNode ref = node.get("$ref");
        String at = Problems.child(pointer, "$ref");
        if (!ref.isString() || !ref.asString().startsWith(PREFIX)) {
            problems.add(at, "only references to shared schemas are supported, written \"" + PREFIX + "Name\"");
            return node.deepCopy();
        }
        String name = ref.asString().substring(PREFIX.length());
        JsonNode target = shared == null ? null : shared.get(name);
        if (target == null) {
            problems.add(at, "no shared schema named '" + name + "' under /schemas");
            return node.deepCopy();
        }
        if (stack.contains(name)) {
            problems.add(at, "reference cycle: " + String.join(" -> ", stack) + " -> " + name);
            return node.deepCopy();
        }
        stack.push(name);
        JsonNode resolved = resolve(target, "/schemas/" + name, stack);
        stack.pop();
        if (node.size() > 1 && resolved.isObject()) {
            // Sibling keywords (e.g. a description next to $ref) refine the referenced schema.
            ObjectNode merged = ((ObjectNode) resolved).deepCopy();
            node.properties().stream()
                    .filter(e -> !e.getKey().equals("$ref"))
                    .forEach(e ->
                            merged.set(e.getKey(), resolve(e.getValue(), Problems.child(pointer, e.getKey()), stack)));
            return merged;
        }
        return resolved;
    }
}
