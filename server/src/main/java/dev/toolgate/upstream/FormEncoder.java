package dev.toolgate.upstream;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import tools.jackson.databind.JsonNode;

/**
 * Flattens JSON values into {@code key=value} pairs with bracket nesting, the way Stripe-style APIs read query strings
 * and {@code application/x-www-form-urlencoded} bodies: {@code metadata[key]=v}, {@code address[city]=x},
 * {@code items[0][price]=p}. Depth is unlimited. {@code null} values and empty objects or arrays produce no pair (as
 * Stripe's own libraries do), so they leave the upstream value unchanged.
 *
 * <p>Arrays of scalars follow {@link ArrayStyle}; an array holding any object or array is always indexed
 * ({@code items[0][price]=p}), because that is the only form that keeps each element's fields together.
 */
final class FormEncoder {

    /** How an array of scalars is written. */
    enum ArrayStyle {
        /** {@code expand[]=a&expand[]=b}: Stripe query strings. */
        BRACKETS,
        /** {@code status=a&status=b}: JSON APIs' repeated filters (Finexio). */
        REPEAT,
        /** {@code tags[0]=a&tags[1]=b}: Stripe form bodies, matching its official libraries. */
        INDEXED
    }

    private FormEncoder() {}

    /** The pairs for one top-level field, appended to {@code out} in document order. */
    static void flatten(String key, JsonNode value, ArrayStyle style, List<Map.Entry<String, String>> out) {
        if (value == null || value.isNull() || value.isMissingNode()) {
            return;
        }
        if (value.isObject()) {
            value.properties().forEach(e -> flatten(key + "[" + e.getKey() + "]", e.getValue(), style, out));
        } else if (value.isArray()) {
            flattenArray(key, value, style, out);
        } else {
            out.add(Map.entry(key, Scalars.text(value)));
        }
    }

    /** All pairs of the given fields, percent-encoded and joined with {@code &}. */
    static String encode(Map<String, JsonNode> fields, ArrayStyle style) {
        List<Map.Entry<String, String>> pairs = new ArrayList<>();
        fields.forEach((key, value) -> flatten(key, value, style, pairs));
        return join(pairs);
    }

    static String join(List<Map.Entry<String, String>> pairs) {
        return pairs.stream()
                .map(p -> PercentEncoding.encode(p.getKey()) + "=" + PercentEncoding.encode(p.getValue()))
                .collect(Collectors.joining("&"));
    }

    private static void flattenArray(
            String key, JsonNode array, ArrayStyle style, List<Map.Entry<String, String>> out) {
        boolean scalarsOnly = array.values().stream().allMatch(v -> v.isNull() || Scalars.isScalar(v));
        ArrayStyle effective = scalarsOnly ? style : ArrayStyle.INDEXED;
        int index = 0;
        for (JsonNode element : array.values()) {
            if (element.isNull()) {
                continue; // skipped without using an index, so indexed arrays stay dense
            }
            String elementKey = switch (effective) {
                case BRACKETS -> key + "[]";
                case REPEAT -> key;
                case INDEXED -> key + "[" + index + "]";
            };
            flatten(elementKey, element, style, out);
            index++;
        }
    }
}
