package dev.toolgate.integration;

import static dev.toolgate.testing.RunningDemo.ALL_TOOLS;
import static dev.toolgate.testing.RunningDemo.call;
import static dev.toolgate.testing.RunningDemo.callError;
import static org.assertj.core.api.Assertions.assertThat;

import dev.toolgate.sandbox.Sandbox;
import dev.toolgate.testing.RunningDemo;
import io.modelcontextprotocol.client.McpSyncClient;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * The Stripe workflows a model is documented to perform, replayed through the demo's all-tools MCP server with the
 * official SDK client against the Stripe sandbox. Only the facts a user would give are literals (an email, an amount);
 * every id comes from an earlier response.
 */
class StripeWorkflowsIT {
    private static RunningDemo demo;
    private static McpSyncClient client;
    private static Sandbox stripe;

    @BeforeAll
    static void start() {
        demo = RunningDemo.start();
        client = demo.client("Stripe", ALL_TOOLS);
        stripe = demo.sandbox("stripe");
    }

    @AfterAll
    static void stop() {
        demo.close();
    }

    @BeforeEach
    void reset() {
        demo.reset();
    }

    @Test
    void subscriptionAuditAndPartialRefund_customerFoundByEmail_refundsHerLatestSuccessfulCharge() {
        JsonNode found = call(client, "stripe_customers_search", Map.of("query", "email:\"jane@example.com\""));
        JsonNode jane = found.get("result").get(0);
        assertThat(found.get("result")).hasSize(1);
        String customerId = jane.get("id").asString();

        JsonNode listed = call(client, "list_all_stripe_customers", Map.of("email", "jane@example.com"));
        assertThat(listed.get("result"))
                .singleElement()
                .satisfies(c -> assertThat(c.get("id").asString()).isEqualTo(customerId));

        JsonNode subscriptions = call(client, "list_all_stripe_customer_subscriptions", Map.of("customer", customerId));
        JsonNode active = items(subscriptions).stream()
                .filter(s -> s.get("status").asString().equals("active"))
                .findFirst()
                .orElseThrow();
        assertThat(active.get("customer").asString()).isEqualTo(customerId);
        assertThat(active.at("/items/data/0/price/nickname").asString()).contains("Pro");

        JsonNode charges = call(client, "list_all_stripe_charges", Map.of("customer", customerId));
        JsonNode newest = items(charges).get(0);
        assertThat(newest.get("status").asString())
                .as("the newest charge is the declined add-on")
                .isEqualTo("failed");
        JsonNode latestSuccessful = items(charges).stream()
                .filter(c -> c.get("status").asString().equals("succeeded"))
                .max(Comparator.comparingLong(c -> c.get("created").asLong()))
                .orElseThrow();
        String chargeId = latestSuccessful.get("id").asString();
        long refundedBefore = latestSuccessful.get("amount_refunded").asLong();

        JsonNode refund = call(
                client,
                "create_a_stripe_refund",
                Map.of("charge", chargeId, "amount", 1500, "reason", "requested_by_customer"));

        assertThat(refund.get("id").asString()).startsWith("re_");
        assertThat(refund.get("object").asString()).isEqualTo("refund");
        assertThat(refund.get("charge").asString()).isEqualTo(chargeId);
        assertThat(refund.get("amount").asLong()).isEqualTo(1500);
        assertThat(refund.get("status").asString()).isEqualTo("succeeded");
        JsonNode charge = call(client, "get_single_stripe_charge_by_id", Map.of("id", chargeId));
        assertThat(charge.get("amount_refunded").asLong()).isEqualTo(refundedBefore + 1500);
        assertThat(charge.get("refunded").asBoolean()).isFalse();
        assertThat(stripe.requests())
                .filteredOn(r -> r.method().equals("POST"))
                .singleElement()
                .satisfies(r -> {
                    assertThat(r.path()).isEqualTo("/v1/refunds");
                    assertThat(r.body()).contains("charge=" + chargeId).contains("amount=1500");
                    assertThat(r.header("Idempotency-Key")).isNotBlank();
                });
    }

    @Test
    void disputesTriage_largestNeedingResponse_leadsToTheCustomersEmail() {
        JsonNode disputes = call(client, "list_all_stripe_disputes", Map.of("limit", 100));
        assertThat(disputes.get("next_cursor").isNull()).isTrue();
        List<JsonNode> open = items(disputes).stream()
                .filter(d -> d.get("status").asString().equals("needs_response"))
                .toList();
        assertThat(open).hasSizeGreaterThan(1);
        JsonNode largest = open.stream()
                .max(Comparator.comparingLong(d -> d.get("amount").asLong()))
                .orElseThrow();

        JsonNode charge = call(
                client,
                "get_single_stripe_charge_by_id",
                Map.of("id", largest.get("charge").asString()));
        JsonNode customer = call(
                client,
                "get_single_stripe_customer_by_id",
                Map.of("id", charge.get("customer").asString()));

        assertThat(largest.get("amount").asLong()).isEqualTo(45000);
        assertThat(largest.get("reason").asString()).isEqualTo("fraudulent");
        assertThat(largest.at("/evidence_details/due_by").asLong()).isPositive();
        assertThat(charge.get("disputed").asBoolean()).isTrue();
        assertThat(customer.get("email").asString()).isEqualTo("ravi@example.org");
    }

    @Test
    void getBalance_noArguments_returnsAvailableAndPendingByCurrency() {
        JsonNode balance = call(client, "get_single_stripe_balance_by_id", Map.of());

        assertThat(balance.get("object").asString()).isEqualTo("balance");
        assertThat(balance.get("available")).isNotEmpty();
        assertThat(balance.get("pending")).isNotEmpty();
        assertThat(balance.get("available").get(0).has("currency")).isTrue();
        assertThat(stripe.requests())
                .singleElement()
                .satisfies(r -> assertThat(r.path()).isEqualTo("/v1/balance"));
    }

    @Test
    void listCustomers_followingNextCursor_returnsEveryCustomerOnce() {
        List<String> ids = new ArrayList<>();
        String cursor = null;
        int pages = 0;
        do {
            Map<String, Object> arguments =
                    cursor == null ? Map.of("limit", 5) : Map.of("limit", 5, "next_cursor", cursor);
            JsonNode page = call(client, "list_all_stripe_customers", arguments);
            items(page).forEach(c -> ids.add(c.get("id").asString()));
            cursor = page.get("next_cursor").isNull()
                    ? null
                    : page.get("next_cursor").asString();
            pages++;
        } while (cursor != null && pages < 10);

        assertThat(ids).hasSize(12).doesNotHaveDuplicates().contains("cus_SeedJane", "cus_SeedLiam");
        assertThat(pages).isEqualTo(3);
    }

    @Test
    void createRefund_paymentIntentId_isRejectedBeforeAnythingIsSent() {
        JsonNode charges = call(client, "list_all_stripe_charges", Map.of("limit", 1));
        String paymentIntent = items(charges).get(0).get("payment_intent").asString();
        stripe.clearRequests();

        JsonNode error = callError(client, "create_a_stripe_refund", Map.of("charge", paymentIntent, "amount", 100));

        assertThat(paymentIntent).startsWith("pi_");
        assertThat(error.get("error").asString()).isEqualTo("invalid_arguments");
        assertThat(error.get("argument").asString()).isEqualTo("charge");
        assertThat(error.get("message").asString()).contains("`charge`");
        assertThat(stripe.requests()).isEmpty();
    }

    @Test
    void createRefund_fractionalAmount_isRejectedNamingAmount() {
        JsonNode error = callError(client, "create_a_stripe_refund", Map.of("charge", "ch_SeedOmar1", "amount", 15.5));

        assertThat(error.get("argument").asString()).isEqualTo("amount");
        assertThat(error.get("message").asString()).contains("`amount`");
        assertThat(stripe.requests()).isEmpty();
    }

    static List<JsonNode> items(JsonNode page) {
        return StreamSupport.stream(page.get("result").spliterator(), false).toList();
    }
}
