package dev.toolgate.sandbox.plastiq;

import static dev.toolgate.sandbox.plastiq.PlastiqSeed.*;

import dev.toolgate.sandbox.emulation.SandboxJson;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Locale;
import java.util.Map;
import tools.jackson.databind.node.ObjectNode;

/** Fills a new store with the data described in {@link PlastiqSeed}; timestamps are relative to the store's clock. */
final class SeedData {
    private final PlastiqStore store;
    private final Instant now;

    private SeedData(PlastiqStore store) {
        this.store = store;
        this.now = store.now();
    }

    static void into(PlastiqStore store) {
        SeedData seed = new SeedData(store);
        seed.payers();
        seed.paymentMethods();
        seed.categories();
        seed.recipients();
        BillerNetwork.seed(store);
        seed.payments();
    }

    private void payers() {
        put(store.payers, PAYER_ID, """
                {"businessName":"Harbor Coffee Roasters","contact":{"firstName":"Maya","lastName":"Chen",
                 "email":"ap@harborcoffee.example","phone":"4155550100"},
                 "businessAddress":{"line1":"360 9th St","city":"San Francisco","state":"CA","postalCode":"94103",
                 "country":"US"},"identityDocuments":[{"id":"1d0c0000-0000-4000-8000-000000000001","type":"US_EIN",
                 "value":"941234567"}],"status":"ACTIVE","createdAt":"%s"}""", ago(90));
        put(store.payers, PAYER_WITHOUT_TIN_ID, """
                {"businessName":"Lone Star Dental","contact":{"email":"office@lonestardental.example"},
                 "businessAddress":{"line1":"500 Congress Ave","city":"Austin","state":"TX","postalCode":"78701",
                 "country":"US"},"identityDocuments":[],"status":"ACTIVE","createdAt":"%s"}""", ago(30));
    }

    private void paymentMethods() {
        card(CARD_PAYMENT_METHOD_ID, PAYER_ID, "Visa", "4242", "CREDIT", "CA", "ACTIVE");
        card(DEBIT_CARD_PAYMENT_METHOD_ID, PAYER_ID, "Mastercard", "5454", "DEBIT", "CA", "ACTIVE");
        put(store.paymentMethods, BANK_PAYMENT_METHOD_ID, """
                {"type":"BANK_ACCOUNT","data":{"accountType":"CHECKING","accountHolderName":"Harbor Coffee Roasters",
                 "createdAt":"%s","accountLastFour":"6789","routingNumber":"121000358","billingAddress":%s},
                 "status":"ACTIVE","statusReasons":[]}""", ago(80), address("CA"));
        store.owners.put(BANK_PAYMENT_METHOD_ID, PAYER_ID);
        card(TIN_BLOCKED_PAYMENT_METHOD_ID, PAYER_WITHOUT_TIN_ID, "Visa", "1881", "CREDIT", "TX", "INACTIVE");
        store.paymentMethods.get(TIN_BLOCKED_PAYMENT_METHOD_ID).set("statusReasons", PaymentMethods.tinRequired());
    }

    private void card(
            String id, String payer, String brand, String last4, String subType, String state, String status) {
        put(store.paymentMethods, id, """
                {"type":"CARD","data":{"last4":"%s","brand":"%s","expirationMonth":"08","expirationYear":"2030",
                 "createdAt":"%s","billingAddress":%s,"subType":"%s"},"status":"%s","statusReasons":[]}""", last4, brand, ago(60), address(state), subType, status);
        store.owners.put(id, payer);
    }

    private void categories() {
        String[] names = {
            "Utilities",
            "Rent & Property",
            "Software & Web Services",
            "Office Supplies",
            "Insurance",
            "Professional Services",
            "Inventory"
        };
        for (int i = 0; i < names.length; i++) {
            String id = "c0a1b2c3-0000-4000-8000-00000000000" + (i + 1);
            put(store.categories, id, "{\"displayName\":\"%s\"}", names[i]);
        }
    }

    private void recipients() {
        recipient(ACH_RECIPIENT_ID, "Pacific Produce Supply", "c0a1b2c3-0000-4000-8000-000000000007", """
                {"type":"ACH","accountNumber":"3829473294723","routingNumber":"021000021",
                 "beneficiaryName":"Pacific Produce Supply","country":"US"}""", "ACTIVE");
        store.owners.put(ACH_RECIPIENT_ID, PAYER_ID);
        recipient(
                CHECK_RECIPIENT_ID,
                "Bayview Property Management",
                "c0a1b2c3-0000-4000-8000-000000000002",
                """
                {"type":"CHECK","line1":"1 Market St","line2":"Suite 400","city":"San Francisco","state":"CA",
                 "postalCode":"94105","country":"US"}""",
                "ACTIVE");
        recipient(
                WIRE_RECIPIENT_ID,
                "Northstar Equipment Leasing",
                "c0a1b2c3-0000-4000-8000-000000000006",
                """
                {"type":"WIRE","accountNumber":"NS00451234","routingNumber":"026009593",
                 "beneficiaryName":"Northstar Equipment Leasing","country":"US"}""",
                "ACTIVE");
        recipient(EFT_RECIPIENT_ID, "Maple Leaf Printing Ltd.", "c0a1b2c3-0000-4000-8000-000000000004", """
                {"type":"EFT","accountNumber":"1234567","routingNumber":"00301094",
                 "beneficiaryName":"Maple Leaf Printing Ltd."}""", "ACTIVE");
        store.recipients.get(EFT_RECIPIENT_ID).set("businessAddress", json("""
                {"line1":"100 King St W","city":"Toronto","state":"ON","postalCode":"M5X 1A9","country":"CA"}"""));
        recipient(
                INACTIVE_RECIPIENT_ID,
                "Old Harbor Linen Service",
                "c0a1b2c3-0000-4000-8000-000000000006",
                """
                {"type":"ACH","accountNumber":"99887766","routingNumber":"011000015",
                 "beneficiaryName":"Old Harbor Linen","country":"US"}""",
                "INACTIVE");
    }

    private void recipient(String id, String name, String category, String receivingMethod, String status) {
        put(
                store.recipients,
                id,
                """
                {"businessName":"%s","categoryId":"%s","businessAddress":%s,
                 "contact":{"email":"billing@%s.example"},"receivingMethod":%s,"status":"%s","createdAt":"%s"}""",
                name,
                category,
                address("CA"),
                name.toLowerCase(Locale.ROOT).replaceAll("[^a-z]", ""),
                receivingMethod,
                status,
                ago(45));
    }

    private void payments() {
        payment(DEPOSITED_PAYMENT_ID, CHECK_RECIPIENT_ID, CARD_PAYMENT_METHOD_ID, "1200.00", "DEPOSITED", 20);
        payment(IN_TRANSIT_PAYMENT_ID, ACH_RECIPIENT_ID, CARD_PAYMENT_METHOD_ID, "450.00", "IN_TRANSIT", 2);
        payment(CHARGED_PAYMENT_ID, OMEGA_BILLER_ID, DEBIT_CARD_PAYMENT_METHOD_ID, "120.00", "CHARGED", 0);
        ObjectNode intent =
                Intents.draft(store, PAYER_ID, OMEGA_BILLER_ID, CARD_PAYMENT_METHOD_ID, new BigDecimal("75.00"));
        intent.put("id", EXPIRED_INTENT_ID);
        intent.put("createdAt", ago(1));
        intent.put(
                "expiresAt",
                now.minus(Duration.ofDays(1)).plus(Intents.LIFETIME).toString());
        intent.put("status", "EXPIRED");
        store.intents.put(EXPIRED_INTENT_ID, intent);
        store.owners.put(EXPIRED_INTENT_ID, PAYER_ID);
    }

    private void payment(String id, String payee, String method, String dollars, String status, int daysAgo) {
        ObjectNode intent = Intents.draft(store, PAYER_ID, payee, method, new BigDecimal(dollars));
        Instant created = now.minus(Duration.ofDays(daysAgo));
        ObjectNode payment = Payments.fromIntent(store, id, intent, created);
        payment.put("status", status);
        String type = store.payee(PAYER_ID, payee)
                .orElseThrow()
                .at("/receivingMethod/type")
                .asString();
        payment.put(
                "deliveryDate",
                Quote.deliveryDate(created.atOffset(ZoneOffset.UTC).toLocalDate(), type, false)
                        .toString());
        store.payments.put(id, payment);
        store.owners.put(id, PAYER_ID);
    }

    private String ago(int days) {
        return now.minus(Duration.ofDays(days)).toString();
    }

    private static String address(String state) {
        return state.equals("TX")
                ? "{\"line1\":\"500 Congress Ave\",\"city\":\"Austin\",\"state\":\"TX\",\"postalCode\":\"78701\",\"country\":\"US\"}"
                : "{\"line1\":\"360 9th St\",\"city\":\"San Francisco\",\"state\":\"CA\",\"postalCode\":\"94103\",\"country\":\"US\"}";
    }

    private static void put(Map<String, ObjectNode> map, String id, String template, Object... args) {
        ObjectNode node = SandboxJson.object();
        node.put("id", id);
        node.setAll(json(template.formatted(args)));
        map.put(id, node);
    }

    static ObjectNode json(String text) {
        return (ObjectNode) SandboxJson.MAPPER.readTree(text);
    }
}
