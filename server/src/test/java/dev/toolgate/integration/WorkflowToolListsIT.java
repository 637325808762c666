package dev.toolgate.integration;

import static dev.toolgate.testing.RunningDemo.ALL_TOOLS;
import static dev.toolgate.testing.RunningDemo.READ_ONLY;
import static org.assertj.core.api.Assertions.assertThat;

import dev.toolgate.testing.RunningDemo;
import io.modelcontextprotocol.spec.McpSchema;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Every tool the documented workflows name is listed by the demo's all-tools server of its integration, and the
 * read-only servers list no tool that writes.
 */
class WorkflowToolListsIT {
    private static final Map<String, List<String>> WORKFLOW_TOOLS = Map.of(
            "Plastiq",
                    List.of(
                            "create_a_plastiq_payment_intent",
                            "create_a_plastiq_payment",
                            "plastiq_billers_search",
                            "list_all_plastiq_billers",
                            "get_single_plastiq_payment_intent_by_id",
                            "create_a_plastiq_recipient",
                            "update_a_plastiq_recipient_by_id",
                            "create_a_plastiq_payer",
                            "create_a_plastiq_payment_refund"),
            "Stripe",
                    List.of(
                            "list_all_stripe_customers",
                            "list_all_stripe_disputes",
                            "list_all_stripe_customer_subscriptions",
                            "get_single_stripe_charge_by_id",
                            "get_single_stripe_payment_intent_by_id",
                            "get_single_stripe_customer_by_id",
                            "get_single_stripe_balance_by_id",
                            "list_all_stripe_charges",
                            "create_a_stripe_refund"),
            "Finexio",
                    List.of(
                            "list_all_finexio_payments",
                            "list_all_finexio_counterparty_history",
                            "get_single_finexio_payment_image_by_id",
                            "get_single_finexio_drawdown_by_id",
                            "finexio_invoices_bulk_create",
                            "create_a_finexio_webhook",
                            "list_all_finexio_webhooks"));
    private static final Predicate<McpSchema.Tool> WRITES =
            t -> !Boolean.TRUE.equals(t.annotations().readOnlyHint());

    private static RunningDemo demo;

    @BeforeAll
    static void start() {
        demo = RunningDemo.start();
    }

    @AfterAll
    static void stop() {
        demo.close();
    }

    @Test
    void listTools_allToolsServers_listEveryToolTheWorkflowsUse() {
        WORKFLOW_TOOLS.forEach((integration, tools) ->
                assertThat(names(tools(integration, ALL_TOOLS))).as(integration).containsAll(tools));
    }

    @Test
    void listTools_readOnlyServers_listTheWorkflowsReadToolsAndNoWriteTool() {
        for (String integration : WORKFLOW_TOOLS.keySet()) {
            List<McpSchema.Tool> all = tools(integration, ALL_TOOLS);
            List<McpSchema.Tool> readOnly = tools(integration, READ_ONLY);
            List<String> writeTools = names(all.stream().filter(WRITES).toList());
            List<String> readTools = names(all.stream().filter(WRITES.negate()).toList());

            assertThat(writeTools).as(integration).isNotEmpty();
            assertThat(readOnly).as(integration).noneMatch(WRITES);
            assertThat(names(readOnly))
                    .as(integration)
                    .doesNotContainAnyElementsOf(writeTools)
                    .containsExactlyInAnyOrderElementsOf(readTools)
                    .noneMatch(name ->
                            name.startsWith("create_") || name.startsWith("update_") || name.startsWith("delete_"));
        }
        assertThat(names(tools("Stripe", READ_ONLY)))
                .doesNotContain("create_a_stripe_refund")
                .contains("get_single_stripe_balance_by_id");
        assertThat(names(tools("Plastiq", READ_ONLY)))
                .doesNotContain("create_a_plastiq_payment")
                .contains("plastiq_billers_search");
        assertThat(names(tools("Finexio", READ_ONLY)))
                .doesNotContain("finexio_invoices_bulk_create")
                .contains("get_single_finexio_payment_image_by_id");
    }

    private static List<McpSchema.Tool> tools(String integration, String kind) {
        return demo.client(integration, kind).listTools().tools();
    }

    private static List<String> names(List<McpSchema.Tool> tools) {
        return tools.stream().map(McpSchema.Tool::name).toList();
    }
}
