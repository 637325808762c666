package dev.toolgate.sandbox.stripe;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Decodes {@code application/x-www-form-urlencoded} text (bodies and query strings) with Stripe's bracket nesting into
 * a JSON tree whose leaves are strings: {@code metadata[k]=v} becomes an object, {@code expand[]=a} an array, and
 * {@code items[0][price]=p} an object keyed {@code "0"} (turned into a list by {@link Params#list} where a list is
 * expected, as Stripe does). A later plain value for the same name replaces an earlier one.
 */
final class FormDecoder {
    private FormDecoder() {}

    static ObjectNode decode(String encoded) {
        ObjectNode root = Nodes.object();
        if (encoded == null || encoded.isEmpty()) {
            return root;
        }
        for (String pair : encoded.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int eq = pair.indexOf('=');
            String key = decodePart(eq < 0 ? pair : pair.substring(0, eq));
            String value = eq < 0 ? "" : decodePart(pair.substring(eq + 1));
            List<String> path = keyPath(key);
            if (!path.isEmpty() && !path.get(0).isEmpty()) {
                put(root, path, value, key);
            }
        }
        return root;
    }

    private static String decodePart(String part) {
        try {
            return URLDecoder.decode(part, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw StripeException.invalid("Invalid request: malformed percent-encoding in '" + part + "'.", null);
        }
    }

    /** {@code a[b][]} becomes {@code [a, b, ""]}; an empty segment means "append". */
    static List<String> keyPath(String key) {
        List<String> path = new ArrayList<>();
        int open = key.indexOf('[');
        if (open < 0) {
            path.add(key);
            return path;
        }
        path.add(key.substring(0, open));
        int i = open;
        while (i < key.length() && key.charAt(i) == '[') {
            int close = key.indexOf(']', i);
            if (close < 0) {
                throw StripeException.invalid("Invalid request: unbalanced brackets in parameter '" + key + "'.", key);
            }
            path.add(key.substring(i + 1, close));
            i = close + 1;
        }
        return path;
    }

    private static void put(ObjectNode root, List<String> path, String value, String key) {
        JsonNode container = root;
        for (int i = 0; i < path.size() - 1; i++) {
            container = child(container, path, i, key);
        }
        String last = path.get(path.size() - 1);
        if (container instanceof ArrayNode array) {
            array.add(value);
        } else {
            ((ObjectNode) container).put(last, value);
        }
    }

    /** The container for segment {@code i + 1}, created inside segment {@code i}'s container when missing. */
    private static JsonNode child(JsonNode container, List<String> path, int i, String key) {
        String name = path.get(i);
        String next = path.get(i + 1);
        if (container instanceof ArrayNode array) {
            // a[][b]=1: fill the last element unless it already has b (then start a new element), as Rack does.
            JsonNode lastElement = array.isEmpty() ? null : array.get(array.size() - 1);
            if (lastElement instanceof ObjectNode o && !o.has(next)) {
                return o;
            }
            return array.addObject();
        }
        ObjectNode object = (ObjectNode) container;
        JsonNode existing = object.get(name);
        boolean wantArray = next.isEmpty();
        if (existing == null || existing.isString()) {
            return wantArray ? object.putArray(name) : object.putObject(name);
        }
        if (wantArray != existing.isArray()) {
            throw StripeException.invalid("Invalid request: parameter '" + key + "' mixes array and hash forms.", key);
        }
        return existing;
    }
}
