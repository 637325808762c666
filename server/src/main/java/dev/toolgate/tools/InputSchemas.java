package dev.toolgate.tools;

import dev.toolgate.integration.Documentation;
import dev.toolgate.integration.Method;
import dev.toolgate.integration.Pagination;
import dev.toolgate.integration.Resource;
import dev.toolgate.support.Json;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Builds a tool's one flat input schema: path placeholders, then query, header and body arguments, then the gateway's
 * paging arguments. Every top-level argument carries a description. The definition's nodes are copied, never changed.
 */
final class InputSchemas {
    static final String LIMIT = "limit";
    static final String NEXT_CURSOR = "next_cursor";
    /** Keywords of an argument object that the flat schema replaces or that only annotate. */
    private static final Set<String> FLATTENED = Set.of(
            "type",
            "properties",
            "required",
            "additionalProperties",
            "description",
            "title",
            "$schema",
            "$id",
            "$comment",
            "examples",
            "default");

    private final String where;
    private final Map<String, String> origin = new LinkedHashMap<>();
    private final ObjectNode properties = Json.object();
    private final Set<String> required = new LinkedHashSet<>();
    private final ArrayNode constraints = Json.array();

    /** @param where names the method in errors ("integration testpay, resource customers, method get") */
    private InputSchemas(String where) {
        this.where = where;
    }

    /** The input schema of a documented method; {@code where} names it in errors. */
    static ObjectNode build(Resource resource, Method method, String where) {
        Documentation doc = method.documentation().orElseThrow();
        InputSchemas schema = new InputSchemas(where);
        schema.addPath(resource, method, doc.pathSchema());
        schema.addObject("query", doc.querySchema());
        schema.addObject("header", doc.headerSchema());
        schema.addBody(method, doc.bodySchema());
        method.pagination().ifPresent(schema::addPaging);
        return schema.toSchema();
    }

    private void addPath(Resource resource, Method method, ObjectNode pathSchema) {
        for (String name : method.path().parameters()) {
            JsonNode given = pathSchema.path("properties").path(name);
            ObjectNode property = Json.object();
            property.put("type", given.path("type").asString("string"));
            property.put("description", given.path("description").asString(pathDescription(resource, name)));
            if (given.isObject()) {
                given.properties()
                        .forEach(e ->
                                property.putIfAbsent(e.getKey(), e.getValue().deepCopy()));
            }
            if ("string".equals(property.path("type").asString("")) && !property.has("minLength")) {
                property.put("minLength", 1); // an empty placeholder would address the collection instead
            }
            add("path", name, property, true);
        }
    }

    private void addObject(String origin, ObjectNode schema) {
        keepConstraints(schema);
        Set<String> requiredHere = new LinkedHashSet<>();
        schema.path("required").forEach(n -> requiredHere.add(n.asString("")));
        for (var entry : schema.path("properties").properties()) {
            ObjectNode property = described(entry.getKey(), entry.getValue());
            add(origin, entry.getKey(), property, requiredHere.contains(entry.getKey()));
        }
    }

    private void addBody(Method method, ObjectNode body) {
        if (method.bodyProperty().isPresent()
                && "array".equals(body.path("type").asString(""))) {
            String name = method.bodyProperty().get();
            add("body", name, described(name, body), true);
        } else {
            addObject("body", body);
        }
    }

    /**
     * Keywords on an argument object itself (e.g. {@code anyOf: [{required: [a]}, {required: [b]}]}) still hold for the
     * merged arguments, whose names are the same; they are kept under {@code allOf} rather than dropped.
     */
    private void keepConstraints(ObjectNode schema) {
        ObjectNode kept = Json.object();
        schema.properties().stream()
                .filter(e -> !FLATTENED.contains(e.getKey()))
                .forEach(e -> kept.set(e.getKey(), e.getValue().deepCopy()));
        if (!kept.isEmpty()) {
            constraints.add(kept);
        }
    }

    private void addPaging(Pagination pagination) {
        ObjectNode limit = Json.object();
        limit.put("type", "integer");
        limit.put("minimum", 1);
        pagination.maxLimit().ifPresent(max -> limit.put("maximum", max));
        limit.put("description", "Maximum number of items to return in one page.");
        add("paging", LIMIT, limit, false);
        ObjectNode cursor = Json.object();
        cursor.put("type", "string");
        cursor.put(
                "description",
                "Cursor for the next page: pass the next_cursor value from the previous response "
                        + "back unchanged. Omit for the first page.");
        add("paging", NEXT_CURSOR, cursor, false);
    }

    private void add(String from, String name, ObjectNode property, boolean isRequired) {
        String previous = origin.putIfAbsent(name, from);
        if (previous != null) {
            // The loader refuses such definitions; this guards definitions built in code.
            throw new ToolGenerationException(where + ": argument '" + name + "' is declared by both the " + previous
                    + " and the " + from + " arguments; tool arguments share one namespace");
        }
        properties.set(name, property);
        if (isRequired) {
            required.add(name);
        }
    }

    private ObjectNode toSchema() {
        ObjectNode schema = Json.object();
        schema.put("type", "object");
        schema.set("properties", properties);
        if (!required.isEmpty()) {
            required.forEach(schema.putArray("required")::add);
        }
        schema.put("additionalProperties", false);
        if (!constraints.isEmpty()) {
            schema.set("allOf", constraints);
        }
        return schema;
    }

    /** A copy of {@code schema} that is sure to carry a description (models choose arguments by them). */
    private static ObjectNode described(String name, JsonNode schema) {
        ObjectNode copy = schema.isObject() ? ((ObjectNode) schema).deepCopy() : Json.object();
        if (!copy.path("description").isString()
                || copy.path("description").asString().isBlank()) {
            copy.put("description", capitalized(ToolNames.words(name)) + ".");
        }
        return copy;
    }

    private static String pathDescription(Resource resource, String name) {
        if (name.equals("id")) {
            return "The id of the " + ToolNames.words(resource.singular()) + ".";
        }
        if (name.endsWith("_id")) {
            return "The id of the " + ToolNames.words(name.substring(0, name.length() - 3)) + ".";
        }
        return "Fills the {" + name + "} placeholder of the request path.";
    }

    private static String capitalized(String text) {
        return text.isEmpty() ? text : Character.toUpperCase(text.charAt(0)) + text.substring(1);
    }
}
