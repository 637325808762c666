package dev.toolgate.integration;

import static org.assertj.core.api.Assertions.assertThat;

import dev.toolgate.support.Json;
import dev.toolgate.tools.ArgumentProblem;
import dev.toolgate.tools.ArgumentValidator;
import dev.toolgate.tools.Tool;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The shipped Plastiq definition: the tools the seeds' workflows need, their hints, and schema-level refusals. */
class PlastiqDefinitionTest {
    private static final String PAYER = "5b0e7c1a-2f4d-4e8a-9c3b-7d1e6f2a9b01";
    private static final String RECIPIENT_ARGS = """
            {"businessName":"Alpha Consulting","categoryId":"c0a1b2c3-0000-4000-8000-000000000006",
             "businessAddress":{"line1":"1 Main St","country":"US"},"contact":{"email":"billing@alpha.example"},
             "receivingMethod":%s}""";

    private final ArgumentValidator validator = new ArgumentValidator();

    private List<ArgumentProblem> validate(String tool, String arguments) {
        return validator.validate(ShippedDefinitions.tool("plastiq", tool), Json.parse(arguments));
    }

    @Test
    void load_plastiq_apiKeyHeaderJsonOffsetPagingAndIdempotencyOnPaymentsOnly() {
        IntegrationDefinition plastiq = ShippedDefinitions.load("plastiq");

        assertThat(plastiq.auth()).isEqualTo(new AuthScheme.ApiKeyHeader("API-Key", ""));
        assertThat(plastiq.baseUrl()).hasToString("https://connect.plastiq.com/api");
        assertThat(plastiq.description()).contains("https://connect.sandbox.plastiq.com/api");
        assertThat(plastiq.bodyEncoding()).isEqualTo(BodyEncoding.JSON);
        assertThat(plastiq.idempotency()).contains(new IntegrationDefinition.Idempotency("Idempotency-Key", false));
        Pagination offset = plastiq.resource("payments")
                .orElseThrow()
                .method("list")
                .orElseThrow()
                .pagination()
                .orElseThrow();
        assertThat(offset)
                .isEqualTo(new Pagination.Offset(
                        "/data",
                        java.util.Optional.of("limit"),
                        java.util.Optional.of(100),
                        "offset",
                        java.util.Optional.of("/pagination/hasNextPage"),
                        java.util.Optional.empty()));
        assertThat(plastiq.resources().stream()
                        .flatMap(r -> r.methods().stream())
                        .filter(Method::sendsIdempotencyKey)
                        .map(Method::path)
                        .map(PathTemplate::template))
                .containsExactly("/payments");
    }

    @Test
    void generate_plastiq_hasTheToolsTheWorkflowsNeed() {
        assertThat(ShippedDefinitions.tools("plastiq"))
                .extracting(Tool::name)
                .contains(
                        "create_a_plastiq_payment_intent",
                        "get_single_plastiq_payment_intent_by_id",
                        "create_a_plastiq_payment",
                        "plastiq_billers_search",
                        "list_all_plastiq_billers",
                        "create_a_plastiq_recipient",
                        "update_a_plastiq_recipient_by_id",
                        "create_a_plastiq_payer",
                        "create_a_plastiq_payment_refund");
    }

    @Test
    void generate_moneyMovingTools_areDestructiveAndExplainTheTwoSteps() {
        Tool pay = ShippedDefinitions.tool("plastiq", "create_a_plastiq_payment");
        Tool refund = ShippedDefinitions.tool("plastiq", "create_a_plastiq_payment_refund");
        Tool intent = ShippedDefinitions.tool("plastiq", "create_a_plastiq_payment_intent");

        assertThat(pay.annotations().destructiveHint()).isTrue();
        assertThat(refund.annotations().destructiveHint()).isTrue();
        assertThat(intent.annotations().destructiveHint()).isFalse();
        assertThat(intent.description())
                .contains("call create_a_plastiq_payment_intent first and check"
                        + " warnings/statusReasons before paying")
                .contains("DOLLARS");
        assertThat(pay.description())
                .contains("create_a_plastiq_payment_intent")
                .contains("statusReasons");
        assertThat(refund.inputSchema().at("/required").toString()).isEqualTo("[\"payment_id\",\"payerId\"]");
        assertThat(ShippedDefinitions.tool("plastiq", "plastiq_billers_search").description())
                .contains("billers")
                .contains("groupId")
                .contains("recipient.id");
    }

    @Test
    void generate_intentAndPaymentTools_sayHowToFindThePaymentOfAnIntent() {
        // Neither object references the other, so a refund of an audited intent needs this hint.
        assertThat(ShippedDefinitions.tool("plastiq", "get_single_plastiq_payment_intent_by_id")
                        .description())
                .contains("list_all_plastiq_payments")
                .contains("recipient.id")
                .contains("targetAmount");
        assertThat(ShippedDefinitions.tool("plastiq", "list_all_plastiq_payments")
                        .description())
                .contains("does not name the payment intent");
    }

    @Test
    void generate_paymentMethodCreate_takesNoCardNumbers() {
        Tool create = ShippedDefinitions.tool("plastiq", "create_a_plastiq_payment_method");

        assertThat(create.inputSchema().at("/properties/type/const").asString()).isEqualTo("BANK_ACCOUNT");
        assertThat(create.inputSchema().toString()).doesNotContain("cvv").doesNotContain("CARD\"");
        assertThat(create.description()).contains("PCI");
    }

    @Test
    void validate_receivingMethodOfWrongShape_problemNamesReceivingMethod() {
        List<ArgumentProblem> achWithShortRouting =
                validate("create_a_plastiq_recipient", RECIPIENT_ARGS.formatted("""
                {"type":"ACH","accountNumber":"987654321","routingNumber":"12345678","beneficiaryName":"Alpha"}"""));
        List<ArgumentProblem> checkWithoutAddress =
                validate("create_a_plastiq_recipient", RECIPIENT_ARGS.formatted("{\"type\":\"CHECK\"}"));
        List<ArgumentProblem> valid = validate("create_a_plastiq_recipient", RECIPIENT_ARGS.formatted("""
                {"type":"EFT","accountNumber":"1234567","routingNumber":"00301094","beneficiaryName":"Maple"}"""));

        assertThat(achWithShortRouting)
                .isNotEmpty()
                .allSatisfy(p -> assertThat(p.argument()).startsWith("receivingMethod"));
        assertThat(checkWithoutAddress)
                .isNotEmpty()
                .allSatisfy(p -> assertThat(p.argument()).startsWith("receivingMethod"));
        assertThat(valid).isEmpty();
    }

    @Test
    void validate_missingPayerIdWhereRequired_problemNamesIt() {
        List<ArgumentProblem> problems = validate("list_all_plastiq_payments", "{}");
        List<ArgumentProblem> intent = validate("get_single_plastiq_payment_intent_by_id", "{\"id\":\"abc\"}");

        assertThat(problems).singleElement().satisfies(p -> {
            assertThat(p.argument()).isEqualTo("payerId");
            assertThat(p.message()).contains("payerId");
        });
        assertThat(intent).extracting(ArgumentProblem::argument).containsExactly("payerId");
    }

    @Test
    void validate_amounts_areDollarsWithAtMostTwoDecimals() {
        String intent = """
                {"payer":{"id":"%s"},"recipient":{"id":"b1000000-0000-4000-8000-0000000000a1"},
                 "targetAmount":{"value":%s,"currency":"USD"}}""";

        assertThat(validate("create_a_plastiq_payment_intent", intent.formatted(PAYER, "850.25")))
                .isEmpty();
        assertThat(validate("create_a_plastiq_payment_intent", intent.formatted(PAYER, "0.29")))
                .isNotEmpty();
        assertThat(validate("create_a_plastiq_payment_intent", intent.formatted(PAYER, "10.005")))
                .extracting(ArgumentProblem::argument)
                .containsExactly("targetAmount.value");
        assertThat(validate(
                        "create_a_plastiq_payment",
                        "{\"paymentIntent\":{\"id\":\"c1000000-0000-4000-8000-0000000000b2\"}}"))
                .extracting(ArgumentProblem::argument)
                .containsExactly("payer");
    }

    @Test
    void validate_idsAreUuids_anythingElseIsRefusedBeforeSending() {
        assertThat(validate(
                        "create_a_plastiq_payment",
                        "{\"payer\":{\"id\":\"%s\"},\"paymentIntent\":{\"id\":\"x\"}}".formatted(PAYER)))
                .singleElement()
                .satisfies(p -> {
                    assertThat(p.argument()).isEqualTo("paymentIntent.id");
                    assertThat(p.message()).contains("must be a UUID");
                });
    }
}
