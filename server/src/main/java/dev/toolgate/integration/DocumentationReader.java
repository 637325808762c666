package dev.toolgate.integration;

import dev.toolgate.support.Json;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Reads a method's documentation record: resolves {@code $ref}s, checks each schema is valid JSON Schema 2020-12,
 * and checks that the arguments can be merged into one flat tool schema without clashes.
 */
final class DocumentationReader {
    private static final Set<String> KEYS =
            Set.of("description", "path_schema", "query_schema", "body_schema", "header_schema");
    private static final Pattern ARGUMENT = Pattern.compile("[A-Za-z_][A-Za-z0-9_]{0,63}");

    private final Problems problems;
    private final SchemaResolver schemas;

    DocumentationReader(Problems problems, SchemaResolver schemas) {
        this.problems = problems;
        this.schemas = schemas;
    }

    Optional<Documentation> read(
            Fields method, String http, PathTemplate path, boolean paginated, Optional<String> bodyProperty) {
        return Fields.of(method.raw("documentation"), method.at("documentation"), problems, KEYS)
                .map(d -> {
                    String description = d.requiredText("description");
                    ObjectNode pathSchema = objectSchema(d, "path_schema");
                    ObjectNode query = objectSchema(d, "query_schema");
                    ObjectNode body = bodySchema(d, http, bodyProperty);
                    ObjectNode headers = objectSchema(d, "header_schema");
                    checkPathSchema(d, pathSchema, path);
                    checkFlattenable(d, "query_schema", query);
                    checkFlattenable(d, "header_schema", headers);
                    checkFlattenable(d, "body_schema", body);
                    checkNames(
                            d,
                            path,
                            paginated,
                            Map.of("query_schema", query, "body_schema", body, "header_schema", headers),
                            bodyProperty);
                    return new Documentation(description, pathSchema, query, body, headers);
                });
    }

    private ObjectNode objectSchema(Fields d, String key) {
        JsonNode schema = resolved(d, key);
        if (!"object".equals(schema.path("type").asString(""))) {
            problems.add(d.at(key), "must be a JSON Schema with type: object");
            return emptyObjectSchema();
        }
        return (ObjectNode) schema;
    }

    private ObjectNode bodySchema(Fields d, String http, Optional<String> bodyProperty) {
        JsonNode schema = resolved(d, "body_schema");
        String type = schema.path("type").asString("");
        boolean hasBody = d.has("body_schema");
        if (hasBody && (http.equals("GET") || http.equals("DELETE"))) {
            problems.add(d.at("body_schema"), http + " requests carry no body; use query_schema");
        }
        if (type.equals("array")) {
            if (bodyProperty.isEmpty()) {
                problems.add(
                        d.at("body_schema"), "an array body needs body_property: the tool argument that carries it");
            }
            return (ObjectNode) schema;
        }
        if (bodyProperty.isPresent()) {
            problems.add(d.at("body_schema"), "body_property is only for bodies with type: array");
        }
        if (!type.equals("object")) {
            problems.add(d.at("body_schema"), "must be a JSON Schema with type: object (or type: array)");
            return emptyObjectSchema();
        }
        return (ObjectNode) schema;
    }

    private JsonNode resolved(Fields d, String key) {
        if (!d.has(key)) {
            return emptyObjectSchema();
        }
        JsonNode schema = schemas.resolve(d.raw(key), d.at(key));
        if (!schema.isObject()) {
            problems.add(d.at(key), "must be a JSON Schema object");
            return emptyObjectSchema();
        }
        SchemaChecker.check(schema, d.at(key), problems);
        return schema;
    }

    private void checkPathSchema(Fields d, ObjectNode pathSchema, PathTemplate path) {
        for (String name : pathSchema.path("properties").propertyNames()) {
            if (!path.parameters().contains(name)) {
                problems.add(
                        Problems.child(d.at("path_schema"), "properties") + "/" + name,
                        "describes '" + name + "' but the path has no {" + name + "} placeholder");
            }
        }
    }

    /**
     * Object schemas are merged into one flat tool schema that refuses unknown arguments, so every required name must
     * be a declared property and the object itself cannot be open-ended (use a nested object property instead).
     */
    private void checkFlattenable(Fields d, String key, ObjectNode schema) {
        if (!"object".equals(schema.path("type").asString(""))) {
            return;
        }
        JsonNode properties = schema.path("properties");
        JsonNode required = schema.path("required");
        for (int i = 0; i < required.size(); i++) {
            String name = required.get(i).asString("");
            if (!properties.has(name)) {
                problems.add(
                        Problems.child(Problems.child(d.at(key), "required"), i),
                        "'" + name + "' is required but not declared under properties");
            }
        }
        JsonNode additional = schema.get("additionalProperties");
        if ((additional != null && !(additional.isBoolean() && !additional.asBoolean()))
                || schema.has("patternProperties")) {
            problems.add(
                    d.at(key),
                    "top-level arguments must be declared under properties; for free-form maps use"
                            + " a property of type object (e.g. metadata)");
        }
    }

    private void checkNames(
            Fields d,
            PathTemplate path,
            boolean paginated,
            Map<String, ObjectNode> schemas,
            Optional<String> bodyProperty) {
        Map<String, String> owner = new HashMap<>(MethodReader.reservedNames(paginated));
        path.parameters().forEach(p -> owner.put(p, "path placeholder {" + p + "}"));
        bodyProperty.ifPresent(p -> claim(owner, p, "body_property", d.at("body_property")));
        for (String key : new String[] {"query_schema", "body_schema", "header_schema"}) {
            ObjectNode schema = schemas.get(key);
            if (!"object".equals(schema.path("type").asString(""))) {
                continue;
            }
            for (String name : schema.path("properties").propertyNames()) {
                String at = Problems.child(Problems.child(d.at(key), "properties"), name);
                if (!ARGUMENT.matcher(name).matches()) {
                    problems.add(at, "argument names are [A-Za-z_][A-Za-z0-9_]* (at most 64 characters)");
                }
                claim(owner, name, key, at);
            }
        }
    }

    private void claim(Map<String, String> owner, String name, String by, String at) {
        String previous = owner.putIfAbsent(name, by);
        if (previous != null) {
            problems.add(
                    at, "argument '" + name + "' clashes with " + previous + "; tool arguments share one namespace");
        }
    }

    private static ObjectNode emptyObjectSchema() {
        ObjectNode schema = Json.object();
        schema.put("type", "object");
        schema.putObject("properties");
        return schema;
    }
}
