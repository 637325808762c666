package dev.toolgate.integration;

import static org.assertj.core.api.Assertions.assertThat;

import dev.toolgate.integration.OpenApiDocument.Operation;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * Every method of the shipped finexio.json exists in Finexio's published OpenAPI documents
 * ({@code shared/upstreams/finexio/v0.0.json}, the most complete, else {@code v2.0.json}) with the same verb and path
 * (placeholder names may differ, a trailing slash may too), and every query and body argument it declares is one the
 * document declares for that operation. Skipped when shared/ is absent (see {@link SharedDocuments}).
 */
class FinexioOpenApiConformanceTest {
    /**
     * Arguments the definition sends although the published document does not declare them for that operation,
     * each with the reason it is right anyway. Keyed "VERB path argument". Empty today: every argument is declared.
     */
    private static final Map<String, String> NOT_IN_DOCUMENT = Map.of();

    private static List<OpenApiDocument> documents;

    @BeforeAll
    static void readDocuments() {
        documents = List.of(
                OpenApiDocument.read(SharedDocuments.require("upstreams/finexio/v0.0.json")),
                OpenApiDocument.read(SharedDocuments.require("upstreams/finexio/v2.0.json")));
    }

    @Test
    void everyMethod_existsInTheDocumentWithItsVerbAndPath() {
        List<String> missing = new ArrayList<>();
        forEachMethod((where, method) -> {
            if (operation(method).isEmpty()) {
                missing.add(
                        where + ": " + method.httpMethod() + " " + method.path().template());
            }
        });
        assertThat(missing).as("methods the published documents do not have").isEmpty();
    }

    @Test
    void everyDeclaredArgument_isAParameterOfThatOperation() {
        List<String> unknown = new ArrayList<>();
        List<String> checked = new ArrayList<>();
        forEachMethod((where, method) -> operation(method).ifPresent(op -> {
            Documentation doc = method.documentation().orElseThrow();
            for (String name : doc.querySchema().path("properties").propertyNames()) {
                check(op.queryParameters(), method, name, where + " query", unknown);
                checked.add(name);
            }
            Optional<Set<String>> declared = op.bodyProperties();
            for (String name : bodyProperties(doc.bodySchema())) {
                assertThat(declared)
                        .as(where + ": the document declares no JSON body to check " + name)
                        .isPresent();
                check(declared.get(), method, name, where + " body", unknown);
                checked.add(name);
            }
        }));
        assertThat(checked).as("arguments checked").hasSizeGreaterThan(80);
        assertThat(unknown)
                .as("arguments the published document does not declare (allow-list them with a reason"
                        + " only if they are right anyway)")
                .isEmpty();
    }

    @Test
    void baseUrl_hasTheDocumentsServerPath() {
        assertThat(ShippedDefinitions.load("finexio").baseUrl().getPath())
                .isEqualTo(documents.get(0).serverPath());
    }

    /**
     * A known gap, checked so that it is noticed when Finexio's document changes: the document gives GET /webhooks/ a
     * server override at the bare host (no /v2), but a definition has one base URL for all methods, so the shipped
     * definition calls {@code <base>/webhooks/}. The sandbox answers webhooks under both paths.
     */
    @Test
    void webhooks_documentOverridesTheBasePath_knownGapOfTheDefinitionModel() {
        Operation list = documents.get(0).operation("GET", "/webhooks/").orElseThrow();

        assertThat(list.node().at("/servers/0/url").asString()).doesNotEndWith("/v2");
    }

    private void check(Set<String> declared, Method method, String name, String where, List<String> unknown) {
        String key = method.httpMethod() + " " + method.path().template() + " " + name;
        if (!declared.contains(name) && !NOT_IN_DOCUMENT.containsKey(key)) {
            unknown.add(where + ": " + key + " (document declares " + new TreeSet<>(declared) + ")");
        }
    }

    private static Optional<Operation> operation(Method method) {
        return documents.stream()
                .map(d -> d.operation(method.httpMethod(), method.path().template()))
                .flatMap(Optional::stream)
                .findFirst();
    }

    private static void forEachMethod(java.util.function.BiConsumer<String, Method> action) {
        for (Resource resource : ShippedDefinitions.load("finexio").resources()) {
            resource.methods().forEach(m -> action.accept(resource.name() + "." + m.name(), m));
        }
    }

    /** Body argument names of a documentation body schema (its items' properties for an array body). */
    private static Set<String> bodyProperties(JsonNode body) {
        JsonNode target = "array".equals(body.path("type").asString("")) ? body.path("items") : body;
        return new TreeSet<>(target.path("properties").propertyNames());
    }
}
