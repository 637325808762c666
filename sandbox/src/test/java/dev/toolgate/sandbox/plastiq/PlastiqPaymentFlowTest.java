package dev.toolgate.sandbox.plastiq;

import static dev.toolgate.sandbox.plastiq.PlastiqSeed.*;
import static org.assertj.core.api.Assertions.assertThat;

import dev.toolgate.sandbox.testing.Http;
import dev.toolgate.sandbox.testing.Http.Response;
import dev.toolgate.sandbox.testing.MutableClock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** Intent then payment, the rules that refuse a payment, idempotent replays and refunds. */
class PlastiqPaymentFlowTest {
    private final MutableClock clock = new MutableClock(Instant.parse("2026-03-02T15:00:00Z")); // a Monday
    private final PlastiqSandbox sandbox = PlastiqSandbox.start(0, clock);
    private final Http http = new Http(sandbox.baseUrl(), Map.of("API-Key", PlastiqSandbox.API_KEY));

    @AfterEach
    void stop() {
        sandbox.close();
    }

    private JsonNode intent(String payer, String recipient, String method, String dollars) {
        Response response = http.post("/payment-intents", """
                {"payer":{"id":"%s"},"recipient":{"id":"%s"},"paymentMethod":{"id":"%s"},
                 "targetAmount":{"value":%s,"currency":"USD"}}""".formatted(payer, recipient, method, dollars));
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        return response.json();
    }

    private Response pay(String intentId, String payer) {
        return http.post(
                "/payments",
                "{\"paymentIntent\":{\"id\":\"%s\"},\"payer\":{\"id\":\"%s\"}}".formatted(intentId, payer));
    }

    @Test
    void createIntent_biller_quotesFeesInDollarsDeliveryAndExpiry() {
        JsonNode intent = intent(PAYER_ID, OMEGA_BILLER_ID, CARD_PAYMENT_METHOD_ID, "850");

        assertThat(intent.path("status").asString()).isEqualTo("CAPTURABLE");
        assertThat(intent.path("statusReasons")).isEmpty();
        assertThat(intent.path("warnings")).isEmpty();
        assertThat(intent.at("/fees/0/type").asString()).isEqualTo("PLASTIQ_SERVICE_FEE");
        assertThat(intent.at("/fees/0/rate").asString()).isEqualTo("2.9%");
        assertThat(intent.at("/fees/0/amount/value").decimalValue()).isEqualByComparingTo("24.65");
        assertThat(intent.at("/sourceAmount/value").decimalValue()).isEqualByComparingTo("874.65");
        assertThat(intent.at("/targetAmount/value").decimalValue()).isEqualByComparingTo("850");
        assertThat(intent.at("/targetAmount/currency").asString()).isEqualTo("USD");
        assertThat(intent.path("deliveryDate").asString()).isEqualTo("2026-03-05"); // ACH: 3 business days
        assertThat(intent.path("expiresAt").asString()).isEqualTo("2026-03-02T15:15:00Z");
        assertThat(intent.at("/recipient/id").asString()).isEqualTo(OMEGA_BILLER_ID);
    }

    @Test
    void createPayment_capturableIntent_chargesOnceAndCapturesTheIntent() {
        JsonNode intent = intent(PAYER_ID, OMEGA_BILLER_ID, CARD_PAYMENT_METHOD_ID, "850.25");

        Response paid = pay(intent.path("id").asString(), PAYER_ID);
        Response again = pay(intent.path("id").asString(), PAYER_ID);

        assertThat(paid.status()).isEqualTo(200);
        assertThat(paid.json().path("status").asString()).isEqualTo("CHARGED");
        assertThat(paid.json().at("/sourceAmount/value").decimalValue()).isEqualByComparingTo("874.91");
        assertThat(paid.json().path("sourceDescriptor").asString()).startsWith("PQ Omega Web Hosting, Inc. #");
        assertThat(again.status()).isEqualTo(400);
        assertThat(again.json().path("code").asString()).isEqualTo("VALIDATION_ERROR");
        assertThat(again.json().at("/details/0/details").asString()).contains("already captured");
        JsonNode captured = http.get("/payment-intents/" + intent.path("id").asString() + "?payerId=" + PAYER_ID)
                .json();
        assertThat(captured.path("status").asString()).isEqualTo("CAPTURED");
        assertThat(http.get("/payments?payerId=" + PAYER_ID)
                        .json()
                        .at("/pagination/total")
                        .asInt())
                .isEqualTo(4);
    }

    @Test
    void createIntent_paymentMethodOfPayerWithoutTin_notCapturableAndPaymentRefused() {
        JsonNode intent = intent(PAYER_WITHOUT_TIN_ID, CHECK_RECIPIENT_ID, TIN_BLOCKED_PAYMENT_METHOD_ID, "300");

        assertThat(intent.path("status").asString()).isEqualTo("NOT_CAPTURABLE");
        assertThat(intent.at("/statusReasons/0/code").asString()).isEqualTo("PAYMENT_METHOD_REQUIRES_TIN");
        Response refused = pay(intent.path("id").asString(), PAYER_WITHOUT_TIN_ID);
        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.json().at("/details/0/details").asString()).contains("PAYMENT_METHOD_REQUIRES_TIN");
    }

    @Test
    void addingTaxIdToPayer_reactivatesMethodAndRequotedIntentBecomesCapturable() {
        JsonNode intent = intent(PAYER_WITHOUT_TIN_ID, CHECK_RECIPIENT_ID, TIN_BLOCKED_PAYMENT_METHOD_ID, "300");

        Response patched = http.patch(
                "/payers/" + PAYER_WITHOUT_TIN_ID,
                "{\"identityDocuments\":[{\"type\":\"US_EIN\",\"value\":\"741234567\"}]}");
        JsonNode requoted = http.patch("/payment-intents/" + intent.path("id").asString(), "{}")
                .json();

        assertThat(patched.json().at("/identityDocuments/0/type").asString()).isEqualTo("US_EIN");
        assertThat(patched.body()).doesNotContain("741234567");
        assertThat(requoted.path("status").asString()).isEqualTo("CAPTURABLE");
        assertThat(pay(intent.path("id").asString(), PAYER_WITHOUT_TIN_ID).status())
                .isEqualTo(200);
    }

    @Test
    void createPayment_expiredIntent_refused() {
        JsonNode intent = intent(PAYER_ID, CHECK_RECIPIENT_ID, CARD_PAYMENT_METHOD_ID, "99.99");
        clock.advance(Duration.ofMinutes(16));

        Response refused = pay(intent.path("id").asString(), PAYER_ID);
        Response seeded = pay(EXPIRED_INTENT_ID, PAYER_ID);

        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.json().at("/details/0/details").asString()).contains("expired");
        assertThat(seeded.status()).isEqualTo(400);
        assertThat(http.get("/payment-intents/" + intent.path("id").asString() + "?payerId=" + PAYER_ID)
                        .json()
                        .path("status")
                        .asString())
                .isEqualTo("EXPIRED");
    }

    @Test
    void createIntent_inactiveRecipientOrNoPaymentMethod_notCapturableWithReasons() {
        JsonNode inactive = intent(PAYER_ID, INACTIVE_RECIPIENT_ID, CARD_PAYMENT_METHOD_ID, "10");
        JsonNode noMethod = http.post("/payment-intents", """
                {"payer":{"id":"%s"},"recipient":{"id":"%s"},"targetAmount":{"value":10,"currency":"USD"}}""".formatted(PAYER_ID, CHECK_RECIPIENT_ID))
                .json();

        assertThat(inactive.at("/statusReasons/0/code").asString()).isEqualTo("RECIPIENT_INACTIVE");
        assertThat(noMethod.path("status").asString()).isEqualTo("NOT_CAPTURABLE");
        assertThat(noMethod.at("/statusReasons/0/code").asString()).isEqualTo("PAYMENT_METHOD_REQUIRED");
    }

    @Test
    void createIntent_sameAmountAsEarlierPayment_warnsOfDuplicate() {
        JsonNode intent = intent(PAYER_ID, OMEGA_BILLER_ID, CARD_PAYMENT_METHOD_ID, "120.00");

        assertThat(intent.path("status").asString()).isEqualTo("CAPTURABLE");
        assertThat(intent.at("/warnings/0/code").asString()).isEqualTo("POSSIBLE_DUPLICATE_PAYMENT");
    }

    @Test
    void createIntent_canadianRecipientByCard_addsCrossBorderFee() {
        JsonNode intent = intent(PAYER_ID, EFT_RECIPIENT_ID, CARD_PAYMENT_METHOD_ID, "1000");

        assertThat(intent.path("fees"))
                .extracting(f -> f.path("type").asString())
                .containsExactly("PLASTIQ_SERVICE_FEE", "PLASTIQ_CROSS_BORDER_FEE");
        assertThat(intent.at("/sourceAmount/value").decimalValue()).isEqualByComparingTo("1039.00");
    }

    @Test
    void createIntent_badAmountOrOtherPayersMethod_validationErrorsNamingFields() {
        Response cents =
                http.post("/payment-intents", """
                {"payer":{"id":"%s"},"recipient":{"id":"%s"},"paymentMethod":{"id":"%s"},
                 "targetAmount":{"value":10.005,"currency":"USD"}}""".formatted(PAYER_ID, CHECK_RECIPIENT_ID, CARD_PAYMENT_METHOD_ID));
        Response foreign = http.post(
                "/payment-intents", """
                {"payer":{"id":"%s"},"recipient":{"id":"%s"},"paymentMethod":{"id":"%s"},
                 "targetAmount":{"value":10,"currency":"USD"}}""".formatted(PAYER_WITHOUT_TIN_ID, CHECK_RECIPIENT_ID, CARD_PAYMENT_METHOD_ID));

        assertThat(cents.status()).isEqualTo(400);
        assertThat(cents.json().at("/details/0/details").asString()).startsWith("targetAmount.value");
        assertThat(foreign.status()).isEqualTo(400);
        assertThat(foreign.json().at("/details/0/details").asString()).startsWith("paymentMethod.id");
    }

    @Test
    void createPayment_repeatedIdempotencyKey_replaysFirstAnswerWithoutPayingTwice() {
        JsonNode intent = intent(PAYER_ID, CHECK_RECIPIENT_ID, CARD_PAYMENT_METHOD_ID, "42");
        String body = "{\"paymentIntent\":{\"id\":\"%s\"},\"payer\":{\"id\":\"%s\"}}"
                .formatted(intent.path("id").asString(), PAYER_ID);
        Http keyed = http.with("Idempotency-Key", UUID.randomUUID().toString());

        Response first = keyed.post("/payments", body);
        Response replay = keyed.post("/payments", body);
        Response otherBody = keyed.post("/payments", body.replace(PAYER_ID, PAYER_WITHOUT_TIN_ID));

        assertThat(first.status()).isEqualTo(200);
        assertThat(first.header("Idempotent-Replay")).isEmpty();
        assertThat(replay.status()).isEqualTo(200);
        assertThat(replay.header("Idempotent-Replay")).contains("true");
        assertThat(replay.json().path("id").asString())
                .isEqualTo(first.json().path("id").asString());
        assertThat(otherBody.status()).isEqualTo(400);
        assertThat(http.get("/payments?payerId=" + PAYER_ID)
                        .json()
                        .at("/pagination/total")
                        .asInt())
                .isEqualTo(4);
    }

    @Test
    void refund_chargedPayment_refundedOnceAndDepositedOneFails() {
        String refund = "{\"payerId\":\"" + PAYER_ID + "\"}";

        Response refunded = http.post("/payments/" + CHARGED_PAYMENT_ID + "/refunds", refund);
        Response twice = http.post("/payments/" + CHARGED_PAYMENT_ID + "/refunds", refund);
        Response deposited = http.post("/payments/" + DEPOSITED_PAYMENT_ID + "/refunds", refund);
        Response wrongPayer = http.post(
                "/payments/" + IN_TRANSIT_PAYMENT_ID + "/refunds", "{\"payerId\":\"" + PAYER_WITHOUT_TIN_ID + "\"}");

        assertThat(refunded.json().toString()).isEqualTo("{\"status\":\"REFUNDED\"}");
        assertThat(http.get("/payments/" + CHARGED_PAYMENT_ID + "?payerId=" + PAYER_ID)
                        .json()
                        .path("status")
                        .asString())
                .isEqualTo("REFUNDED");
        assertThat(twice.status()).isEqualTo(400);
        assertThat(deposited.json().toString()).isEqualTo("{\"status\":\"REFUND_FAILED\"}");
        assertThat(wrongPayer.status()).isEqualTo(404);
    }
}
