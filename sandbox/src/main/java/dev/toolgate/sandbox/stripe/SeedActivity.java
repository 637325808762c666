package dev.toolgate.sandbox.stripe;

import tools.jackson.databind.node.ObjectNode;

/**
 * Seeds payments (payment intents with their charges), refunds, disputes, invoices and a payout on top of
 * {@link SeedCatalog} (see {@link StripeSandbox} for the list). Times are relative to {@code t0}.
 */
final class SeedActivity {
    private static final long HOUR = 3600;

    private final Store store;
    private final Ledger ledger;
    private final Payments payments;
    private final Intents intents;
    private final Disputes disputes;
    private final Invoices invoices;
    private final long t0;

    SeedActivity(Store store, Ledger ledger, Intents intents, Invoices invoices, long t0) {
        this.store = store;
        this.ledger = ledger;
        this.payments = new Payments(store, ledger);
        this.intents = intents;
        this.disputes = new Disputes(store, ledger);
        this.invoices = invoices;
        this.t0 = t0;
    }

    void run() {
        subscriptionPayments();
        oneOffPayments();
        openIntents();
        disputesOf();
        otherInvoices();
        ledger.record(new Ledger.Entry(
                "txn_SeedPayout",
                "payout",
                "payout",
                -50000,
                0,
                "usd",
                "po_SeedWeekly",
                "STRIPE PAYOUT",
                t0 - 30 * Ledger.DAY));
    }

    private void subscriptionPayments() {
        for (int i = 1; i <= 3; i++) {
            int daysAgo = 91 - 30 * i;
            pay("Jane" + i, "cus_SeedJane", 2900, "usd", t0 - daysAgo * Ledger.DAY, "Subscription update");
            paidInvoice("in_SeedJane" + i, "Jane" + i, "sub_SeedJanePro", "1 × Pro plan (monthly)");
        }
        pay("Omar1", "cus_SeedOmar", 900, "usd", days(34), "Subscription update");
        paidInvoice("in_SeedOmar1", "Omar1", "sub_SeedOmarBasic", "1 × Basic plan (monthly)");
        ObjectNode omar = invoice("in_SeedOmarOpen", "cus_SeedOmar", "sub_SeedOmarBasic", 3);
        invoices.addLine(omar, "1 × Basic plan (monthly)", 900, days(3), days(3) + 30 * Ledger.DAY);
        invoices.finalizeDraft(omar, days(3));
        decline("OmarFailed", "cus_SeedOmar", 900, days(3), "insufficient_funds", "Your card has insufficient funds.");
        link(omar, "OmarFailed");
        omar.put("attempt_count", 2);
        pay("AcmeTeam", "cus_SeedAcme", 49000, "usd", days(100), "Subscription creation");
        paidInvoice("in_SeedAcmePaid", "AcmeTeam", "sub_SeedAcmeTeam", "1 × Team plan (yearly)");
    }

    private void oneOffPayments() {
        decline(
                "JaneAddon",
                "cus_SeedJane",
                4900,
                t0 - 5 * HOUR,
                "insufficient_funds",
                "Your card has insufficient funds.");
        pay("RaviLaptop", "cus_SeedRavi", 45000, "usd", days(20), "Laptop dock bundle");
        pay("RaviHeadphones", "cus_SeedRavi", 12000, "usd", days(15), "Wireless headphones");
        pay("LenaTeam", "cus_SeedLena", 49000, "usd", days(120), "Team plan, duplicate payment");
        pay("EmmaCourse", "cus_SeedEmma", 7500, "eur", days(10), "Online course: Advanced Baking");
        pay("NoahGift", "cus_SeedNoah", 3000, "usd", days(90), "Gift card");
        ObjectNode maria = pay("MariaOrder", "cus_SeedMaria", 5000, "usd", days(40), "Order 2002");
        refund("re_SeedMariaOrder", maria, 5000, "requested_by_customer", days(38));
        ObjectNode janet = pay("JanetMug", "cus_SeedJanet", 2500, "usd", t0 - 20 * HOUR, "Ceramic mug set");
        refund("re_SeedJanetMug", janet, 500, "requested_by_customer", t0 - 10 * HOUR);
    }

    private void openIntents() {
        ObjectNode kenji = intent("pi_SeedKenjiAuth", "cus_SeedKenji", 8000, days(2), "Hotel deposit");
        kenji.put("capture_method", "manual");
        Intents.attach(kenji, "pm_SeedKenjiVisa");
        intents.confirm(kenji, "ch_SeedKenjiAuth", days(2));
        Intents.attach(
                intent("pi_SeedSofiaCheckout", "cus_SeedSofia", 4500, t0 - 26 * HOUR, "Checkout"), "pm_card_visa");
        intent("pi_SeedLiamCart", "cus_SeedLiam", 1999, t0 - 3 * HOUR, "Cart 77");
        intents.cancel(
                intent("pi_SeedNoahCanceled", "cus_SeedNoah", 6500, days(50), "Abandoned cart"), "abandoned", days(49));
    }

    private void disputesOf() {
        disputes.open(
                "dp_SeedRaviLaptop",
                charge("RaviLaptop"),
                "fraudulent",
                "needs_response",
                days(5),
                t0 + 4 * Ledger.DAY);
        disputes.open(
                "dp_SeedRaviHeadphones",
                charge("RaviHeadphones"),
                "product_not_received",
                "needs_response",
                days(3),
                t0 + 8 * Ledger.DAY);
        disputes.open(
                "dp_SeedEmmaCourse",
                charge("EmmaCourse"),
                "general",
                "warning_needs_response",
                days(2),
                t0 + 12 * Ledger.DAY);
        ObjectNode won = disputes.open("dp_SeedLenaTeam", charge("LenaTeam"), "duplicate", "won", days(100), days(90));
        ((ObjectNode) won.get("evidence"))
                .put("duplicate_charge_explanation", "Second payment was for a new seat pack.");
        ((ObjectNode) won.get("evidence_details")).put("has_evidence", true).put("submission_count", 1);
        ledger.record(new Ledger.Entry(
                store.newId("txn"),
                "adjustment",
                "dispute_reversal",
                49000,
                0,
                "usd",
                "dp_SeedLenaTeam",
                "Chargeback reversal for ch_SeedLenaTeam",
                days(85)));
        disputes.open("dp_SeedNoahGift", charge("NoahGift"), "product_unacceptable", "lost", days(80), days(70));
    }

    private void otherInvoices() {
        ObjectNode acme = invoice("in_SeedAcmeOpen", "cus_SeedAcme", "sub_SeedAcmeTeam", 5);
        emailed(acme, 25);
        invoices.addLine(acme, "1 × Team plan (yearly)", 49000, days(5), days(5) + 365 * Ledger.DAY);
        invoices.finalizeDraft(acme, days(5));
        ObjectNode draft = invoice("in_SeedAcmeDraft", "cus_SeedAcme", null, 1);
        emailed(draft, 30);
        invoices.addLine(draft, "Onboarding workshop (2 days)", 120000, days(1), days(1));
        ObjectNode sofia = invoice("in_SeedSofiaDraft", "cus_SeedSofia", null, 0);
        invoices.addLine(sofia, "Consulting hour", 4500, t0, t0);
        ObjectNode lena = invoice("in_SeedLenaVoid", "cus_SeedLena", null, 20);
        invoices.addLine(lena, "Team plan renewal", 49000, days(20), days(20));
        invoices.finalizeDraft(lena, days(20));
        invoices.voidOpen(lena, days(16));
        ObjectNode noah = invoice("in_SeedNoahUncollectible", "cus_SeedNoah", null, 60);
        invoices.addLine(noah, "Replacement gift card", 3000, days(60), days(60));
        invoices.finalizeDraft(noah, days(60));
        noah.put("status", "uncollectible");
        ((ObjectNode) noah.get("status_transitions")).put("marked_uncollectible_at", days(30));
    }

    /** A succeeded payment intent {@code pi_Seed<suffix>} with its captured charge {@code ch_Seed<suffix>}. */
    private ObjectNode pay(String suffix, String customer, long amount, String currency, long at, String description) {
        ObjectNode pi = intent("pi_Seed" + suffix, customer, amount, at, description);
        pi.put("currency", currency);
        Intents.attach(pi, defaultMethod(customer));
        intents.confirm(pi, "ch_Seed" + suffix, at);
        return charge(suffix);
    }

    /** A declined attempt: the intent waits for a new payment method, the charge failed. */
    private void decline(String suffix, String customer, long amount, long at, String code, String message) {
        ObjectNode pi = intent("pi_Seed" + suffix, customer, amount, at, "Payment attempt");
        ObjectNode charge = payments.draft("ch_Seed" + suffix, amount, "usd", defaultMethod(customer), at);
        charge.put("customer", customer);
        charge.put("payment_intent", pi.path("id").asString());
        payments.decline(charge, code, message);
        Intents.declined(pi, charge, code);
    }

    private ObjectNode intent(String id, String customer, long amount, long at, String description) {
        ObjectNode pi = intents.create(id, amount, "usd", at);
        pi.put("customer", customer);
        pi.put("description", description);
        return store.put(pi);
    }

    private void refund(String id, ObjectNode charge, long amount, String reason, long at) {
        ObjectNode refund = Payments.refundObject(id, charge, amount, at);
        refund.put("reason", reason);
        refund.put(
                "balance_transaction",
                ledger.refund(id, amount, charge.path("currency").asString(), at));
        charge.put("amount_refunded", charge.path("amount_refunded").asLong() + amount);
        charge.put(
                "refunded",
                charge.path("amount_refunded").asLong() == charge.path("amount").asLong());
        store.put(refund);
    }

    private void paidInvoice(String id, String paymentSuffix, String subscription, String line) {
        ObjectNode charge = charge(paymentSuffix);
        long at = charge.path("created").asLong();
        ObjectNode invoice = invoice(id, Nodes.text(charge, "customer"), subscription, 0);
        invoice.put("created", at);
        invoice.put("billing_reason", "subscription_cycle");
        invoices.addLine(invoice, line, charge.path("amount").asLong(), at, at + 30 * Ledger.DAY);
        invoices.finalizeDraft(invoice, at);
        link(invoice, paymentSuffix);
        invoices.markPaid(invoice, at);
        store.find(subscription).ifPresent(s -> s.put("latest_invoice", id));
    }

    private ObjectNode invoice(String id, String customer, String subscription, int daysAgo) {
        ObjectNode invoice = invoices.draft(id, store.get(customer, "customer"), "usd", days(daysAgo));
        if (subscription != null) {
            invoice.put("subscription", subscription);
            invoice.put("billing_reason", "subscription_cycle");
            store.get(subscription, "subscription").put("latest_invoice", id);
        }
        return store.put(invoice);
    }

    private void link(ObjectNode invoice, String paymentSuffix) {
        String id = invoice.path("id").asString();
        invoice.put("charge", "ch_Seed" + paymentSuffix);
        invoice.put("payment_intent", "pi_Seed" + paymentSuffix);
        invoice.put("attempted", true);
        invoice.put("attempt_count", 1);
        charge(paymentSuffix).put("invoice", id);
        store.get("pi_Seed" + paymentSuffix, "payment_intent").put("invoice", id);
    }

    private void emailed(ObjectNode invoice, int dueInDays) {
        invoice.put("collection_method", "send_invoice");
        invoice.put("due_date", t0 + dueInDays * Ledger.DAY);
    }

    private ObjectNode charge(String suffix) {
        return store.get("ch_Seed" + suffix, "charge");
    }

    private String defaultMethod(String customer) {
        String method = Customers.defaultPaymentMethod(store.get(customer, "customer"));
        return method.isEmpty() ? "pm_card_visa" : method;
    }

    private long days(int ago) {
        return t0 - ago * Ledger.DAY;
    }
}
