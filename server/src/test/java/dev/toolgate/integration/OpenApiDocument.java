package dev.toolgate.integration;

import dev.toolgate.support.Json;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import tools.jackson.databind.JsonNode;

/**
 * Just enough of an OpenAPI 3.0 document for conformance checks: operations found by verb and path template compared
 * segment by segment (any placeholder matches any placeholder; a trailing slash is optional), and the query and body
 * parameter names each operation declares, through {@code $ref}, {@code allOf}, {@code oneOf} and {@code anyOf}.
 */
record OpenApiDocument(String name, JsonNode root) {

    static OpenApiDocument read(Path file) {
        try {
            return new OpenApiDocument(file.getFileName().toString(), Json.parse(Files.readAllBytes(file)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** An operation as the document declares it. */
    record Operation(OpenApiDocument document, String path, JsonNode node) {
        Set<String> queryParameters() {
            Set<String> names = new LinkedHashSet<>();
            node.path("parameters").forEach(p -> {
                JsonNode parameter = document.resolve(p);
                if ("query".equals(parameter.path("in").asString(""))) {
                    names.add(parameter.path("name").asString());
                }
            });
            return names;
        }

        /** Property names of the JSON request body (of its items, for an array body); empty when none is declared. */
        Optional<Set<String>> bodyProperties() {
            JsonNode schema = node.at("/requestBody/content/application~1json/schema");
            if (schema.isMissingNode()) {
                return Optional.empty();
            }
            JsonNode resolved = document.resolve(schema);
            JsonNode target = "array".equals(resolved.path("type").asString("")) ? resolved.path("items") : schema;
            Set<String> names = new LinkedHashSet<>();
            document.collectProperties(target, names, 0);
            return Optional.of(names);
        }
    }

    Optional<Operation> operation(String verb, String template) {
        List<String> wanted = segments(template);
        for (var path : root.path("paths").properties()) {
            JsonNode op = path.getValue().path(verb.toLowerCase(Locale.ROOT));
            if (!op.isMissingNode() && matches(wanted, segments(path.getKey()))) {
                return Optional.of(new Operation(this, path.getKey(), op));
            }
        }
        return Optional.empty();
    }

    String serverPath() {
        String url = root.at("/servers/0/url").asString("");
        return java.net.URI.create(url).getPath();
    }

    JsonNode resolve(JsonNode node) {
        JsonNode current = node;
        for (int depth = 0; current.has("$ref") && depth < 20; depth++) {
            current = root.at(current.path("$ref").asString().substring(1));
        }
        return current;
    }

    private void collectProperties(JsonNode schema, Set<String> names, int depth) {
        JsonNode resolved = resolve(schema);
        if (depth > 20) {
            return;
        }
        names.addAll(resolved.path("properties").propertyNames());
        for (String combinator : new String[] {"allOf", "oneOf", "anyOf"}) {
            resolved.path(combinator).forEach(part -> collectProperties(part, names, depth + 1));
        }
    }

    private static List<String> segments(String template) {
        List<String> segments = new ArrayList<>(List.of(template.split("/", -1)));
        segments.removeIf(String::isEmpty); // leading slash, and the trailing slash Finexio sometimes has
        return segments;
    }

    private static boolean matches(List<String> a, List<String> b) {
        if (a.size() != b.size()) {
            return false;
        }
        for (int i = 0; i < a.size(); i++) {
            boolean bothPlaceholders = a.get(i).startsWith("{") && b.get(i).startsWith("{");
            if (!bothPlaceholders && !a.get(i).equals(b.get(i))) {
                return false;
            }
        }
        return true;
    }
}
