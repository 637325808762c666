package dev.toolgate.integration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import dev.toolgate.support.Json;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * Every method of the shipped {@code stripe} definition against Stripe's official OpenAPI document (API 2023-08-16):
 * the verb and path exist, and every path, query and body argument the definition declares (nested properties and
 * enum values included) exists for that operation, so the gateway never sends Stripe a parameter it does not take.
 * Arguments Stripe requires must be declared and required.
 *
 * <p>The document sits in the shared workspace ({@code upstreams/stripe/spec3.2023-09-12.json}), found through the
 * system property {@code toolgate.shared.dir}, the environment variable {@code TOOLGATE_SHARED_DIR}, or
 * {@code ../shared} and {@code ../../shared} from the working directory. Without it the test is skipped, unless
 * {@code TOOLGATE_REQUIRE_SHARED=1} (as in CI), which makes it fail.
 */
class StripeOpenApiConformanceTest {
    private static final String DOCUMENT = "upstreams/stripe/spec3.2023-09-12.json";
    /** Paging arguments the gateway owns; Stripe's list endpoints all take them, definitions never declare them. */
    private static final Set<String> PAGING = Set.of("limit", "starting_after", "ending_before", "page");

    private static OpenApiOperations openApi;
    private static IntegrationDefinition stripe;

    @BeforeAll
    static void load() throws IOException {
        Optional<Path> document = locate();
        if (document.isEmpty()) {
            String message = "Stripe OpenAPI document not found at " + candidates() + "; set TOOLGATE_SHARED_DIR";
            if ("1".equals(System.getenv("TOOLGATE_REQUIRE_SHARED"))) {
                fail(message + " (TOOLGATE_REQUIRE_SHARED=1 makes this a failure)");
            }
            Assumptions.abort(message);
        }
        openApi = new OpenApiOperations(Json.parse(Files.readAllBytes(document.get())));
        stripe = StripeDefinitionTest.stripe();
    }

    @Test
    void everyMethod_existsInTheOfficialDocumentWithItsArguments() {
        List<String> problems = new ArrayList<>();
        for (Resource resource : stripe.resources()) {
            for (Method method : resource.methods()) {
                problems.addAll(check(resource.name() + "." + method.name(), method));
            }
        }
        assertThat(problems)
                .as("definition arguments missing from the official document")
                .isEmpty();
    }

    private static List<String> check(String where, Method method) {
        List<String> problems = new ArrayList<>();
        var found = openApi.find(method.httpMethod(), method.path());
        if (found.isEmpty()) {
            return List.of(
                    where + ": " + method.httpMethod() + " " + method.path().template() + " is not in the document");
        }
        var operation = found.get();
        String at = where + " (" + method.httpMethod() + " " + operation.path() + ")";
        List<String> ours = method.path().parameters();
        for (int i = 0; i < ours.size(); i++) {
            if (!ours.get(i).equals("id")
                    && !ours.get(i).equals(operation.placeholders().get(i))) {
                problems.add(at + ": placeholder {" + ours.get(i) + "} is {"
                        + operation.placeholders().get(i) + "} in the document");
            }
        }
        Documentation doc = method.documentation().orElseThrow();
        JsonNode form = openApi.formBody(operation);
        for (var argument : doc.querySchema().path("properties").properties()) {
            // Stripe's clients send DELETE parameters in the query string; the document lists them as a form body.
            Optional<JsonNode> spec = openApi.queryParameter(operation, argument.getKey())
                    .or(() -> method.httpMethod().equals("DELETE")
                            ? property(form, argument.getKey())
                            : Optional.empty());
            compare(at + " query " + argument.getKey(), argument.getValue(), spec, problems);
        }
        for (var argument : doc.bodySchema().path("properties").properties()) {
            compare(
                    at + " body " + argument.getKey(),
                    argument.getValue(),
                    property(form, argument.getKey()),
                    problems);
        }
        problems.addAll(requiredDeclared(at, operation, form, doc));
        return problems;
    }

    private static List<String> requiredDeclared(
            String at, OpenApiOperations.Operation operation, JsonNode form, Documentation doc) {
        List<String> problems = new ArrayList<>();
        Set<String> required = new TreeSet<>(openApi.requiredQuery(operation));
        form.path("required").forEach(n -> required.add(n.asString()));
        required.removeAll(PAGING);
        Set<String> ours = new TreeSet<>();
        Stream.of(doc.querySchema(), doc.bodySchema())
                .forEach(s -> s.path("required").forEach(n -> ours.add(n.asString())));
        for (String name : required) {
            if (!ours.contains(name)) {
                problems.add(
                        at + ": the document requires '" + name + "', the definition does not declare it required");
            }
        }
        return problems;
    }

    private static Optional<JsonNode> property(JsonNode schema, String name) {
        for (JsonNode alternative : openApi.alternatives(schema)) {
            if (alternative.path("properties").has(name)) {
                return Optional.of(alternative.path("properties").path(name));
            }
        }
        return Optional.empty();
    }

    /** Checks one declared argument against the document's schema for it, recursing into objects and arrays. */
    private static void compare(String at, JsonNode ours, Optional<JsonNode> theirs, List<String> problems) {
        if (theirs.isEmpty()) {
            problems.add(at + ": not a parameter of this operation in the document");
            return;
        }
        List<JsonNode> alternatives = openApi.alternatives(theirs.get());
        Set<String> enumValues = new TreeSet<>();
        alternatives.forEach(a -> a.path("enum").forEach(v -> enumValues.add(v.asString())));
        boolean typedAsString =
                alternatives.stream().anyMatch(a -> a.path("type").asString().equals("string") && !a.has("enum"));
        for (JsonNode value : ours.path("enum")) {
            if (!typedAsString && !enumValues.isEmpty() && !enumValues.contains(value.asString())) {
                problems.add(at + ": enum value '" + value.asString() + "' is not one of " + enumValues);
            }
        }
        for (var nested : ours.path("properties").properties()) {
            Optional<JsonNode> match = alternatives.stream()
                    .filter(a -> a.path("properties").has(nested.getKey()))
                    .map(a -> a.path("properties").path(nested.getKey()))
                    .findFirst();
            compare(at + "." + nested.getKey(), nested.getValue(), match, problems);
        }
        if (ours.has("items") && ours.path("items").has("properties")) {
            Optional<JsonNode> items = alternatives.stream()
                    .filter(a -> a.has("items"))
                    .map(a -> a.path("items"))
                    .findFirst();
            compare(at + "[]", ours.path("items"), items, problems);
        }
    }

    private static Optional<Path> locate() {
        return candidates().stream()
                .map(dir -> dir.resolve(DOCUMENT))
                .filter(Files::isRegularFile)
                .findFirst();
    }

    private static List<Path> candidates() {
        List<Path> dirs = new ArrayList<>();
        Optional.ofNullable(System.getProperty("toolgate.shared.dir"))
                .filter(s -> !s.isBlank())
                .map(Path::of)
                .ifPresent(dirs::add);
        Optional.ofNullable(System.getenv("TOOLGATE_SHARED_DIR"))
                .filter(s -> !s.isBlank())
                .map(Path::of)
                .ifPresent(dirs::add);
        dirs.add(Path.of("../shared"));
        dirs.add(Path.of("../../shared"));
        return dirs.stream().map(p -> p.toAbsolutePath().normalize()).toList();
    }
}
