package dev.toolgate.sandbox.plastiq;

import io.javalin.http.Context;
import java.math.BigDecimal;
import java.util.Optional;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * {@code /payment-intents}: create, get (needs {@code payerId}) and PATCH. Creating or changing an intent only quotes
 * a payment; money moves in {@link PaymentRoutes}.
 */
final class IntentRoutes {
    private final PlastiqStore store;

    private IntentRoutes(PlastiqStore store) {
        this.store = store;
    }

    static void register(Endpoints endpoints) {
        IntentRoutes routes = new IntentRoutes(endpoints.store());
        endpoints.post("/payment-intents", routes::create);
        endpoints.get("/payment-intents/{id}", routes::get);
        endpoints.patch("/payment-intents/{id}", routes::update);
    }

    /** The {@code targetAmount} of a body: US dollars, 1 to 99,999,999.99, at most two decimals, currency USD. */
    static Optional<BigDecimal> targetAmount(Violations v, JsonNode body, boolean required) {
        Optional<JsonNode> amount = v.object(body, "targetAmount", "targetAmount", required);
        if (amount.isEmpty()) {
            return Optional.empty();
        }
        v.oneOf(
                v.requiredText(amount.get(), "currency", "targetAmount.currency"),
                java.util.Set.of("USD"),
                "targetAmount.currency");
        JsonNode value = amount.get().path("value");
        if (!value.isNumber()) {
            v.add("targetAmount.value is required and must be a number of US dollars, e.g. 850.25");
            return Optional.empty();
        }
        BigDecimal dollars = value.decimalValue();
        if (dollars.compareTo(Quote.MIN_AMOUNT) < 0 || dollars.compareTo(Quote.MAX_AMOUNT) > 0) {
            v.add("targetAmount.value must be between 1 and 99999999.99 US dollars");
        } else if (dollars.stripTrailingZeros().scale() > 2) {
            v.add("targetAmount.value must have at most two decimals (cents)");
        }
        return Optional.of(dollars);
    }

    private Reply create(Context ctx) {
        JsonNode body = Endpoints.body(ctx);
        Violations v = new Violations();
        Optional<String> payerId = v.reference(body, "payer", true);
        payerId.filter(id -> !store.payers.containsKey(id))
                .ifPresent(id -> v.add("payer.id " + id + " is not a payer"));
        Optional<String> payeeId = v.reference(body, "recipient", true);
        Optional<String> methodId = v.reference(body, "paymentMethod", false);
        Optional<BigDecimal> target = targetAmount(v, body, true);
        v.throwIfAny();
        checkPayee(v, payerId.get(), payeeId.get());
        methodId.ifPresent(id -> checkMethod(v, payerId.get(), id));
        checkExtras(v, body);
        v.throwIfAny();
        ObjectNode intent = Intents.draft(store, payerId.get(), payeeId.get(), methodId.orElse(null), target.get());
        copyExtras(body, intent);
        Intents.requote(store, intent);
        store.intents.put(intent.path("id").asString(), intent);
        store.owners.put(intent.path("id").asString(), payerId.get());
        return Reply.ok(intent);
    }

    private Reply get(Context ctx) {
        String id = ctx.pathParam("id");
        String payerId = Endpoints.requiredQuery(ctx, "payerId");
        ObjectNode intent = store.intents.get(id);
        if (intent == null || !store.owns(payerId, id)) {
            throw PlastiqError.notFound("Payment intent", id);
        }
        return Reply.ok(Intents.expireIfDue(store, intent));
    }

    private Reply update(Context ctx) {
        String id = ctx.pathParam("id");
        ObjectNode intent = Optional.ofNullable(store.intents.get(id))
                .orElseThrow(() -> PlastiqError.notFound("Payment intent", id));
        String status = Intents.expireIfDue(store, intent).path("status").asString();
        if (!Intents.OPEN.contains(status)) {
            throw PlastiqError.validation("payment intent " + id + " is " + status + " and can no longer change"
                    + (status.equals("EXPIRED") ? "; create a new payment intent" : ""));
        }
        JsonNode body = Endpoints.body(ctx);
        Violations v = new Violations();
        Optional<BigDecimal> target = targetAmount(v, body, false);
        Optional<String> methodId = v.reference(body, "paymentMethod", false);
        methodId.ifPresent(m -> checkMethod(v, intent.at("/payer/id").asString(), m));
        checkExtras(v, body);
        v.throwIfAny();
        target.ifPresent(t -> intent.set("targetAmount", Quote.amount(t)));
        methodId.ifPresent(m -> intent.putObject("paymentMethod").put("id", m));
        copyExtras(body, intent);
        Intents.requote(store, intent);
        return Reply.ok(intent);
    }

    private void checkPayee(Violations v, String payerId, String payeeId) {
        if (store.payee(payerId, payeeId).isEmpty()) {
            v.add("recipient.id " + payeeId + " is neither a recipient available to this payer nor a biller id");
        }
    }

    private void checkMethod(Violations v, String payerId, String methodId) {
        if (!store.paymentMethods.containsKey(methodId) || !store.owns(payerId, methodId)) {
            v.add("paymentMethod.id " + methodId + " is not a payment method of payer " + payerId);
        }
    }

    private static void checkExtras(Violations v, JsonNode body) {
        v.object(body, "details", "details", false);
        v.object(body, "metadata", "metadata", false);
        if (body.has("isExpedited") && !body.get("isExpedited").isBoolean()) {
            v.add("isExpedited must be a boolean");
        }
    }

    private static void copyExtras(JsonNode body, ObjectNode intent) {
        for (String field : new String[] {"details", "metadata", "isExpedited"}) {
            if (body.has(field)) {
                intent.set(field, body.get(field).deepCopy());
            }
        }
    }
}
