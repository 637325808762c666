package dev.toolgate.tools;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import dev.toolgate.integration.IntegrationDefinition;
import dev.toolgate.integration.IntegrationLoader;
import dev.toolgate.support.Json;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import tools.jackson.core.util.DefaultIndenter;
import tools.jackson.core.util.DefaultPrettyPrinter;
import tools.jackson.core.util.Separators;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The tools generated from the shipped {@code stripe} definition: the golden {@code tools/list} in
 * {@code src/test/resources/fixtures/tools/stripe.tools.json} (regenerate with {@code -Dgolden.update=true}, which
 * writes the file and fails on purpose, as in {@link GoldenToolsTest}), the names the seed workflows call, and
 * schemas that are valid JSON Schema 2020-12 and accept the workflows' arguments.
 */
class StripeToolsTest {
    private static final Path GOLDEN = Path.of("src/test/resources/fixtures/tools/stripe.tools.json");
    private static final Schema META_SCHEMA = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12)
            .getSchema(SchemaLocation.of(SpecificationVersion.DRAFT_2020_12.getDialectId()));

    private final List<Tool> tools = new ToolGenerator().generate(stripe());
    private final Map<String, Tool> byName = tools.stream().collect(Collectors.toMap(Tool::name, Function.identity()));

    static IntegrationDefinition stripe() {
        return new IntegrationLoader()
                .loadShipped().stream()
                        .filter(d -> d.name().equals("stripe"))
                        .findFirst()
                        .orElseThrow();
    }

    @Test
    void generate_stripe_matchesGoldenToolsList() throws IOException {
        ArrayNode actual = Json.array();
        for (Tool tool : tools) {
            ObjectNode entry = actual.addObject();
            entry.put("name", tool.name());
            entry.put("title", tool.title());
            entry.put("description", tool.description());
            entry.set("inputSchema", tool.inputSchema());
            entry.set("annotations", Json.toTree(tool.annotations()));
        }
        if (Boolean.getBoolean("golden.update")) {
            Files.createDirectories(GOLDEN.getParent());
            Files.writeString(GOLDEN, pretty(actual), StandardCharsets.UTF_8);
            fail("wrote " + GOLDEN.toAbsolutePath() + "; review it, then re-run without -Dgolden.update=true");
        }
        JsonNode expected = Json.parse(Files.readAllBytes(GOLDEN));
        if (!actual.equals(expected)) {
            assertThat(pretty(actual))
                    .as("generated tools differ from " + GOLDEN + " (update: -Dgolden.update=true)")
                    .isEqualTo(pretty(expected));
            fail("generated tools differ from " + GOLDEN + " only in key order");
        }
    }

    @Test
    void generate_stripe_hasTheToolsTheSeedWorkflowsCall() {
        assertThat(byName)
                .containsKeys(
                        "get_single_stripe_balance_by_id",
                        "list_all_stripe_customers",
                        "list_all_stripe_customer_subscriptions",
                        "get_single_stripe_charge_by_id",
                        "get_single_stripe_payment_intent_by_id",
                        "get_single_stripe_customer_by_id",
                        "list_all_stripe_disputes",
                        "list_all_stripe_charges",
                        "create_a_stripe_refund",
                        "stripe_customers_search",
                        "delete_a_stripe_customer_by_id",
                        "stripe_subscriptions_cancel",
                        "stripe_invoices_void");
        assertThat(byName.get("get_single_stripe_balance_by_id")
                        .inputSchema()
                        .path("properties")
                        .propertyNames())
                .isEmpty();
        assertThat(required("list_all_stripe_customer_subscriptions")).containsExactly("customer");
        assertThat(required("create_a_stripe_refund")).containsExactly("charge");
        assertThat(required("stripe_customers_search")).containsExactly("query");
    }

    @Test
    void generate_stripe_annotatesMoneyMovesAsDestructiveAndReadsAsReadOnly() {
        assertThat(byName.get("create_a_stripe_refund").annotations().destructiveHint())
                .isTrue();
        assertThat(byName.get("stripe_payment_intents_capture").annotations().destructiveHint())
                .isTrue();
        assertThat(byName.get("stripe_invoices_pay").annotations().destructiveHint())
                .isTrue();
        assertThat(byName.get("stripe_customers_search").annotations().readOnlyHint())
                .isTrue();
        assertThat(byName.get("list_all_stripe_disputes").annotations().readOnlyHint())
                .isTrue();
        assertThat(byName.get("update_a_stripe_customer_by_id").annotations().destructiveHint())
                .isFalse();
    }

    @Test
    void generate_stripe_everyInputSchemaIsValidJsonSchema2020() {
        for (Tool tool : tools) {
            List<Error> errors = META_SCHEMA.validate(tool.inputSchema());
            assertThat(errors).as(tool.name()).isEmpty();
            assertThat(tool.inputSchema().path("properties").properties())
                    .as(tool.name() + ": every argument is described")
                    .allMatch(
                            e -> !e.getValue().path("description").asString("").isBlank());
        }
    }

    @Test
    void validate_seedWorkflowArguments_acceptedAndMistakesRefused() {
        ArgumentValidator validator = new ArgumentValidator();
        assertThat(validator.validate(
                        byName.get("create_a_stripe_refund"),
                        Json.parse("{\"charge\":\"ch_SeedJane3\",\"amount\":1500}")))
                .isEmpty();
        assertThat(validator.validate(
                        byName.get("create_a_stripe_refund"), Json.parse("{\"charge\":\"pi_SeedJane3\"}")))
                .isNotEmpty();
        assertThat(validator.validate(
                        byName.get("list_all_stripe_customers"),
                        Json.parse("{\"email\":\"jane@example.com\",\"limit\":5}")))
                .isEmpty();
        assertThat(validator.validate(
                        byName.get("stripe_customers_search"),
                        Json.parse("{\"query\":\"metadata[\\\"order_id\\\"]:\\\"123\\\"\"}")))
                .isEmpty();
        assertThat(validator.validate(
                        byName.get("list_all_stripe_charges"),
                        Json.parse("{\"customer\":\"cus_SeedJane\",\"expand\":[\"data.customer\"],"
                                + "\"created\":{\"gte\":1700000000}}")))
                .isEmpty();
        assertThat(validator.validate(
                        byName.get("create_a_stripe_customer"),
                        Json.parse("{\"email\":\"a@example.com\",\"metadata\":{\"order_id\":\"1\"},"
                                + "\"address\":{\"line1\":\"1 Main St\",\"country\":\"US\"}}")))
                .isEmpty();
        assertThat(validator.validate(
                        byName.get("create_a_stripe_payment_intent"),
                        Json.parse("{\"amount\":1999,\"currency\":\"USD\"}")))
                .isNotEmpty();
    }

    private List<String> required(String tool) {
        return byName.get(tool)
                .inputSchema()
                .path("required")
                .valueStream()
                .map(JsonNode::asString)
                .toList();
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
