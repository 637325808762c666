package dev.toolgate.testing;

import dev.toolgate.support.Json;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Reads {@code application/x-www-form-urlencoded} text (query strings and form bodies) the way a Stripe-style server
 * does: pairs are percent-decoded, and bracketed keys nest ({@code address[city]=x}, {@code metadata[k]=v},
 * {@code expand[]=a}, {@code items[0][price]=p}). Objects whose keys are exactly {@code 0..n-1} become arrays.
 */
public final class FormData {
    private FormData() {}

    /** The decoded {@code key=value} pairs in order; a key without {@code =} has an empty value. */
    public static List<Map.Entry<String, String>> pairs(String raw) {
        List<Map.Entry<String, String>> pairs = new ArrayList<>();
        if (raw == null || raw.isEmpty()) {
            return pairs;
        }
        for (String part : raw.split("&")) {
            if (part.isEmpty()) {
                continue;
            }
            String[] kv = part.split("=", 2);
            pairs.add(Map.entry(decode(kv[0]), kv.length == 2 ? decode(kv[1]) : ""));
        }
        return pairs;
    }

    /** The pairs nested into one JSON object by their bracketed keys; every leaf is a string. */
    public static ObjectNode tree(String raw) {
        ObjectNode root = Json.object();
        for (Map.Entry<String, String> pair : pairs(raw)) {
            put(root, segments(pair.getKey()), pair.getValue());
        }
        return (ObjectNode) arrays(root);
    }

    private static String decode(String text) {
        return URLDecoder.decode(text, StandardCharsets.UTF_8);
    }

    /** {@code a[b][]} is {@code [a, b, ""]}; an empty segment appends to an array. */
    private static List<String> segments(String key) {
        List<String> segments = new ArrayList<>();
        int open = key.indexOf('[');
        if (open < 0 || !key.endsWith("]")) {
            return List.of(key);
        }
        segments.add(key.substring(0, open));
        for (String inner : key.substring(open + 1, key.length() - 1).split("\\]\\[", -1)) {
            segments.add(inner);
        }
        return segments;
    }

    private static void put(ObjectNode root, List<String> segments, String value) {
        JsonNode container = root;
        for (int i = 0; i < segments.size() - 1; i++) {
            container = child(container, segments.get(i), segments.get(i + 1).isEmpty());
        }
        String last = segments.get(segments.size() - 1);
        if (container instanceof ArrayNode array) {
            array.add(value);
        } else {
            ((ObjectNode) container).put(last, value);
        }
    }

    private static JsonNode child(JsonNode container, String segment, boolean nextIsArray) {
        if (container instanceof ArrayNode array) {
            return nextIsArray ? array.addArray() : array.addObject();
        }
        ObjectNode object = (ObjectNode) container;
        JsonNode existing = object.get(segment);
        if (existing != null && existing.isContainer()) {
            return existing;
        }
        return nextIsArray ? object.putArray(segment) : object.putObject(segment);
    }

    private static JsonNode arrays(JsonNode node) {
        if (node instanceof ObjectNode object) {
            object.properties().forEach(e -> object.set(e.getKey(), arrays(e.getValue())));
            List<String> keys = new ArrayList<>(object.propertyNames());
            boolean indexed = !keys.isEmpty();
            for (int i = 0; i < keys.size() && indexed; i++) {
                indexed = keys.contains(Integer.toString(i));
            }
            if (indexed) {
                ArrayNode array = Json.array();
                for (int i = 0; i < keys.size(); i++) {
                    array.add(object.get(Integer.toString(i)));
                }
                return array;
            }
        }
        return node;
    }
}
