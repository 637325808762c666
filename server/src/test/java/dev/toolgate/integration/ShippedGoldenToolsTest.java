package dev.toolgate.integration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import dev.toolgate.support.Json;
import dev.toolgate.tools.Tool;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.core.util.DefaultIndenter;
import tools.jackson.core.util.DefaultPrettyPrinter;
import tools.jackson.core.util.Separators;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The full {@code tools/list} content of each shipped integration, compared with its golden file
 * {@code src/test/resources/fixtures/tools/<name>.tools.json} (the pattern of the tools package's GoldenToolsTest):
 * what a model sees, reviewed by eye when it changes. Run with {@code -Dgolden.update=true} to rewrite the files; the
 * run then fails on purpose so a build never passes with the flag left on.
 */
class ShippedGoldenToolsTest {
    /** Paging arguments belong to the gateway; a definition declaring its own would fight with them. */
    private static final Set<String> UPSTREAM_PAGING = Set.of("offset", "page", "limit", "next_cursor");

    @ParameterizedTest
    @ValueSource(strings = {"plastiq", "finexio"})
    void generate_shipped_matchesGoldenToolsList(String integration) throws IOException {
        Path golden = Path.of("src/test/resources/fixtures/tools/" + integration + ".tools.json");
        JsonNode actual = toolsList(ShippedDefinitions.tools(integration));
        if (Boolean.getBoolean("golden.update")) {
            Files.createDirectories(golden.getParent());
            Files.writeString(golden, pretty(actual), StandardCharsets.UTF_8);
            fail("wrote " + golden.toAbsolutePath() + "; review it, then re-run without -Dgolden.update=true");
        }
        JsonNode expected = Json.parse(Files.readAllBytes(golden));
        if (!actual.equals(expected)) {
            assertThat(pretty(actual))
                    .as("generated tools differ from " + golden + " (update: -Dgolden.update=true)")
                    .isEqualTo(pretty(expected));
            fail("generated tools differ from " + golden + " only in key order");
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"plastiq", "finexio"})
    void generate_shipped_everyInputSchemaIsValidJsonSchema2020(String integration) {
        Problems problems = new Problems(integration + ".json");
        for (Tool tool : ShippedDefinitions.tools(integration)) {
            SchemaChecker.check(tool.inputSchema(), "/tools/" + tool.name() + "/inputSchema", problems);
        }
        assertThat(problems.isEmpty())
                .as(() -> {
                    try {
                        problems.throwIfAny();
                        return "";
                    } catch (IntegrationDefinitionException e) {
                        return e.getMessage();
                    }
                })
                .isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"plastiq", "finexio"})
    void generate_shipped_declaresNoPagingArgumentsOfItsOwn(String integration) {
        for (Tool tool : ShippedDefinitions.tools(integration)) {
            List<String> declared =
                    tool
                            .method()
                            .documentation()
                            .orElseThrow()
                            .querySchema()
                            .path("properties")
                            .propertyNames()
                            .stream()
                            .toList();
            assertThat(declared).as(tool.name()).doesNotContainAnyElementsOf(UPSTREAM_PAGING);
            assertThat(tool.inputSchema().path("properties").propertyNames())
                    .as(tool.name())
                    .allSatisfy(name -> assertThat(tool.inputSchema()
                                    .at("/properties/" + name + "/description")
                                    .asString(""))
                            .as(tool.name() + "." + name)
                            .isNotBlank());
        }
    }

    private static ArrayNode toolsList(List<Tool> tools) {
        ArrayNode list = Json.array();
        for (Tool tool : tools) {
            ObjectNode entry = list.addObject();
            entry.put("name", tool.name());
            entry.put("title", tool.title());
            entry.put("description", tool.description());
            entry.set("inputSchema", tool.inputSchema());
            entry.set("annotations", Json.toTree(tool.annotations()));
        }
        return list;
    }

    private static String pretty(JsonNode node) {
        DefaultIndenter indenter = new DefaultIndenter("  ", "\n");
        DefaultPrettyPrinter printer = new DefaultPrettyPrinter(Separators.createDefaultInstance()
                        .withObjectNameValueSpacing(Separators.Spacing.AFTER)
                        .withObjectEmptySeparator("")
                        .withArrayEmptySeparator(""))
                .withObjectIndenter(indenter)
                .withArrayIndenter(indenter);
        return Json.MAPPER.writer().with(printer).writeValueAsString(node) + "\n";
    }
}
