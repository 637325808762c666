package dev.toolgate.sandbox.stripe;

import java.util.Locale;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Invoice objects and their lifecycle: {@code draft} → finalize → {@code open} (numbered; paid at once when nothing is
 * due) → pay → {@code paid}, or void → {@code void}. Paying charges the customer's payment method through a payment
 * intent, as Stripe does, unless it is paid out of band.
 */
final class Invoices {
    private final Store store;
    private final Intents intents;

    Invoices(Store store, Intents intents) {
        this.store = store;
        this.intents = intents;
    }

    /** A new draft invoice (not stored) without lines. */
    ObjectNode draft(String id, ObjectNode customer, String currency, long created) {
        ObjectNode invoice = Nodes.object();
        invoice.put("id", id);
        invoice.put("object", "invoice");
        Nodes.nulls(
                invoice,
                "charge",
                "default_payment_method",
                "description",
                "due_date",
                "footer",
                "hosted_invoice_url",
                "invoice_pdf",
                "number",
                "payment_intent",
                "statement_descriptor",
                "subscription");
        invoice.put("account_country", "US");
        invoice.put("account_name", "Toolgate Sandbox");
        invoice.put("amount_due", 0);
        invoice.put("amount_paid", 0);
        invoice.put("amount_remaining", 0);
        invoice.put("attempt_count", 0);
        invoice.put("attempted", false);
        invoice.put("auto_advance", false);
        invoice.put("billing_reason", "manual");
        invoice.put("collection_method", "charge_automatically");
        invoice.put("created", created);
        invoice.put("currency", currency);
        invoice.put("customer", customer.path("id").asString());
        invoice.set("customer_email", customer.path("email").deepCopy());
        invoice.set("customer_name", customer.path("name").deepCopy());
        invoice.set("lines", Nodes.list(Nodes.array(), false, "/v1/invoices/" + id + "/lines"));
        invoice.put("livemode", false);
        invoice.putObject("metadata");
        invoice.put("paid", false);
        invoice.put("paid_out_of_band", false);
        invoice.put("period_end", created);
        invoice.put("period_start", created);
        invoice.put("status", "draft");
        ObjectNode transitions = invoice.putObject("status_transitions");
        for (String field : new String[] {"finalized_at", "marked_uncollectible_at", "paid_at", "voided_at"}) {
            transitions.putNull(field);
        }
        invoice.put("subtotal", 0);
        invoice.put("total", 0);
        return invoice;
    }

    /** Adds a line of {@code amount} cents and updates the totals. */
    void addLine(ObjectNode invoice, String description, long amount, long periodStart, long periodEnd) {
        ObjectNode line = Nodes.object();
        line.put("id", store.newId("il"));
        line.put("object", "line_item");
        line.put("amount", amount);
        line.put("currency", Nodes.text(invoice, "currency"));
        line.put("description", description);
        ObjectNode period = line.putObject("period");
        period.put("end", periodEnd);
        period.put("start", periodStart);
        line.put("quantity", 1);
        line.put("type", invoice.path("subscription").isNull() ? "invoiceitem" : "subscription");
        ArrayNode data = (ArrayNode) invoice.path("lines").path("data");
        data.add(line);
        long total = 0;
        for (JsonNode l : data) {
            total += l.path("amount").asLong();
        }
        invoice.put("subtotal", total);
        invoice.put("total", total);
        invoice.put("amount_due", total);
        invoice.put("amount_remaining", total - invoice.path("amount_paid").asLong());
    }

    /** Finalizes a draft: numbers it and marks it paid at once when nothing is due. */
    void finalizeDraft(ObjectNode invoice, long now) {
        ObjectNode customer = store.get(Nodes.text(invoice, "customer"), "customer");
        long sequence = customer.path("next_invoice_sequence").asLong(1);
        customer.put("next_invoice_sequence", sequence + 1);
        String number = Nodes.text(customer, "invoice_prefix") + "-" + String.format(Locale.ROOT, "%04d", sequence);
        invoice.put("number", number);
        invoice.put("status", "open");
        invoice.put(
                "hosted_invoice_url",
                "https://invoice.stripe.com/i/sandbox/" + invoice.path("id").asString());
        invoice.put(
                "invoice_pdf",
                "https://pay.stripe.com/invoice/sandbox/" + invoice.path("id").asString() + "/pdf");
        ((ObjectNode) invoice.get("status_transitions")).put("finalized_at", now);
        if (invoice.path("amount_due").asLong() == 0) {
            markPaid(invoice, now);
        }
    }

    /** Pays an open invoice with {@code paymentMethod}, through a new payment intent. */
    void pay(ObjectNode invoice, String paymentMethod, long now) {
        long amount = invoice.path("amount_remaining").asLong();
        ObjectNode pi = intents.create(store.newId("pi"), amount, Nodes.text(invoice, "currency"), now);
        pi.put("customer", Nodes.text(invoice, "customer"));
        pi.put("description", "Payment for Invoice " + Nodes.text(invoice, "number"));
        pi.put("invoice", invoice.path("id").asString());
        Intents.attach(pi, paymentMethod);
        store.put(pi);
        intents.confirm(pi, now);
        invoice.put("charge", Nodes.text(pi, "latest_charge"));
        invoice.put("payment_intent", pi.path("id").asString());
        invoice.put("attempted", true);
        invoice.put("attempt_count", invoice.path("attempt_count").asInt() + 1);
        markPaid(invoice, now);
    }

    void markPaid(ObjectNode invoice, long now) {
        invoice.put("status", "paid");
        invoice.put("paid", true);
        invoice.put("amount_paid", invoice.path("amount_due").asLong());
        invoice.put("amount_remaining", 0);
        ((ObjectNode) invoice.get("status_transitions")).put("paid_at", now);
    }

    void voidOpen(ObjectNode invoice, long now) {
        invoice.put("status", "void");
        ((ObjectNode) invoice.get("status_transitions")).put("voided_at", now);
    }
}
