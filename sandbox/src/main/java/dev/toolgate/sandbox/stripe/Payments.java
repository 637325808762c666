package dev.toolgate.sandbox.stripe;

import java.util.Locale;
import java.util.OptionalLong;
import tools.jackson.databind.node.ObjectNode;

/**
 * Charges and refunds, shared by the charge, payment intent, refund and invoice endpoints: creating a charge (captured
 * or only authorized), capturing it, refunding it and releasing an authorization, each keeping {@code amount_captured},
 * {@code amount_refunded}, {@code refunded} and the ledger consistent.
 */
final class Payments {
    private final Store store;
    private final Ledger ledger;

    Payments(Store store, Ledger ledger) {
        this.store = store;
        this.ledger = ledger;
    }

    /** A successful, not yet captured and not yet stored charge; callers add customer, links and description. */
    ObjectNode draft(String id, long amount, String currency, String paymentMethod, long created) {
        ObjectNode charge = Nodes.object();
        charge.put("id", id);
        charge.put("object", "charge");
        Nodes.nulls(
                charge,
                "balance_transaction",
                "customer",
                "description",
                "failure_code",
                "failure_message",
                "invoice",
                "payment_intent",
                "receipt_email",
                "shipping",
                "statement_descriptor_suffix",
                "transfer_group");
        charge.put("amount", amount);
        charge.put("amount_captured", 0);
        charge.put("amount_refunded", 0);
        charge.putObject("billing_details").putNull("email");
        charge.put("calculated_statement_descriptor", "TOOLGATE SANDBOX");
        charge.put("captured", false);
        charge.put("created", created);
        charge.put("currency", currency);
        charge.put("disputed", false);
        charge.putObject("fraud_details");
        charge.put("livemode", false);
        charge.putObject("metadata");
        charge.set("outcome", outcome("approved_by_network", null, "Payment complete.", "authorized"));
        charge.put("paid", true);
        charge.put("payment_method", paymentMethod);
        charge.set("payment_method_details", cardDetails(paymentMethod));
        charge.put("receipt_url", "https://pay.stripe.com/receipts/sandbox/" + id);
        charge.put("refunded", false);
        charge.put("status", "succeeded");
        return charge;
    }

    /** Stores a drafted charge, capturing it (and booking the funds) when {@code capture} is true. */
    ObjectNode place(ObjectNode charge, boolean capture, long now) {
        store.put(charge);
        return capture ? capture(charge, charge.path("amount").asLong(), now) : charge;
    }

    /** Turns a drafted charge into a declined one and stores it; nothing is booked. */
    ObjectNode decline(ObjectNode charge, String declineCode, String message) {
        charge.put("paid", false);
        charge.put("status", "failed");
        charge.put("failure_code", "card_declined");
        charge.put("failure_message", message);
        charge.set(
                "outcome",
                outcome(
                        "declined_by_network",
                        declineCode,
                        "The bank returned the decline code `" + declineCode + "`.",
                        "issuer_declined"));
        return store.put(charge);
    }

    /** Captures {@code amount} of an authorized charge; the uncaptured rest is released (counted as refunded). */
    ObjectNode capture(ObjectNode charge, long amount, long now) {
        String id = charge.path("id").asString();
        if (charge.path("captured").asBoolean() || charge.path("refunded").asBoolean()) {
            throw StripeException.invalid(
                    "charge_already_captured", "Charge " + id + " has already been captured.", null);
        }
        long authorized = charge.path("amount").asLong();
        if (amount < 1 || amount > authorized) {
            throw StripeException.invalid(
                    "amount_too_large",
                    "The amount to capture (" + amount + ") must be between 1" + " and the authorized amount ("
                            + authorized + ").",
                    "amount");
        }
        charge.put("captured", true);
        charge.put("amount_captured", amount);
        charge.put("amount_refunded", authorized - amount);
        String txn =
                ledger.charge(id, amount, charge.path("currency").asString(), Nodes.text(charge, "description"), now);
        charge.put("balance_transaction", txn);
        return charge;
    }

    /** Releases an uncaptured authorization in full (a canceled payment intent). */
    void release(ObjectNode charge) {
        charge.put("amount_refunded", charge.path("amount").asLong());
        charge.put("refunded", true);
    }

    /** Refunds {@code amount} (everything left when empty) of a charge and returns the stored refund. */
    ObjectNode refund(ObjectNode charge, OptionalLong amount, long now) {
        String id = charge.path("id").asString();
        String currency = charge.path("currency").asString();
        checkRefundable(charge);
        long left =
                charge.path("amount").asLong() - charge.path("amount_refunded").asLong();
        long refundAmount = amount.orElse(left);
        if (refundAmount < 1) {
            throw StripeException.invalid("This value must be greater than or equal to 1.", "amount");
        }
        if (refundAmount > left) {
            throw StripeException.invalid(
                    "amount_too_large",
                    "Refund amount (" + Money.format(refundAmount, currency)
                            + ") is greater than unrefunded amount on charge (" + Money.format(left, currency) + ")",
                    "amount");
        }
        ObjectNode refund = refundObject(store.newId("re"), charge, refundAmount, now);
        if (charge.path("captured").asBoolean()) {
            refund.put("balance_transaction", ledger.refund(refund.path("id").asString(), refundAmount, currency, now));
        }
        charge.put("amount_refunded", charge.path("amount_refunded").asLong() + refundAmount);
        charge.put(
                "refunded",
                charge.path("amount_refunded").asLong() == charge.path("amount").asLong());
        return store.put(refund);
    }

    private void checkRefundable(ObjectNode charge) {
        String id = charge.path("id").asString();
        if (!"succeeded".equals(Nodes.text(charge, "status"))) {
            throw StripeException.invalid(
                    "Charge " + id + " cannot be refunded: its status is " + Nodes.text(charge, "status") + ".",
                    "charge");
        }
        if (charge.path("amount_refunded").asLong() >= charge.path("amount").asLong()) {
            throw StripeException.invalid(
                    "charge_already_refunded", "Charge " + id + " has already been refunded.", "charge");
        }
        boolean lockedByDispute = store.all("dispute").stream()
                .anyMatch(d -> id.equals(Nodes.text(d, "charge"))
                        && !d.path("is_charge_refundable").asBoolean(true));
        if (lockedByDispute) {
            throw StripeException.invalid(
                    "charge_disputed",
                    "Charge " + id + " has been charged back; respond to the" + " dispute instead of refunding it.",
                    "charge");
        }
    }

    /** A refund object for {@code amount} of a charge (not stored, nothing booked). */
    static ObjectNode refundObject(String id, ObjectNode charge, long amount, long created) {
        ObjectNode refund = Nodes.object();
        refund.put("id", id);
        refund.put("object", "refund");
        refund.put("amount", amount);
        refund.putNull("balance_transaction");
        refund.put("charge", charge.path("id").asString());
        refund.put("created", created);
        refund.put("currency", charge.path("currency").asString());
        refund.putObject("metadata");
        refund.set("payment_intent", charge.path("payment_intent").deepCopy());
        refund.putNull("reason");
        refund.putNull("receipt_number");
        refund.put("status", "succeeded");
        return refund;
    }

    private static ObjectNode outcome(String network, String reason, String message, String type) {
        ObjectNode outcome = Nodes.object();
        outcome.put("network_status", network);
        outcome.put("reason", reason);
        outcome.put("risk_level", "normal");
        outcome.put("risk_score", 20);
        outcome.put("seller_message", message);
        outcome.put("type", type);
        return outcome;
    }

    /** Card details a test payment method stands for: Mastercard and Amex test ids, Visa otherwise. */
    private static ObjectNode cardDetails(String paymentMethod) {
        String pm = paymentMethod == null ? "" : paymentMethod.toLowerCase(Locale.ROOT);
        String brand = pm.contains("mastercard") ? "mastercard" : pm.contains("amex") ? "amex" : "visa";
        String last4 = switch (brand) {
            case "mastercard" -> "4444";
            case "amex" -> "8431";
            default -> "4242";
        };
        ObjectNode details = Nodes.object();
        ObjectNode card = details.putObject("card");
        card.put("brand", brand);
        card.put("country", "US");
        card.put("exp_month", 12);
        card.put("exp_year", 2034);
        card.put("funding", "credit");
        card.put("last4", last4);
        details.put("type", "card");
        return details;
    }
}
