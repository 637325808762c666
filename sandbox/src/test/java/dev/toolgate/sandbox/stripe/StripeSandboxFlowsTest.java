package dev.toolgate.sandbox.stripe;

import static dev.toolgate.sandbox.stripe.StripeSandboxTest.ids;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** The sandbox's state machines over real HTTP: refunds, disputes, payment intents, invoices, subscriptions, balance. */
class StripeSandboxFlowsTest {
    private StripeSandbox sandbox;
    private StripeTestClient stripe;

    @BeforeEach
    void start() {
        sandbox = StripeSandbox.start(0);
        stripe = new StripeTestClient(sandbox);
    }

    @AfterEach
    void stop() {
        sandbox.close();
    }

    @Test
    void seedWorkflow_subscriptionAuditThenPartialRefund() {
        String customer = stripe.get("/v1/customers?email=jane@example.com")
                .body()
                .at("/data/0/id")
                .asString();
        JsonNode subs =
                stripe.get("/v1/customers/" + customer + "/subscriptions").body();
        assertThat(subs.at("/data/0/status").asString()).isEqualTo("active");
        assertThat(subs.at("/data/0/items/data/0/price/nickname").asString()).isEqualTo("Pro plan (monthly)");
        JsonNode charges = stripe.get("/v1/charges?customer=" + customer).body();
        assertThat(charges.at("/data/0/status").asString()).isEqualTo("failed");
        assertThat(charges.at("/data/1/id").asString()).isEqualTo("ch_SeedJane3");
        var refund = stripe.post("/v1/refunds", "charge=ch_SeedJane3&amount=1500&reason=requested_by_customer");
        assertThat(refund.status()).isEqualTo(200);
        assertThat(refund.body().path("id").asString()).startsWith("re_");
        assertThat(refund.body().path("amount").asLong()).isEqualTo(1500);
        JsonNode charge = stripe.get("/v1/charges/ch_SeedJane3").body();
        assertThat(charge.path("amount_refunded").asLong()).isEqualTo(1500);
        assertThat(charge.path("refunded").asBoolean()).isFalse();
        var tooMuch = stripe.post("/v1/refunds", "charge=ch_SeedJane3&amount=1500");
        assertThat(tooMuch.status()).isEqualTo(400);
        assertThat(tooMuch.body().at("/error/code").asString()).isEqualTo("amount_too_large");
        var rest = stripe.post("/v1/refunds", "charge=ch_SeedJane3");
        assertThat(rest.body().path("amount").asLong()).isEqualTo(1400);
        assertThat(stripe.get("/v1/charges/ch_SeedJane3")
                        .body()
                        .path("refunded")
                        .asBoolean())
                .isTrue();
        var again = stripe.post("/v1/refunds", "charge=ch_SeedJane3");
        assertThat(again.body().at("/error/code").asString()).isEqualTo("charge_already_refunded");
    }

    @Test
    void createRefund_concurrentPartialRefunds_neverRefundMoreThanTheCharge() throws Exception {
        List<Integer> statuses;
        try (var executor = Executors.newVirtualThreadPerTaskExecutor()) {
            List<Future<Integer>> calls = new ArrayList<>();
            for (int i = 0; i < 40; i++) {
                calls.add(executor.submit(() -> stripe.post("/v1/refunds", "charge=ch_SeedJane1&amount=100")
                        .status()));
            }
            statuses = new ArrayList<>();
            for (Future<Integer> call : calls) {
                statuses.add(call.get());
            }
        }
        assertThat(statuses).filteredOn(s -> s == 200).hasSize(29);
        assertThat(statuses).filteredOn(s -> s == 400).hasSize(11);
        JsonNode charge = stripe.get("/v1/charges/ch_SeedJane1").body();
        assertThat(charge.path("amount_refunded").asLong()).isEqualTo(2900);
        assertThat(charge.path("refunded").asBoolean()).isTrue();
    }

    @Test
    void createRefund_needsAChargeNotAPaymentIntentId() {
        var none = stripe.post("/v1/refunds", "amount=100");
        assertThat(none.body().at("/error/code").asString()).isEqualTo("parameter_missing");
        var wrongKind = stripe.post("/v1/refunds", "charge=pi_SeedJane3");
        assertThat(wrongKind.status()).isEqualTo(400);
        assertThat(wrongKind.body().at("/error/message").asString()).isEqualTo("No such charge: 'pi_SeedJane3'");
        assertThat(wrongKind.body().at("/error/param").asString()).isEqualTo("charge");
        var viaIntent = stripe.post("/v1/refunds", "payment_intent=pi_SeedJane2&amount=100");
        assertThat(viaIntent.body().path("charge").asString()).isEqualTo("ch_SeedJane2");
        var disputed = stripe.post("/v1/refunds", "charge=ch_SeedRaviLaptop");
        assertThat(disputed.body().at("/error/code").asString()).isEqualTo("charge_disputed");
    }

    @Test
    void seedWorkflow_triageDisputesThenClose() {
        JsonNode disputes = stripe.get("/v1/disputes?limit=100").body();
        JsonNode largest = null;
        for (JsonNode d : disputes.path("data")) {
            if (d.path("status").asString().equals("needs_response")
                    && (largest == null
                            || d.path("amount").asLong()
                                    > largest.path("amount").asLong())) {
                largest = d;
            }
        }
        assertThat(largest).isNotNull();
        assertThat(largest.path("id").asString()).isEqualTo("dp_SeedRaviLaptop");
        String customer = stripe.get("/v1/charges/" + largest.path("charge").asString())
                .body()
                .path("customer")
                .asString();
        assertThat(stripe.get("/v1/customers/" + customer).body().path("email").asString())
                .isEqualTo("ravi@example.org");
        var closed = stripe.post("/v1/disputes/dp_SeedRaviLaptop/close", "");
        assertThat(closed.body().path("status").asString()).isEqualTo("lost");
        assertThat(stripe.post("/v1/disputes/dp_SeedRaviLaptop/close", "").status())
                .isEqualTo(400);
        var inquiry = stripe.post("/v1/disputes/dp_SeedEmmaCourse/close", "");
        assertThat(inquiry.body().path("status").asString()).isEqualTo("warning_closed");
    }

    @Test
    void updateDispute_submitsEvidenceUnlessSubmitFalse() {
        var staged = stripe.post(
                "/v1/disputes/dp_SeedRaviHeadphones",
                "evidence[shipping_tracking_number]=1Z999&submit=false&metadata[ticket]=42");
        assertThat(staged.body().path("status").asString()).isEqualTo("needs_response");
        assertThat(staged.body().at("/evidence/shipping_tracking_number").asString())
                .isEqualTo("1Z999");
        assertThat(staged.body().at("/evidence_details/has_evidence").asBoolean())
                .isTrue();
        var submitted = stripe.post("/v1/disputes/dp_SeedRaviHeadphones", "evidence[product_description]=Headphones");
        assertThat(submitted.body().path("status").asString()).isEqualTo("under_review");
        assertThat(submitted.body().at("/evidence_details/submission_count").asInt())
                .isEqualTo(1);
        var late = stripe.post("/v1/disputes/dp_SeedRaviHeadphones", "evidence[product_description]=x");
        assertThat(late.status()).isEqualTo(400);
        var unknown = stripe.post("/v1/disputes/dp_SeedRaviLaptop", "evidence[color]=red&submit=false");
        assertThat(unknown.body().at("/error/param").asString()).isEqualTo("evidence[color]");
    }

    @Test
    void paymentIntent_createConfirmCaptureAndWrongStates() {
        var created = stripe.post(
                "/v1/payment_intents",
                "amount=2000&currency=usd&customer=cus_SeedKenji" + "&capture_method=manual&metadata[order]=9");
        JsonNode pi = created.body();
        assertThat(pi.path("status").asString()).isEqualTo("requires_payment_method");
        String id = pi.path("id").asString();
        var noMethod = stripe.post("/v1/payment_intents/" + id + "/confirm", "");
        assertThat(noMethod.body().at("/error/code").asString()).isEqualTo("payment_intent_unexpected_state");
        var confirmed = stripe.post("/v1/payment_intents/" + id + "/confirm", "payment_method=pm_card_visa");
        assertThat(confirmed.body().path("status").asString()).isEqualTo("requires_capture");
        assertThat(confirmed.body().path("amount_capturable").asLong()).isEqualTo(2000);
        var over = stripe.post("/v1/payment_intents/" + id + "/capture", "amount_to_capture=2500");
        assertThat(over.body().at("/error/code").asString()).isEqualTo("amount_too_large");
        var captured =
                stripe.post("/v1/payment_intents/" + id + "/capture", "amount_to_capture=1500&expand[]=latest_charge");
        assertThat(captured.body().path("status").asString()).isEqualTo("succeeded");
        assertThat(captured.body().path("amount_received").asLong()).isEqualTo(1500);
        assertThat(captured.body().at("/latest_charge/amount_captured").asLong())
                .isEqualTo(1500);
        assertThat(captured.body().at("/latest_charge/amount_refunded").asLong())
                .isEqualTo(500);
        assertThat(captured.body().at("/latest_charge/metadata/order").asString())
                .isEqualTo("9");
        var cancel = stripe.post("/v1/payment_intents/" + id + "/cancel", "");
        assertThat(cancel.status()).isEqualTo(400);
        assertThat(cancel.body().at("/error/message").asString()).contains("status of succeeded");
    }

    @Test
    void paymentIntent_cancelReleasesAuthorization() {
        var canceled =
                stripe.post("/v1/payment_intents/pi_SeedKenjiAuth/cancel", "cancellation_reason=requested_by_customer");
        assertThat(canceled.body().path("status").asString()).isEqualTo("canceled");
        assertThat(stripe.get("/v1/charges/ch_SeedKenjiAuth")
                        .body()
                        .path("refunded")
                        .asBoolean())
                .isTrue();
        var failed = stripe.get("/v1/payment_intents/pi_SeedJaneAddon").body();
        assertThat(failed.at("/last_payment_error/decline_code").asString()).isEqualTo("insufficient_funds");
        var confirmed = stripe.post("/v1/payment_intents/pi_SeedSofiaCheckout/confirm", "");
        assertThat(confirmed.body().path("status").asString()).isEqualTo("succeeded");
    }

    @Test
    void invoice_draftFinalizePayAndVoidRules() {
        var draft = stripe.get("/v1/invoices/in_SeedSofiaDraft").body();
        assertThat(draft.path("status").asString()).isEqualTo("draft");
        assertThat(stripe.post("/v1/invoices/in_SeedSofiaDraft/pay", "").status())
                .isEqualTo(400);
        var open = stripe.post("/v1/invoices/in_SeedSofiaDraft/finalize", "").body();
        assertThat(open.path("status").asString()).isEqualTo("open");
        assertThat(open.path("number").asString()).isNotEmpty();
        var paid = stripe.post("/v1/invoices/in_SeedSofiaDraft/pay", "expand[]=charge")
                .body();
        assertThat(paid.path("status").asString()).isEqualTo("paid");
        assertThat(paid.path("amount_paid").asLong()).isEqualTo(4500);
        assertThat(paid.at("/charge/invoice").asString()).isEqualTo("in_SeedSofiaDraft");
        assertThat(stripe.post("/v1/invoices/in_SeedSofiaDraft/void", "").status())
                .isEqualTo(400);
        assertThat(stripe.delete("/v1/invoices/in_SeedSofiaDraft").status()).isEqualTo(400);
        var deleted = stripe.delete("/v1/invoices/in_SeedAcmeDraft").body();
        assertThat(deleted.path("deleted").asBoolean()).isTrue();
        assertThat(stripe.get("/v1/invoices/in_SeedAcmeDraft").status()).isEqualTo(404);
        assertThat(stripe.post("/v1/invoices/in_SeedAcmeOpen/send", "").status())
                .isEqualTo(200);
        assertThat(stripe.post("/v1/invoices/in_SeedOmarOpen/send", "").status())
                .isEqualTo(400);
        var voided = stripe.post("/v1/invoices/in_SeedAcmeOpen/void", "").body();
        assertThat(voided.path("status").asString()).isEqualTo("void");
        assertThat(ids(stripe.get("/v1/invoices?status=open").body())).containsExactly("in_SeedOmarOpen");
    }

    @Test
    void subscriptions_listFiltersCreateAndCancel() {
        assertThat(ids(stripe.get("/v1/subscriptions?customer=cus_SeedLena").body()))
                .isEmpty();
        assertThat(ids(stripe.get("/v1/subscriptions?customer=cus_SeedLena&status=canceled")
                        .body()))
                .containsExactly("sub_SeedLenaTeam");
        var created = stripe.post(
                "/v1/subscriptions",
                "customer=cus_SeedLiam&items[0][price]=price_SeedBasicMonthly"
                        + "&items[0][quantity]=2&metadata[source]=test");
        assertThat(created.status()).as(created.body().toString()).isEqualTo(200);
        assertThat(created.body().at("/items/data/0/quantity").asLong()).isEqualTo(2);
        String id = created.body().path("id").asString();
        var badPrice = stripe.post("/v1/subscriptions", "customer=cus_SeedLiam&items[0][price]=price_nope");
        assertThat(badPrice.body().at("/error/param").asString()).isEqualTo("items[0][price]");
        var canceled = stripe.delete("/v1/subscriptions/" + id + "?cancellation_details[feedback]=too_expensive");
        assertThat(canceled.body().path("status").asString()).isEqualTo("canceled");
        assertThat(canceled.body().at("/cancellation_details/feedback").asString())
                .isEqualTo("too_expensive");
        var search = stripe.get("/v1/subscriptions/search?query=" + StripeSandboxTest.encode("status:\"past_due\""));
        assertThat(ids(search.body())).containsExactly("sub_SeedOmarBasic");
    }

    @Test
    void deleteCustomer_returnsDeletedAndCancelsSubscriptions() {
        var deleted = stripe.delete("/v1/customers/cus_SeedMaria").body();
        assertThat(deleted.toString()).isEqualTo("{\"id\":\"cus_SeedMaria\",\"object\":\"customer\",\"deleted\":true}");
        assertThat(stripe.get("/v1/customers/cus_SeedMaria")
                        .body()
                        .path("deleted")
                        .asBoolean())
                .isTrue();
        assertThat(stripe.get("/v1/subscriptions/sub_SeedMariaBasic")
                        .body()
                        .path("status")
                        .asString())
                .isEqualTo("canceled");
        assertThat(stripe.post("/v1/customers/cus_SeedMaria", "name=x").status())
                .isEqualTo(404);
    }

    @Test
    void balance_splitsAvailableAndPendingPerCurrencyAndFollowsRefunds() {
        JsonNode balance = stripe.get("/v1/balance").body();
        assertThat(balance.path("object").asString()).isEqualTo("balance");
        assertThat(balance.at("/available/0/currency").asString()).isEqualTo("eur");
        assertThat(balance.at("/pending/1/currency").asString()).isEqualTo("usd");
        assertThat(balance.at("/pending/1/amount").asLong()).isPositive();
        long available = balance.at("/available/1/amount").asLong();
        stripe.post("/v1/refunds", "charge=ch_SeedJane2&amount=1000");
        assertThat(stripe.get("/v1/balance").body().at("/available/1/amount").asLong())
                .isEqualTo(available - 1000);
        JsonNode txns =
                stripe.get("/v1/balance_transactions?type=refund&limit=100").body();
        assertThat(txns.path("data")).hasSize(3);
        assertThat(txns.at("/data/0/amount").asLong()).isEqualTo(-1000);
    }
}
