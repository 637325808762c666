package dev.toolgate.sandbox.stripe;

import java.util.List;
import tools.jackson.databind.node.ObjectNode;

/**
 * Dispute objects. Opening a dispute withdraws the disputed amount plus a 15.00 fee from the balance (one
 * {@code adjustment} transaction, embedded in {@code balance_transactions}). Inquiries ({@code warning_*} statuses)
 * withdraw nothing.
 */
final class Disputes {
    static final List<String> EVIDENCE = List.of(
            "access_activity_log",
            "billing_address",
            "cancellation_policy",
            "cancellation_policy_disclosure",
            "cancellation_rebuttal",
            "customer_communication",
            "customer_email_address",
            "customer_name",
            "customer_purchase_ip",
            "customer_signature",
            "duplicate_charge_documentation",
            "duplicate_charge_explanation",
            "duplicate_charge_id",
            "product_description",
            "receipt",
            "refund_policy",
            "refund_policy_disclosure",
            "refund_refusal_explanation",
            "service_date",
            "service_documentation",
            "shipping_address",
            "shipping_carrier",
            "shipping_date",
            "shipping_documentation",
            "shipping_tracking_number",
            "uncategorized_file",
            "uncategorized_text");
    static final long FEE = 1500;

    private final Store store;
    private final Ledger ledger;

    Disputes(Store store, Ledger ledger) {
        this.store = store;
        this.ledger = ledger;
    }

    /** A stored dispute over all of {@code charge}, marking the charge disputed. */
    ObjectNode open(String id, ObjectNode charge, String reason, String status, long created, long dueBy) {
        long amount = charge.path("amount").asLong();
        String currency = charge.path("currency").asString();
        ObjectNode dispute = Nodes.object();
        dispute.put("id", id);
        dispute.put("object", "dispute");
        dispute.put("amount", amount);
        var transactions = dispute.putArray("balance_transactions");
        if (!status.startsWith("warning_")) {
            String txn = ledger.record(new Ledger.Entry(
                    store.newId("txn"),
                    "adjustment",
                    "dispute",
                    -amount,
                    FEE,
                    currency,
                    id,
                    "Chargeback withdrawal for " + charge.path("id").asString(),
                    created));
            transactions.add(store.find(txn).orElseThrow().deepCopy());
        }
        dispute.put("charge", charge.path("id").asString());
        dispute.put("created", created);
        dispute.put("currency", currency);
        ObjectNode evidence = dispute.putObject("evidence");
        EVIDENCE.forEach(evidence::putNull);
        ObjectNode details = dispute.putObject("evidence_details");
        details.put("due_by", dueBy);
        details.put("has_evidence", false);
        details.put("past_due", false);
        details.put("submission_count", 0);
        dispute.put("is_charge_refundable", !reason.equals("fraudulent") && status.startsWith("warning_"));
        dispute.put("livemode", false);
        dispute.putObject("metadata");
        dispute.set("payment_intent", charge.path("payment_intent").deepCopy());
        ObjectNode method = dispute.putObject("payment_method_details");
        method.putObject("card")
                .put(
                        "brand",
                        charge.path("payment_method_details")
                                .path("card")
                                .path("brand")
                                .asString("visa"));
        method.put("type", "card");
        dispute.put("reason", reason);
        dispute.put("status", status);
        charge.put("disputed", true);
        return store.put(dispute);
    }
}
