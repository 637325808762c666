package dev.toolgate.tools;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import dev.toolgate.support.Json;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import tools.jackson.core.util.DefaultIndenter;
import tools.jackson.core.util.DefaultPrettyPrinter;
import tools.jackson.core.util.Separators;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The full {@code tools/list} content generated for the testpay fixture, compared structurally with the golden file
 * {@code src/test/resources/fixtures/tools/testpay.tools.json}: what a model sees, reviewed by eye when it changes.
 *
 * <p>To regenerate the golden file after an intended change, run this test with {@code -Dgolden.update=true}: it
 * writes the file and then fails on purpose, so that a build with the flag left on never passes; review the diff, then
 * re-run without the flag.
 */
class GoldenToolsTest {
    private static final Path GOLDEN = Path.of("src/test/resources/fixtures/tools/testpay.tools.json");

    @Test
    void generate_testpay_matchesGoldenToolsList() throws IOException {
        JsonNode actual = toolsList();
        if (Boolean.getBoolean("golden.update")) {
            Files.createDirectories(GOLDEN.getParent());
            Files.writeString(GOLDEN, pretty(actual), StandardCharsets.UTF_8);
            fail("wrote " + GOLDEN.toAbsolutePath() + "; review it, then re-run without -Dgolden.update=true");
        }
        JsonNode expected = Json.parse(Files.readAllBytes(GOLDEN));
        if (!actual.equals(expected)) {
            // Structural comparison failed: show a text diff of both, pretty-printed the same way.
            assertThat(pretty(actual))
                    .as("generated tools differ from " + GOLDEN + " (update: -Dgolden.update=true)")
                    .isEqualTo(pretty(expected));
            fail("generated tools differ from " + GOLDEN + " only in key order");
        }
    }

    /** What {@code tools/list} shows per tool: name, title, description, inputSchema, annotations. */
    static ArrayNode toolsList() {
        ArrayNode list = Json.array();
        for (Tool tool : new ToolGenerator().generate(Definitions.testpay())) {
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
