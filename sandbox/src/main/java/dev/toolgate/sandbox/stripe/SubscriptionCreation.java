package dev.toolgate.sandbox.stripe;

import java.util.List;
import java.util.Set;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/** Creating subscriptions and the item and field rules that create and update share. */
final class SubscriptionCreation {
    private static final Set<String> CREATABLE = Set.of(
            "cancel_at_period_end",
            "collection_method",
            "customer",
            "days_until_due",
            "default_payment_method",
            "description",
            "expand",
            "items",
            "metadata",
            "payment_behavior",
            "trial_period_days");
    private static final List<String> COLLECTION = List.of("charge_automatically", "send_invoice");
    private static final List<String> BEHAVIOR =
            List.of("allow_incomplete", "default_incomplete", "error_if_incomplete", "pending_if_incomplete");

    private final Store store;
    private final Subscriptions subscriptions;

    SubscriptionCreation(Store store, Subscriptions subscriptions) {
        this.store = store;
        this.subscriptions = subscriptions;
    }

    ObjectNode create(Call call) {
        Params p = call.params();
        p.allowOnly(CREATABLE);
        String customer = store.live(p.required("customer"), "customer", "customer")
                .path("id")
                .asString();
        List<JsonNode> items = p.list("items");
        if (items.isEmpty()) {
            throw StripeException.missing("items");
        }
        ObjectNode firstPrice = price(items.get(0), "items[0]");
        ObjectNode sub = subscriptions.create(store.newId("sub"), customer, firstPrice, call.now());
        for (int i = 0; i < items.size(); i++) {
            addItem(sub, items.get(i) instanceof ObjectNode o ? o : Nodes.object(), "items[" + i + "]", call.now());
        }
        applyCommon(sub, p);
        Fields.bool(sub, p, "cancel_at_period_end");
        long trialDays = p.integer("trial_period_days").orElse(0);
        if (trialDays > 0) {
            Subscriptions.trial(sub, trialDays);
        } else if (p.oneOf("payment_behavior", BEHAVIOR).orElse("").equals("default_incomplete")) {
            sub.put("status", "incomplete");
        }
        return store.put(sub);
    }

    /** Fields create and update share: collection method and due days, default payment method, description, metadata. */
    void applyCommon(ObjectNode sub, Params p) {
        p.oneOf("collection_method", COLLECTION).ifPresent(m -> sub.put("collection_method", m));
        Fields.integer(sub, p, "days_until_due");
        boolean sendInvoice = "send_invoice".equals(Nodes.text(sub, "collection_method"));
        if (sendInvoice && !sub.path("days_until_due").isNumber()) {
            throw StripeException.missing("days_until_due");
        }
        if (!sendInvoice && p.has("days_until_due")) {
            throw StripeException.invalid(
                    "days_until_due can only be set when collection_method is send_invoice.", "days_until_due");
        }
        if (!sendInvoice) {
            sub.putNull("days_until_due");
        }
        Fields.text(sub, p, "default_payment_method", "description");
        Metadata.apply(sub, p);
    }

    void addItem(ObjectNode sub, ObjectNode item, String param, long now) {
        Fields.allowOnly(item, Set.of("price", "quantity", "metadata", "id", "deleted"), param);
        ObjectNode price = price(item, param);
        if (!price.path("currency").asString().equals(sub.path("currency").asString())) {
            throw StripeException.invalid(
                    "All prices on a subscription must have the same currency ("
                            + sub.path("currency").asString() + ").",
                    param + "[price]");
        }
        subscriptions.addItem(sub, price, quantity(item, param), now);
    }

    void changeItem(ObjectNode existing, ObjectNode item, String param) {
        if (item.has("price")) {
            existing.set("price", price(item, param).deepCopy());
        }
        if (item.has("quantity")) {
            existing.put("quantity", quantity(item, param));
        }
    }

    private ObjectNode price(JsonNode item, String param) {
        String id = item.path("price").asString("");
        if (id.isEmpty()) {
            throw StripeException.missing(param + "[price]");
        }
        return store.get(id, "price", param + "[price]");
    }

    private static long quantity(JsonNode item, String param) {
        long quantity =
                item.has("quantity") ? Params.parseInteger(item.path("quantity").asString(), param + "[quantity]") : 1;
        if (quantity < 1) {
            throw StripeException.invalid("This value must be greater than or equal to 1.", param + "[quantity]");
        }
        return quantity;
    }
}
