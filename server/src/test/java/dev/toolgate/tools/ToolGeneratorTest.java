package dev.toolgate.tools;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.networknt.schema.Schema;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import dev.toolgate.integration.IntegrationDefinition;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

class ToolGeneratorTest {
    private final ToolGenerator generator = new ToolGenerator();
    private final IntegrationDefinition testpay = Definitions.testpay();
    private final Map<String, Tool> tools =
            generator.generate(testpay).stream().collect(Collectors.toMap(Tool::name, Function.identity()));

    private Tool tool(String name) {
        assertThat(tools).containsKey(name);
        return tools.get(name);
    }

    private static List<String> required(Tool tool) {
        return tool.inputSchema()
                .path("required")
                .valueStream()
                .map(JsonNode::asString)
                .toList();
    }

    @Test
    void generate_testpay_namesEveryDocumentedMethodInFileOrder() {
        assertThat(generator.generate(testpay))
                .extracting(Tool::name)
                .containsExactly(
                        "get_single_testpay_balance_by_id",
                        "list_all_testpay_customers",
                        "get_single_testpay_customer_by_id",
                        "create_a_testpay_customer",
                        "update_a_testpay_customer_by_id",
                        "delete_a_testpay_customer_by_id",
                        "testpay_customers_search",
                        "list_all_testpay_charges",
                        "get_single_testpay_charge_by_id",
                        "testpay_charges_capture",
                        "create_a_testpay_refund",
                        "list_all_testpay_refunds",
                        "list_all_testpay_invoices",
                        "testpay_invoices_bulk_create",
                        "list_all_testpay_payouts");
    }

    @Test
    void generate_undocumentedMethod_producesNoTool() {
        assertThat(tools.keySet()).noneMatch(name -> name.contains("merge"));
    }

    @Test
    void generate_byIdKinds_requireIdWithDescription() {
        for (String name : List.of(
                "get_single_testpay_customer_by_id",
                "update_a_testpay_customer_by_id",
                "delete_a_testpay_customer_by_id",
                "get_single_testpay_charge_by_id",
                "testpay_charges_capture")) {
            assertThat(required(tool(name))).as(name).contains("id");
            JsonNode id = tool(name).inputSchema().path("properties").path("id");
            assertThat(id.path("type").asString()).isEqualTo("string");
            assertThat(id.path("minLength").asInt()).isEqualTo(1);
            assertThat(id.path("description").asString()).isNotBlank();
        }
        assertThat(tool("get_single_testpay_customer_by_id")
                        .inputSchema()
                        .at("/properties/id/description")
                        .asString())
                .isEqualTo("Customer id, e.g. cus_123.");
        assertThat(tool("delete_a_testpay_customer_by_id")
                        .inputSchema()
                        .at("/properties/id/description")
                        .asString())
                .isEqualTo("The id of the customer.");
    }

    @Test
    void generate_singletonGet_takesNoArguments() {
        Tool balance = tool("get_single_testpay_balance_by_id");

        assertThat(balance.inputSchema().path("properties").isEmpty()).isTrue();
        assertThat(balance.inputSchema().has("required")).isFalse();
        assertThat(balance.inputSchema().path("additionalProperties").asBoolean(true))
                .isFalse();
    }

    @Test
    void generate_paginatedMethods_getLimitAndNextCursorOnly() {
        for (Tool tool : tools.values()) {
            boolean paginated = tool.method().isPaginated();
            assertThat(tool.inputSchema().path("properties").has("limit"))
                    .as(tool.name())
                    .isEqualTo(paginated);
            assertThat(tool.inputSchema().path("properties").has("next_cursor"))
                    .as(tool.name())
                    .isEqualTo(paginated);
            assertThat(tool.description().contains("next_cursor"))
                    .as(tool.name())
                    .isEqualTo(paginated);
        }
        assertThat(tool("testpay_customers_search")
                        .inputSchema()
                        .at("/properties/limit/maximum")
                        .asInt())
                .isEqualTo(100);
        assertThat(tool("list_all_testpay_payouts")
                        .inputSchema()
                        .at("/properties/limit")
                        .has("maximum"))
                .isFalse();
        assertThat(required(tool("list_all_testpay_customers"))).isEmpty();
    }

    @Test
    void generate_arrayBody_isOneRequiredArgumentNextToHeaderArgument() {
        Tool bulk = tool("testpay_invoices_bulk_create");

        assertThat(bulk.inputSchema().path("properties").propertyNames())
                .containsExactly("TestPay_Account", "invoices");
        assertThat(bulk.inputSchema().at("/properties/invoices/type").asString())
                .isEqualTo("array");
        assertThat(bulk.inputSchema().at("/properties/invoices/maxItems").asInt())
                .isEqualTo(5);
        assertThat(required(bulk)).containsExactly("invoices");
    }

    @Test
    void generate_mergedSchema_keepsOrderRequiredAndNestedSchemas() {
        Tool create = tool("create_a_testpay_customer");

        assertThat(create.inputSchema().path("properties").propertyNames())
                .containsExactly("email", "name", "address", "metadata");
        assertThat(required(create)).containsExactly("email");
        assertThat(create.inputSchema().at("/properties/address/required").toString())
                .isEqualTo("[\"line1\",\"country\"]");
        assertThat(required(tool("testpay_customers_search"))).containsExactly("query");
        assertThat(required(tool("update_a_testpay_customer_by_id"))).containsExactly("id");
    }

    @Test
    void generate_everyArgument_hasDescription() {
        for (Tool tool : tools.values()) {
            tool.inputSchema()
                    .path("properties")
                    .properties()
                    .forEach(e -> assertThat(e.getValue().path("description").asString(""))
                            .as(tool.name() + " " + e.getKey())
                            .isNotBlank());
        }
    }

    @Test
    void generate_annotations_followMethodKind() {
        assertThat(tool("delete_a_testpay_customer_by_id").annotations())
                .isEqualTo(new ToolAnnotations("Delete a TestPay customer", false, true, true, true));
        assertThat(tool("create_a_testpay_refund").annotations())
                .isEqualTo(new ToolAnnotations("Create a TestPay refund", false, true, false, true));
        assertThat(tool("testpay_customers_search").annotations())
                .isEqualTo(new ToolAnnotations("TestPay customers: search", true, false, true, true));
        assertThat(tool("list_all_testpay_customers").annotations())
                .isEqualTo(new ToolAnnotations("List all TestPay customers", true, false, true, true));
        assertThat(tool("update_a_testpay_customer_by_id").annotations())
                .isEqualTo(new ToolAnnotations("Update a TestPay customer", false, false, false, true));
        assertThat(tool("testpay_invoices_bulk_create").annotations().destructiveHint())
                .isTrue();
        assertThat(tool("get_single_testpay_customer_by_id").title()).isEqualTo("Get a TestPay customer");
    }

    @Test
    void generate_tool_carriesResourceTagsAndMethod() {
        Tool refund = tool("create_a_testpay_refund");

        assertThat(refund.tags()).containsExactly("payments", "refunds");
        assertThat(refund.integration()).isEqualTo("testpay");
        assertThat(refund.resource()).isEqualTo("refunds");
        assertThat(refund.method())
                .isSameAs(testpay.resource("refunds")
                        .orElseThrow()
                        .method("create")
                        .orElseThrow());
    }

    @Test
    void generate_everyInputSchema_isValidJsonSchema2020() {
        Schema metaSchema = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12)
                .getSchema(SchemaLocation.of(SpecificationVersion.DRAFT_2020_12.getDialectId()));
        for (Tool tool : tools.values()) {
            assertThat(metaSchema.validate(tool.inputSchema())).as(tool.name()).isEmpty();
        }
    }

    @Test
    void generate_toolSchemas_areCopiesOfTheDefinition() {
        String before = testpay.resource("customers")
                .orElseThrow()
                .method("create")
                .orElseThrow()
                .documentation()
                .orElseThrow()
                .bodySchema()
                .toString();

        tool("create_a_testpay_customer")
                .inputSchema()
                .withObject("/properties/address")
                .put("type", "MUTATED");

        assertThat(testpay.resource("customers")
                        .orElseThrow()
                        .method("create")
                        .orElseThrow()
                        .documentation()
                        .orElseThrow()
                        .bodySchema()
                        .toString())
                .isEqualTo(before);
        assertThat(generator.generate(testpay))
                .extracting(Tool::inputSchema)
                .doesNotContainNull()
                .allSatisfy(schema -> assertThat(schema.toString()).doesNotContain("MUTATED"));
    }

    @Test
    void generate_objectLevelConstraints_areKeptUnderAllOf() {
        IntegrationDefinition mini = Definitions.mini("""
                [{"name":"payees","singular":"payee","methods":[{"name":"create","http":"POST","path":"/payees",
                  "documentation":{"description":"Creates a payee.","body_schema":{"type":"object",
                    "properties":{"email":{"type":"string"},"phone":{"type":"string"}},
                    "anyOf":[{"required":["email"]},{"required":["phone"]}]}}}]}]""");

        JsonNode schema = generator.generate(mini).getFirst().inputSchema();

        assertThat(schema.path("allOf").toString())
                .isEqualTo("[{\"anyOf\":[{\"required\":[\"email\"]},{\"required\":[\"phone\"]}]}]");
        assertThat(schema.at("/properties/phone/description").asString()).isEqualTo("Phone.");
    }

    @Test
    void generate_duplicateToolName_failsNamingBothMethods() {
        IntegrationDefinition clash = Definitions.mini("""
                [{"name":"a","singular":"a_item","methods":[{"name":"b_c","http":"POST","path":"/a/b_c",
                   "documentation":{"description":"d"}}]},
                 {"name":"a_b","singular":"a_b_item","methods":[{"name":"c","http":"POST","path":"/a_b/c",
                   "documentation":{"description":"d"}}]}]""");

        assertThatThrownBy(() -> generator.generate(clash))
                .isInstanceOf(ToolGenerationException.class)
                .hasMessage("integration mini, resource a_b, method c: tool name 'mini_a_b_c' is already generated for "
                        + "integration mini, resource a, method b_c; tool names must be unique within an integration");
    }

    @Test
    void generate_tooLongToolName_failsNamingTheMethod() {
        String resource = "r".repeat(130);
        IntegrationDefinition longName = Definitions.mini("""
                [{"name":"%s","singular":"thing","methods":[{"name":"list","http":"GET","path":"/things",
                   "pagination":"cursor","documentation":{"description":"d"}}]}]""".formatted(resource));

        assertThatThrownBy(() -> generator.generate(longName))
                .isInstanceOf(ToolGenerationException.class)
                .hasMessageStartingWith(
                        "integration mini, resource " + resource + ", method list: tool name 'list_all_mini_")
                .hasMessageEndingWith("(144 characters) does not match [A-Za-z0-9_.-]{1,128}");
    }
}
