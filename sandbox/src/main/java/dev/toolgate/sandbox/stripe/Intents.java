package dev.toolgate.sandbox.stripe;

import java.util.List;
import java.util.OptionalLong;
import tools.jackson.databind.node.ObjectNode;

/**
 * Payment intents and their state machine: {@code requires_payment_method} → (payment method attached)
 * {@code requires_confirmation} → confirm → {@code succeeded} (automatic capture) or {@code requires_capture} (manual)
 * → capture → {@code succeeded}; cancel from any unfinished state. A call in the wrong state is a 400
 * {@code payment_intent_unexpected_state} naming the status and the allowed ones.
 */
final class Intents {
    static final List<String> CONFIRMABLE =
            List.of("requires_payment_method", "requires_confirmation", "requires_action");
    static final List<String> CANCELABLE = List.of(
            "requires_payment_method", "requires_capture", "requires_confirmation", "requires_action", "processing");

    private final Store store;
    private final Payments payments;

    Intents(Store store, Payments payments) {
        this.store = store;
        this.payments = payments;
    }

    /** A new payment intent (not stored), waiting for a payment method. */
    ObjectNode create(String id, long amount, String currency, long created) {
        ObjectNode pi = Nodes.object();
        pi.put("id", id);
        pi.put("object", "payment_intent");
        Nodes.nulls(
                pi,
                "canceled_at",
                "cancellation_reason",
                "customer",
                "description",
                "invoice",
                "last_payment_error",
                "latest_charge",
                "next_action",
                "payment_method",
                "receipt_email",
                "statement_descriptor_suffix");
        pi.put("amount", amount);
        pi.put("amount_capturable", 0);
        pi.put("amount_received", 0);
        pi.put("capture_method", "automatic");
        pi.put("client_secret", id + "_secret_" + store.newId("cs").substring(3));
        pi.put("confirmation_method", "automatic");
        pi.put("created", created);
        pi.put("currency", currency);
        pi.put("livemode", false);
        pi.putObject("metadata");
        pi.putArray("payment_method_types").add("card");
        pi.put("status", "requires_payment_method");
        return pi;
    }

    /** Attaches a payment method; an intent waiting for one then waits for confirmation. */
    static void attach(ObjectNode pi, String paymentMethod) {
        pi.put("payment_method", paymentMethod);
        if ("requires_payment_method".equals(Nodes.text(pi, "status"))) {
            pi.put("status", "requires_confirmation");
        }
    }

    /** Confirms: charges the payment method, capturing at once unless {@code capture_method} is manual. */
    ObjectNode confirm(ObjectNode pi, long now) {
        return confirm(pi, store.newId("ch"), now);
    }

    /** {@link #confirm(ObjectNode, long)} with the id the new charge gets (seeded data uses readable ids). */
    ObjectNode confirm(ObjectNode pi, String chargeId, long now) {
        expect(pi, "confirm", "confirmed", CONFIRMABLE);
        String method = Nodes.text(pi, "payment_method");
        if (method.isEmpty()) {
            throw StripeException.invalid(
                    "payment_intent_unexpected_state",
                    "You cannot confirm this PaymentIntent"
                            + " because it's missing a payment method. Confirm it again with payment_method, or update it"
                            + " with one first.",
                    "payment_method");
        }
        boolean manual = "manual".equals(Nodes.text(pi, "capture_method"));
        ObjectNode charge =
                payments.draft(chargeId, pi.path("amount").asLong(), Nodes.text(pi, "currency"), method, now);
        for (String field : new String[] {
            "customer", "description", "invoice", "receipt_email", "statement_descriptor_suffix", "metadata"
        }) {
            charge.set(field, pi.path(field).deepCopy());
        }
        charge.put("payment_intent", pi.path("id").asString());
        payments.place(charge, !manual, now);
        pi.put("latest_charge", charge.path("id").asString());
        pi.putNull("last_payment_error");
        pi.put("status", manual ? "requires_capture" : "succeeded");
        pi.put(
                manual ? "amount_capturable" : "amount_received",
                pi.path("amount").asLong());
        return pi;
    }

    /** Captures an authorized intent, all of it unless {@code amount} says less; the rest is released. */
    ObjectNode capture(ObjectNode pi, OptionalLong amount, long now) {
        expect(pi, "capture", "captured", List.of("requires_capture"));
        long capturable = pi.path("amount_capturable").asLong();
        long captured = amount.orElse(capturable);
        if (captured > capturable) {
            throw StripeException.invalid(
                    "amount_too_large",
                    "The amount to capture (" + captured + ") is greater than" + " the amount capturable (" + capturable
                            + ").",
                    "amount_to_capture");
        }
        ObjectNode charge = store.get(Nodes.text(pi, "latest_charge"), "charge");
        payments.capture(charge, captured, now);
        captured(pi, captured);
        return pi;
    }

    /** Records on the intent that its charge was captured (also when captured through the charge). */
    static void captured(ObjectNode pi, long amount) {
        pi.put("amount_capturable", 0);
        pi.put("amount_received", amount);
        pi.put("status", "succeeded");
    }

    /** Cancels an unfinished intent; an authorization is released. */
    ObjectNode cancel(ObjectNode pi, String reason, long now) {
        expect(pi, "cancel", "canceled", CANCELABLE);
        if ("requires_capture".equals(Nodes.text(pi, "status"))) {
            payments.release(store.get(Nodes.text(pi, "latest_charge"), "charge"));
        }
        pi.put("status", "canceled");
        pi.put("canceled_at", now);
        pi.put("amount_capturable", 0);
        if (reason == null) {
            pi.putNull("cancellation_reason");
        } else {
            pi.put("cancellation_reason", reason);
        }
        return pi;
    }

    /** Records a declined attempt: the intent waits for a new payment method and explains why in last_payment_error. */
    static void declined(ObjectNode pi, ObjectNode charge, String declineCode) {
        ObjectNode error = Nodes.object();
        error.put("charge", charge.path("id").asString());
        error.put("code", "card_declined");
        error.put("decline_code", declineCode);
        error.put("doc_url", "https://stripe.com/docs/error-codes/card-declined");
        error.put("message", Nodes.text(charge, "failure_message"));
        ObjectNode method = error.putObject("payment_method");
        method.put("id", Nodes.text(charge, "payment_method"));
        method.put("object", "payment_method");
        method.put("type", "card");
        error.put("type", "card_error");
        pi.set("last_payment_error", error);
        pi.put("latest_charge", charge.path("id").asString());
        pi.putNull("payment_method");
        pi.put("status", "requires_payment_method");
    }

    private static void expect(ObjectNode pi, String verb, String pastTense, List<String> allowed) {
        String status = Nodes.text(pi, "status");
        if (!allowed.contains(status)) {
            throw StripeException.invalid(
                    "payment_intent_unexpected_state",
                    "You cannot " + verb + " this PaymentIntent"
                            + " because it has a status of " + status
                            + ". Only a PaymentIntent with one of the following"
                            + " statuses may be " + pastTense + ": " + String.join(", ", allowed) + ".",
                    null);
        }
    }
}
