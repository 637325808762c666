package dev.toolgate.sandbox.stripe;

import java.util.List;
import java.util.Set;
import java.util.function.Predicate;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * {@code /v1/refunds}: list, create, retrieve. A refund names a {@code charge} or a {@code payment_intent} (whose
 * successful charge is refunded); {@code amount} in cents defaults to everything not yet refunded.
 */
final class RefundRoutes {
    private static final List<String> REASONS = List.of("duplicate", "fraudulent", "requested_by_customer");

    private final Store store;
    private final Lists lists;
    private final Expander expander;
    private final Payments payments;

    RefundRoutes(Store store, Lists lists, Expander expander, Payments payments) {
        this.store = store;
        this.lists = lists;
        this.expander = expander;
        this.payments = payments;
    }

    void register(Router router) {
        router.get("/v1/refunds", this::list)
                .post("/v1/refunds", this::create)
                .get("/v1/refunds/{refund}", this::retrieve);
    }

    private JsonNode list(Call call) {
        Params p = call.params();
        p.allowOnly(Lists.accepting("charge", "payment_intent", "created"));
        Predicate<ObjectNode> filter = Filters.equal(p, "charge", "charge")
                .and(Filters.equal(p, "payment_intent", "payment_intent"))
                .and(Filters.range(p, "created", "created"));
        return lists.page(store.all("refund").stream().filter(filter).toList(), p, call.path(), "refund");
    }

    private JsonNode create(Call call) {
        Params p = call.params();
        p.allowOnly(Set.of("amount", "charge", "expand", "metadata", "payment_intent", "reason"));
        String reason = p.oneOf("reason", REASONS).orElse(null);
        ObjectNode charge = charge(p);
        ObjectNode refund = payments.refund(charge, p.integer("amount"), call.now());
        if (reason != null) {
            refund.put("reason", reason);
        }
        Metadata.apply(refund, p);
        return expander.expandObject(refund, p.strings("expand"));
    }

    /** The charge to refund: given directly, or the successful charge of the given payment intent. */
    private ObjectNode charge(Params p) {
        String chargeId = p.string("charge").orElse("");
        String intentId = p.string("payment_intent").orElse("");
        if (chargeId.isEmpty() && intentId.isEmpty()) {
            throw StripeException.invalid(
                    "parameter_missing",
                    "One of the following params should be provided for" + " this request: payment_intent or charge.",
                    "charge");
        }
        if (!chargeId.isEmpty()) {
            ObjectNode charge = store.get(chargeId, "charge", "charge");
            if (!intentId.isEmpty() && !intentId.equals(Nodes.text(charge, "payment_intent"))) {
                throw StripeException.invalid(
                        "Charge " + chargeId + " does not belong to PaymentIntent " + intentId + ".", "payment_intent");
            }
            return charge;
        }
        ObjectNode intent = store.get(intentId, "payment_intent", "payment_intent");
        if (!"succeeded".equals(Nodes.text(intent, "status"))) {
            throw StripeException.invalid(
                    "This PaymentIntent does not have a successful charge to refund.", "payment_intent");
        }
        return store.get(Nodes.text(intent, "latest_charge"), "charge", "payment_intent");
    }

    private JsonNode retrieve(Call call) {
        call.params().allowOnly(Set.of("expand"));
        return expander.expandObject(
                store.get(call.path("refund"), "refund"), call.params().strings("expand"));
    }
}
