package dev.toolgate.integration;

import static dev.toolgate.testing.RunningDemo.ALL_TOOLS;
import static dev.toolgate.testing.RunningDemo.call;
import static dev.toolgate.testing.RunningDemo.callError;
import static org.assertj.core.api.Assertions.assertThat;

import dev.toolgate.sandbox.Sandbox;
import dev.toolgate.sandbox.plastiq.PlastiqSeed;
import dev.toolgate.support.Json;
import dev.toolgate.testing.RunningDemo;
import io.modelcontextprotocol.client.McpSyncClient;
import java.math.BigDecimal;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * The Plastiq workflows a model is documented to perform, replayed through the demo's all-tools MCP server with the
 * official SDK client against the Plastiq sandbox. The user's own payer and saved payment method are the starting
 * facts ({@link PlastiqSeed}); billers, recipients, intents and payments are discovered from responses.
 */
class PlastiqWorkflowsIT {
    private static final String PAYER = PlastiqSeed.PAYER_ID;
    private static final String CARD = PlastiqSeed.CARD_PAYMENT_METHOD_ID;
    private static final String UUID_V4 = "[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[0-9a-f]{4}-[0-9a-f]{12}";

    private static RunningDemo demo;
    private static McpSyncClient client;
    private static Sandbox plastiq;

    @BeforeAll
    static void start() {
        demo = RunningDemo.start();
        client = demo.client("Plastiq", ALL_TOOLS);
        plastiq = demo.sandbox("plastiq");
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
    void billerSearchToPayment_omegaWebHosting_isPaidThroughACleanIntentWithAnIdempotencyKey() {
        JsonNode groups = call(client, "plastiq_billers_search", Map.of("query", "Omega Web Hosting"));
        JsonNode group = items(groups).stream()
                .filter(g -> g.get("name").asString().equals("Omega Web Hosting"))
                .findFirst()
                .orElseThrow();
        JsonNode biller = items(group.get("billers")).stream()
                .filter(b -> b.at("/businessAddress/country").asString().equals("US"))
                .findFirst()
                .orElseThrow();
        String billerId = biller.get("id").asString();
        assertThat(billerId).isNotEqualTo(group.get("groupId").asString());

        JsonNode intent = call(
                client,
                "create_a_plastiq_payment_intent",
                Map.of(
                        "payer",
                        Map.of("id", PAYER),
                        "paymentMethod",
                        Map.of("id", CARD),
                        "recipient",
                        Map.of("id", billerId),
                        "targetAmount",
                        Map.of("value", 850, "currency", "USD"),
                        "details",
                        Map.of("memo", "Invoice 1042, hosting")));
        assertThat(intent.get("status").asString()).isEqualTo("CAPTURABLE");
        assertThat(intent.get("statusReasons")).isEmpty();
        assertThat(intent.get("warnings")).isEmpty();
        assertThat(intent.get("fees")).isNotEmpty();
        BigDecimal fees = sum(intent.get("fees"));
        assertThat(intent.at("/sourceAmount/value").decimalValue())
                .isEqualByComparingTo(
                        intent.at("/targetAmount/value").decimalValue().add(fees));
        assertThat(intent.get("deliveryDate").asString()).isNotBlank();

        JsonNode payment = call(
                client,
                "create_a_plastiq_payment",
                Map.of("paymentIntent", Map.of("id", intent.get("id").asString()), "payer", Map.of("id", PAYER)));

        assertThat(payment.get("id").asString()).isNotEqualTo(intent.get("id").asString());
        assertThat(payment.get("status").asString()).isEqualTo("CHARGED");
        assertThat(payment.at("/recipient/id").asString()).isEqualTo(billerId);
        assertThat(payment.at("/targetAmount/value").decimalValue()).isEqualByComparingTo("850");
        assertThat(payment.at("/sourceAmount/value").decimalValue())
                .isEqualByComparingTo(intent.at("/sourceAmount/value").decimalValue());
        assertThat(plastiq.requests())
                .filteredOn(r -> r.method().equals("POST") && r.path().endsWith("/payments"))
                .singleElement()
                .satisfies(r -> {
                    assertThat(r.header("Idempotency-Key")).matches(UUID_V4);
                    assertThat(Json.parse(r.body()).at("/paymentIntent/id").asString())
                            .isEqualTo(intent.get("id").asString());
                });
        JsonNode again = call(
                client,
                "get_single_plastiq_payment_intent_by_id",
                Map.of("id", intent.get("id").asString(), "payerId", PAYER));
        assertThat(again.get("status").asString()).isEqualTo("CAPTURED");
    }

    @Test
    void billerSearch_businessNotInTheNetwork_returnsNoGroups() {
        JsonNode groups = call(client, "plastiq_billers_search", Map.of("query", "Alpha Consulting Partners"));

        assertThat(groups.get("result")).isEmpty();
        assertThat(groups.get("next_cursor").isNull()).isTrue();
    }

    @Test
    void createIntent_sameAmountAsAnEarlierPaymentToThatBiller_warnsOfADuplicateWithoutBlocking() {
        JsonNode payments = call(client, "list_all_plastiq_payments", Map.of("payerId", PAYER, "limit", 100));
        JsonNode earlier = items(payments).stream()
                .filter(p -> p.get("status").asString().equals("CHARGED"))
                .findFirst()
                .orElseThrow();

        JsonNode intent = call(
                client,
                "create_a_plastiq_payment_intent",
                Map.of(
                        "payer",
                        Map.of("id", PAYER),
                        "paymentMethod",
                        Map.of("id", CARD),
                        "recipient",
                        Map.of("id", earlier.at("/recipient/id").asString()),
                        "targetAmount",
                        Map.of("value", earlier.at("/targetAmount/value").decimalValue(), "currency", "USD")));

        assertThat(intent.get("status").asString()).isEqualTo("CAPTURABLE");
        assertThat(codes(intent.get("warnings"))).containsExactly("POSSIBLE_DUPLICATE_PAYMENT");
        assertThat(plastiq.requests())
                .noneMatch(r -> r.method().equals("POST") && r.path().endsWith("/payments"));
    }

    @Test
    void auditIntentThenRefundAndDeactivate_paidRecipient_isRefundedAndNoLongerPayable() {
        String intentId = paidIntentToNewAchRecipient("Alpha Consulting", new BigDecimal("1234.56"));
        demo.reset();

        JsonNode intent =
                call(client, "get_single_plastiq_payment_intent_by_id", Map.of("id", intentId, "payerId", PAYER));
        assertThat(intent.get("status").asString()).isEqualTo("CAPTURED");
        String recipientId = intent.at("/recipient/id").asString();
        BigDecimal target = intent.at("/targetAmount/value").decimalValue();
        JsonNode payments = call(client, "list_all_plastiq_payments", Map.of("payerId", PAYER, "limit", 100));
        JsonNode payment = items(payments).stream()
                .filter(p -> p.at("/recipient/id").asString().equals(recipientId))
                .filter(p -> p.at("/targetAmount/value").decimalValue().compareTo(target) == 0)
                .findFirst()
                .orElseThrow();

        JsonNode refund = call(
                client,
                "create_a_plastiq_payment_refund",
                Map.of("payment_id", payment.get("id").asString(), "payerId", PAYER));
        JsonNode deactivated =
                call(client, "update_a_plastiq_recipient_by_id", Map.of("id", recipientId, "status", "INACTIVE"));

        assertThat(refund.get("status").asString()).isEqualTo("REFUNDED");
        assertThat(deactivated.get("status").asString()).isEqualTo("INACTIVE");
        JsonNode recipient =
                call(client, "get_single_plastiq_recipient_by_id", Map.of("id", recipientId, "payerId", PAYER));
        assertThat(recipient.get("status").asString()).isEqualTo("INACTIVE");
        assertThat(recipient.at("/receivingMethod/accountNumber").isMissingNode())
                .isTrue();
        JsonNode refunded = call(
                client,
                "get_single_plastiq_payment_by_id",
                Map.of("id", payment.get("id").asString(), "payerId", PAYER));
        assertThat(refunded.get("status").asString()).isEqualTo("REFUNDED");
        JsonNode blocked = call(
                client,
                "create_a_plastiq_payment_intent",
                Map.of(
                        "payer",
                        Map.of("id", PAYER),
                        "paymentMethod",
                        Map.of("id", CARD),
                        "recipient",
                        Map.of("id", recipientId),
                        "targetAmount",
                        Map.of("value", 99, "currency", "USD")));
        assertThat(blocked.get("status").asString()).isEqualTo("NOT_CAPTURABLE");
        assertThat(codes(blocked.get("statusReasons"))).contains("RECIPIENT_INACTIVE");
        assertThat(plastiq.requests())
                .filteredOn(r -> r.method().equals("PATCH"))
                .singleElement()
                .satisfies(r -> assertThat(Json.parse(r.body()).properties()).hasSize(1));
    }

    @Test
    void payIntent_tinBlockedPaymentMethod_isNotCapturableAndPayingSurfacesTheValidationError() {
        JsonNode billers = call(client, "plastiq_billers_search", Map.of("query", "Summit Business Internet"));
        String billerId = items(billers).get(0).at("/billers/0/id").asString();
        JsonNode intent = call(
                client,
                "create_a_plastiq_payment_intent",
                Map.of(
                        "payer",
                        Map.of("id", PlastiqSeed.PAYER_WITHOUT_TIN_ID),
                        "paymentMethod",
                        Map.of("id", PlastiqSeed.TIN_BLOCKED_PAYMENT_METHOD_ID),
                        "recipient",
                        Map.of("id", billerId),
                        "targetAmount",
                        Map.of("value", 310.25, "currency", "USD")));
        assertThat(intent.get("status").asString()).isEqualTo("NOT_CAPTURABLE");
        assertThat(codes(intent.get("statusReasons"))).contains("PAYMENT_METHOD_REQUIRES_TIN");

        JsonNode error = callError(
                client,
                "create_a_plastiq_payment",
                Map.of(
                        "paymentIntent", Map.of("id", intent.get("id").asString()),
                        "payer", Map.of("id", PlastiqSeed.PAYER_WITHOUT_TIN_ID)));

        assertThat(error.get("status").asInt()).isEqualTo(400);
        assertThat(error.get("is_remote_error").asBoolean()).isTrue();
        assertThat(error.at("/raw_response/code").asString()).isEqualTo("VALIDATION_ERROR");
        assertThat(error.at("/raw_response/details/0/details").asString()).contains("PAYMENT_METHOD_REQUIRES_TIN");
    }

    @Test
    void createRecipient_achWithoutRoutingNumber_isRejectedBeforeAnythingIsSent() {
        Map<String, Object> arguments = recipient(
                "Beta Supplies",
                Map.of("type", "ACH", "accountNumber", "987654321", "beneficiaryName", "Beta Supplies"));

        JsonNode error = callError(client, "create_a_plastiq_recipient", arguments);

        assertThat(error.get("error").asString()).isEqualTo("invalid_arguments");
        assertThat(error.get("argument").asString()).startsWith("receivingMethod");
        assertThat(error.get("message").asString()).contains("routingNumber");
        assertThat(plastiq.requests()).isEmpty();
    }

    @Test
    void createRecipient_unknownReceivingMethodType_isRejectedBeforeAnythingIsSent() {
        Map<String, Object> arguments = recipient(
                "Beta Supplies",
                Map.of(
                        "type",
                        "FOO",
                        "accountNumber",
                        "987654321",
                        "routingNumber",
                        "123456789",
                        "beneficiaryName",
                        "Beta Supplies"));

        JsonNode error = callError(client, "create_a_plastiq_recipient", arguments);

        assertThat(error.get("argument").asString()).startsWith("receivingMethod");
        assertThat(error.get("message").asString()).contains("receivingMethod");
        assertThat(plastiq.requests()).isEmpty();
    }

    @Test
    void listPayments_withoutPayerId_isRejectedNamingPayerId() {
        JsonNode error = callError(client, "list_all_plastiq_payments", Map.of("limit", 10));

        assertThat(error.get("argument").asString()).isEqualTo("payerId");
        assertThat(error.get("message").asString()).contains("`payerId`");
        assertThat(plastiq.requests()).isEmpty();
    }

    /** Creates an ACH recipient of the payer, then an intent to it and its payment; returns the intent id. */
    private static String paidIntentToNewAchRecipient(String name, BigDecimal dollars) {
        JsonNode categories = call(client, "list_all_plastiq_categories", Map.of("limit", 100));
        String category = items(categories).stream()
                .filter(c -> c.get("displayName").asString().equals("Professional Services"))
                .findFirst()
                .orElseThrow()
                .get("id")
                .asString();
        Map<String, Object> arguments = new HashMap<>(recipient(
                name,
                Map.of(
                        "type",
                        "ACH",
                        "accountNumber",
                        "987654321",
                        "routingNumber",
                        "123456789",
                        "beneficiaryName",
                        name,
                        "country",
                        "US")));
        arguments.put("categoryId", category);
        arguments.put("payer", Map.of("id", PAYER));
        JsonNode recipient = call(client, "create_a_plastiq_recipient", arguments);
        assertThat(recipient.get("status").asString()).isEqualTo("ACTIVE");
        JsonNode intent = call(
                client,
                "create_a_plastiq_payment_intent",
                Map.of(
                        "payer",
                        Map.of("id", PAYER),
                        "paymentMethod",
                        Map.of("id", CARD),
                        "recipient",
                        Map.of("id", recipient.get("id").asString()),
                        "targetAmount",
                        Map.of("value", dollars, "currency", "USD")));
        assertThat(intent.get("status").asString()).isEqualTo("CAPTURABLE");
        call(
                client,
                "create_a_plastiq_payment",
                Map.of("paymentIntent", Map.of("id", intent.get("id").asString()), "payer", Map.of("id", PAYER)));
        return intent.get("id").asString();
    }

    private static Map<String, Object> recipient(String name, Map<String, Object> receivingMethod) {
        return Map.of(
                "businessName",
                name,
                "categoryId",
                PlastiqSeed.WEB_SERVICES_CATEGORY_ID,
                "businessAddress",
                Map.of("line1", "100 Main St", "city", "Austin", "state", "TX", "postalCode", "78701", "country", "US"),
                "contact",
                Map.of("email", "billing@example.com"),
                "receivingMethod",
                receivingMethod);
    }

    private static BigDecimal sum(JsonNode fees) {
        return items(fees).stream()
                .map(f -> f.at("/amount/value").decimalValue())
                .reduce(BigDecimal.ZERO, BigDecimal::add);
    }

    private static List<String> codes(JsonNode reasons) {
        return items(reasons).stream().map(r -> r.get("code").asString()).toList();
    }

    private static List<JsonNode> items(JsonNode node) {
        JsonNode array = node.has("result") ? node.get("result") : node;
        return StreamSupport.stream(array.spliterator(), false).toList();
    }
}
