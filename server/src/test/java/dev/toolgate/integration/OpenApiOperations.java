package dev.toolgate.integration;

import dev.toolgate.integration.PathTemplate.Segment;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import tools.jackson.databind.JsonNode;

/**
 * Looks up the operations and parameters of an OpenAPI 3 document (Stripe's official one) the way a definition's
 * methods address them: by verb and path template, with placeholders matched by position, not by name.
 */
final class OpenApiOperations {
    private static final String FORM = "application/x-www-form-urlencoded";

    private final JsonNode document;

    OpenApiOperations(JsonNode document) {
        this.document = document;
    }

    /**
     * One operation of the document.
     *
     * @param path the document's path template ({@code /v1/customers/{customer}})
     * @param node the operation object
     * @param placeholders the document's placeholder names, in order
     */
    record Operation(String path, JsonNode node, List<String> placeholders) {}

    Optional<Operation> find(String verb, PathTemplate template) {
        for (var entry : document.path("paths").properties()) {
            List<String> placeholders = matches(entry.getKey(), template.segments());
            JsonNode operation = entry.getValue().path(verb.toLowerCase(Locale.ROOT));
            if (placeholders != null && operation.isObject()) {
                return Optional.of(new Operation(entry.getKey(), operation, placeholders));
            }
        }
        return Optional.empty();
    }

    /** The placeholder names of {@code path} when it matches the segments by position; null otherwise. */
    private static List<String> matches(String path, List<Segment> segments) {
        String[] parts = path.substring(1).split("/", -1);
        if (parts.length != segments.size()) {
            return null;
        }
        List<String> placeholders = new ArrayList<>();
        for (int i = 0; i < parts.length; i++) {
            boolean placeholder = parts[i].startsWith("{");
            if (segments.get(i) instanceof Segment.Literal literal) {
                if (placeholder || !literal.text().equals(parts[i])) {
                    return null;
                }
            } else if (!placeholder) {
                return null;
            } else {
                placeholders.add(parts[i].substring(1, parts[i].length() - 1));
            }
        }
        return placeholders;
    }

    /** The schema of query parameter {@code name}, if the operation has one. */
    Optional<JsonNode> queryParameter(Operation operation, String name) {
        for (JsonNode parameter : operation.node().path("parameters")) {
            JsonNode resolved = resolve(parameter);
            if (resolved.path("in").asString().equals("query")
                    && resolved.path("name").asString().equals(name)) {
                return Optional.of(resolved.path("schema"));
            }
        }
        return Optional.empty();
    }

    /** Names of required query parameters. */
    Set<String> requiredQuery(Operation operation) {
        Set<String> names = new LinkedHashSet<>();
        for (JsonNode parameter : operation.node().path("parameters")) {
            JsonNode resolved = resolve(parameter);
            if (resolved.path("in").asString().equals("query")
                    && resolved.path("required").asBoolean(false)) {
                names.add(resolved.path("name").asString());
            }
        }
        return names;
    }

    /** The form-encoded request body schema, or a missing node when the operation takes no body. */
    JsonNode formBody(Operation operation) {
        return resolve(
                operation.node().path("requestBody").path("content").path(FORM).path("schema"));
    }

    /** Follows a local {@code $ref} ({@code #/components/...}); other nodes are returned as they are. */
    JsonNode resolve(JsonNode node) {
        JsonNode current = node;
        for (int depth = 0; depth < 16 && current.has("$ref"); depth++) {
            current = document.at(current.path("$ref").asString().substring(1));
        }
        return current;
    }

    /** The schema and its {@code anyOf}/{@code oneOf}/{@code allOf} alternatives, resolved, flattened. */
    List<JsonNode> alternatives(JsonNode schema) {
        List<JsonNode> result = new ArrayList<>();
        JsonNode resolved = resolve(schema);
        result.add(resolved);
        for (String keyword : new String[] {"anyOf", "oneOf", "allOf"}) {
            for (JsonNode alternative : resolved.path(keyword)) {
                result.addAll(alternatives(alternative));
            }
        }
        return result;
    }
}
