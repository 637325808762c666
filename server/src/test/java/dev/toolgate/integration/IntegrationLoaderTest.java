package dev.toolgate.integration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class IntegrationLoaderTest {
    private final IntegrationLoader loader = new IntegrationLoader();

    static byte[] fixture(String name) throws IOException {
        try (InputStream in = IntegrationLoaderTest.class.getResourceAsStream("/fixtures/integrations/" + name)) {
            return in.readAllBytes();
        }
    }

    private List<Problem> problemsOf(String json) {
        try {
            loader.load("bad.json", json.getBytes(StandardCharsets.UTF_8));
        } catch (IntegrationDefinitionException e) {
            return e.problems();
        }
        throw new AssertionError("expected the definition to be refused");
    }

    private static String minimal(String resources) {
        return """
                {"name":"mini","label":"Mini","base_url":"https://mini.example","auth":{"type":"bearer"},
                 "pagination":{"cursor":{"style":"cursor","items":"/data","has_more":"/has_more","cursor_param":"after"}},
                 "resources":%s}""".formatted(resources);
    }

    @Test
    void load_testFixture_readsEveryPart() throws IOException {
        IntegrationDefinition testpay = loader.load("testpay.json", fixture("testpay.json"));

        assertThat(testpay.name()).isEqualTo("testpay");
        assertThat(testpay.auth()).isEqualTo(new AuthScheme.Bearer());
        assertThat(testpay.bodyEncoding()).isEqualTo(BodyEncoding.FORM);
        assertThat(testpay.idempotency()).contains(new IntegrationDefinition.Idempotency("Idempotency-Key", true));
        assertThat(testpay.resources())
                .extracting(Resource::name)
                .containsExactly("balance", "customers", "charges", "refunds", "invoices", "payouts");
        Resource customers = testpay.resource("customers").orElseThrow();
        assertThat(customers.method("merge").orElseThrow().documentation()).isEmpty();
        Method search = customers.method("search").orElseThrow();
        assertThat(search.kind()).isEqualTo(MethodKind.CUSTOM);
        assertThat(search.readOnly()).isTrue();
        assertThat(search.pagination()).containsInstanceOf(Pagination.Token.class);
        Method create = customers.method("create").orElseThrow();
        assertThat(create.sendsIdempotencyKey()).isTrue();
        assertThat(create.documentation()
                        .orElseThrow()
                        .bodySchema()
                        .at("/properties/address/required")
                        .toString())
                .isEqualTo("[\"line1\",\"country\"]");
        assertThat(create.documentation()
                        .orElseThrow()
                        .bodySchema()
                        .at("/properties/address/description")
                        .asString())
                .isEqualTo("Billing address.");
        Method delete = customers.method("delete").orElseThrow();
        assertThat(delete.destructive()).isTrue();
        assertThat(delete.idempotent()).isTrue();
        assertThat(delete.path().parameters()).containsExactly("id");
        Method bulk =
                testpay.resource("invoices").orElseThrow().method("bulk_create").orElseThrow();
        assertThat(bulk.bodyProperty()).contains("invoices");
        assertThat(bulk.bodyEncoding()).isEqualTo(BodyEncoding.JSON);
        assertThat(testpay.version()).hasSize(16);
    }

    @Test
    void load_unknownKeysAndMissingFields_reportsEveryProblemWithPointer() {
        List<Problem> problems = problemsOf("""
                {"name":"Bad-Name","base_url":"ftp://x","auth":{"type":"oauth"},"pagnation":{},
                 "resources":[{"name":"things","singular":"thing","methods":[
                   {"name":"list","http":"GET","path":"/things"},
                   {"name":"get","http":"FETCH","path":"/things/{thing}"}]}]}""");

        assertThat(problems)
                .extracting(Problem::pointer, Problem::reason)
                .contains(
                        org.assertj.core.groups.Tuple.tuple(
                                "/name", "must be snake_case ([a-z][a-z0-9_]*), got 'Bad-Name'"),
                        org.assertj.core.groups.Tuple.tuple("/label", "is required"));
        assertThat(problems).anySatisfy(p -> {
            assertThat(p.pointer()).isEqualTo("/pagnation");
            assertThat(p.reason()).startsWith("unknown key 'pagnation'");
        });
        assertThat(problems).anySatisfy(p -> assertThat(p.pointer()).isEqualTo("/base_url"));
        assertThat(problems).anySatisfy(p -> assertThat(p.pointer()).isEqualTo("/auth/type"));
        assertThat(problems).anySatisfy(p -> {
            assertThat(p.pointer()).isEqualTo("/resources/0/methods/0/pagination");
            assertThat(p.reason()).contains("a list method needs a pagination style");
        });
        assertThat(problems).anySatisfy(p -> assertThat(p.pointer()).isEqualTo("/resources/0/methods/1/http"));
        assertThat(problems).anySatisfy(p -> {
            assertThat(p.pointer()).isEqualTo("/resources/0/methods/1/path");
            assertThat(p.reason()).contains("needs an {id} placeholder");
        });
        assertThat(problems).allSatisfy(p -> assertThat(p.file()).isEqualTo("bad.json"));
    }

    @Test
    void load_unsafePathTemplates_areRefused() {
        List<Problem> problems = problemsOf(minimal("""
                [{"name":"things","singular":"thing","methods":[
                  {"name":"a","http":"GET","path":"/x/../admin"},
                  {"name":"b","http":"GET","path":"/x?debug=1"},
                  {"name":"c","http":"GET","path":"/x/pre{id}"},
                  {"name":"d","http":"GET","path":"x/y"}]}]"""));

        assertThat(problems)
                .extracting(Problem::pointer)
                .containsExactlyInAnyOrder(
                        "/resources/0/methods/0/path", "/resources/0/methods/1/path",
                        "/resources/0/methods/2/path", "/resources/0/methods/3/path");
    }

    @Test
    void load_argumentClashesAndReservedNames_areRefused() {
        List<Problem> problems = problemsOf(minimal("""
                [{"name":"things","singular":"thing","methods":[
                  {"name":"list","http":"GET","path":"/things","pagination":"cursor","documentation":{"description":"d",
                    "query_schema":{"type":"object","properties":{"limit":{"type":"integer"}}}}},
                  {"name":"update","http":"POST","path":"/things/{id}","documentation":{"description":"d",
                    "query_schema":{"type":"object","properties":{"id":{"type":"string"},"x":{"type":"string"}}},
                    "body_schema":{"type":"object","properties":{"x":{"type":"string"}}}}}]}]"""));

        assertThat(problems)
                .extracting(Problem::pointer)
                .containsExactlyInAnyOrder(
                        "/resources/0/methods/0/documentation/query_schema/properties/limit",
                        "/resources/0/methods/1/documentation/query_schema/properties/id",
                        "/resources/0/methods/1/documentation/body_schema/properties/x");
        assertThat(problems.get(0).reason()).contains("clashes with the gateway's page size argument");
    }

    @Test
    void load_invalidJsonSchemaAndDanglingRef_areRefused() {
        List<Problem> problems = problemsOf(minimal("""
                [{"name":"things","singular":"thing","methods":[
                  {"name":"create","http":"POST","path":"/things","documentation":{"description":"d",
                    "body_schema":{"type":"object","properties":{"n":{"type":"integer","minimum":"zero"},
                                                                 "a":{"$ref":"#/schemas/Nope"}}}}}]}]"""));

        assertThat(problems).anySatisfy(p -> {
            assertThat(p.pointer()).startsWith("/resources/0/methods/0/documentation/body_schema");
            assertThat(p.reason()).startsWith("not valid JSON Schema 2020-12");
        });
        assertThat(problems).anySatisfy(p -> {
            assertThat(p.pointer()).isEqualTo("/resources/0/methods/0/documentation/body_schema/properties/a/$ref");
            assertThat(p.reason()).contains("no shared schema named 'Nope'");
        });
    }

    @Test
    void load_requiredWithoutPropertyOrOpenTopLevel_isRefused() {
        List<Problem> problems = problemsOf(minimal("""
                [{"name":"things","singular":"thing","methods":[
                  {"name":"create","http":"POST","path":"/things","documentation":{"description":"d",
                    "body_schema":{"type":"object","properties":{"a":{"type":"string"}},"required":["a","b"],
                                   "additionalProperties":{"type":"string"}}}}]}]"""));

        assertThat(problems)
                .extracting(Problem::pointer, Problem::reason)
                .containsExactlyInAnyOrder(
                        org.assertj.core.groups.Tuple.tuple(
                                "/resources/0/methods/0/documentation/body_schema/required/1",
                                "'b' is required but not declared under properties"),
                        org.assertj.core.groups.Tuple.tuple(
                                "/resources/0/methods/0/documentation/body_schema",
                                "top-level arguments must be declared under properties; for free-form maps use a property of"
                                        + " type object (e.g. metadata)"));
    }

    @Test
    void load_invalidNestedSchema_pointsAtTheNestedKeyword() {
        List<Problem> problems = problemsOf(minimal("""
                [{"name":"things","singular":"thing","methods":[
                  {"name":"create","http":"POST","path":"/things","documentation":{"description":"d",
                    "body_schema":{"type":"object","properties":{"a.b":{"type":"string","maxLength":-1}}}}}]}]"""));

        assertThat(problems)
                .anySatisfy(p -> assertThat(p.pointer())
                        .isEqualTo("/resources/0/methods/0/documentation/body_schema/properties/a.b/maxLength"));
    }

    @Test
    void load_gatewayOwnedOrUnsafeHeaders_areRefused() {
        List<Problem> problems = problemsOf("""
                {"name":"mini","label":"Mini","base_url":"https://mini.example",
                 "auth":{"type":"api_key_header","header":"API-Key","prefix":"Key\\r\\nX-Evil: 1 "},
                 "headers":{"Connection":"close","Proxy-Authorization":"x","X-Version":"1\\r\\nX-Evil: 1"},
                 "resources":[{"name":"things","singular":"thing","methods":[
                   {"name":"get","http":"GET","path":"/things/{id}","documentation":{"description":"d"}}]}]}""");

        assertThat(problems)
                .extracting(Problem::pointer)
                .containsExactlyInAnyOrder(
                        "/auth/prefix", "/headers/Connection", "/headers/Proxy-Authorization", "/headers/X-Version");
    }

    @Test
    void load_idempotencyByDefault_onlyOnPostAndPatchWrites() throws IOException {
        IntegrationDefinition testpay = loader.load("testpay.json", fixture("testpay.json"));
        Resource customers = testpay.resource("customers").orElseThrow();

        assertThat(customers.method("create").orElseThrow().sendsIdempotencyKey())
                .isTrue();
        assertThat(customers.method("update").orElseThrow().sendsIdempotencyKey())
                .isTrue();
        assertThat(customers.method("delete").orElseThrow().sendsIdempotencyKey())
                .isFalse();
        assertThat(customers.method("get").orElseThrow().sendsIdempotencyKey()).isFalse();
    }

    @Test
    void load_malformedJson_namesTheFile() {
        assertThatThrownBy(() -> loader.load("broken.json", "{\"name\": ".getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(IntegrationDefinitionException.class)
                .hasMessageContaining("broken.json#: not valid JSON");
    }

    @Test
    void loadDirectory_readsYamlAndJson_andReportsProblemsOfAllFiles(@TempDir Path dir) throws IOException {
        Files.write(dir.resolve("testpay.json"), fixture("testpay.json"));
        Files.writeString(dir.resolve("mini.yaml"), """
                name: mini
                label: Mini
                base_url: https://mini.example
                auth: {type: api_key_header, header: API-Key}
                resources:
                  - name: things
                    singular: thing
                    methods:
                      - {name: get, http: GET, path: "/things/{id}", documentation: {description: One thing.}}
                """);
        assertThat(loader.loadDirectory(dir))
                .extracting(IntegrationDefinition::name)
                .containsExactly("mini", "testpay");

        Files.writeString(dir.resolve("z1.json"), "{}");
        Files.writeString(dir.resolve("z2.yml"), "name: [");
        assertThatThrownBy(() -> loader.loadDirectory(dir))
                .isInstanceOfSatisfying(
                        IntegrationDefinitionException.class,
                        e -> assertThat(e.problems()).extracting(Problem::file).contains("z1.json", "z2.yml"));
    }
}
