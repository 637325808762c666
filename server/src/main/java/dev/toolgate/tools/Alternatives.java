package dev.toolgate.tools;

import com.networknt.schema.Error;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import tools.jackson.databind.JsonNode;

/**
 * Words for a value that matched none of the alternatives of a {@code oneOf}/{@code anyOf}: what each alternative
 * needed, relative to the value, so a model can see which fields to add, drop or change.
 */
final class Alternatives {
    /** Keywords whose subschema applies to a child of the value (one instance segment deeper). */
    private static final Set<String> CHILD = Set.of(
            "items",
            "additionalProperties",
            "unevaluatedProperties",
            "unevaluatedItems",
            "contains",
            "additionalItems");
    /** Keywords followed by a name or index segment in an evaluation path. */
    private static final Set<String> NAMED_CHILD = Set.of("properties", "patternProperties", "prefixItems");

    private static final Set<String> NAMED_SAME = Set.of("allOf", "anyOf", "oneOf", "dependentSchemas", "$defs");

    private Alternatives() {}

    /**
     * How many instance segments an evaluation path descends, e.g. 1 for {@code [properties, method, oneOf]}: the
     * validator reports no instance location for {@code anyOf} itself, so it is derived from the schema path.
     */
    static int instanceDepth(List<Object> evaluation) {
        int depth = 0;
        for (int i = 0; i < evaluation.size(); i++) {
            Object segment = evaluation.get(i);
            if (NAMED_CHILD.contains(segment)) {
                depth++;
                i++;
            } else if (NAMED_SAME.contains(segment)) {
                i++;
            } else if (CHILD.contains(segment)) {
                depth++;
            }
        }
        return depth;
    }

    /**
     * "must be an object (got string)" when every alternative failed the same way, else "matches none of its 2
     * alternatives (alternative 1: `routing` is required; alternative 2 (Check): `type` must be check)".
     */
    static String explain(List<Object> location, Map<Integer, List<Error>> byAlternative, JsonNode alternatives) {
        int count = alternatives.isArray()
                ? alternatives.size()
                : byAlternative.keySet().stream().mapToInt(i -> i + 1).max().orElse(0);
        List<String> parts = new ArrayList<>();
        Set<String> distinct = new TreeSet<>();
        for (int i = 0; i < count; i++) {
            String needs = String.join(", ", phrases(location, byAlternative.getOrDefault(i, List.of())));
            distinct.add(needs);
            if (!needs.isEmpty()) {
                parts.add(label(i, alternatives.path(i)) + ": " + needs);
            }
        }
        String only = distinct.size() == 1 ? distinct.iterator().next() : "";
        if (!only.isEmpty() && !only.contains("`")) {
            return only; // e.g. a string where every alternative wants an object
        }
        String none = "matches none of its " + count + " alternatives";
        return parts.isEmpty() ? none : none + " (" + String.join("; ", parts) + ")";
    }

    private static Set<String> phrases(List<Object> location, List<Error> errors) {
        Set<String> phrases = new TreeSet<>();
        for (Error error : errors) {
            List<Object> target = ErrorPhrases.target(error);
            boolean inside = target.size() >= location.size()
                    && target.subList(0, location.size()).equals(location);
            List<Object> relative = inside ? target.subList(location.size(), target.size()) : target;
            String where = ErrorPhrases.dotted(relative);
            String what = ErrorPhrases.predicate(error);
            phrases.add(where.isEmpty() ? what : "`" + where + "` " + what);
        }
        return Collections.unmodifiableSet(phrases);
    }

    static String label(int index, JsonNode alternative) {
        String title = alternative.path("title").asString("");
        return "alternative " + (index + 1) + (title.isBlank() ? "" : " (" + title + ")");
    }
}
