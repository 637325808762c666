package dev.toolgate.sandbox.plastiq;

import dev.toolgate.sandbox.emulation.SandboxJson;
import dev.toolgate.sandbox.plastiq.PlastiqStore.IdempotentAnswer;
import io.javalin.http.Context;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * {@code /payments}: list and get (need {@code payerId}), create (captures an intent; honours
 * {@code Idempotency-Key}) and {@code POST /payments/{id}/refunds}.
 */
final class PaymentRoutes {
    static final String IDEMPOTENCY_KEY = "Idempotency-Key";
    static final String REPLAY_HEADER = "Idempotent-Replay";
    private static final String UUID = "[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}";

    private final PlastiqStore store;

    private PaymentRoutes(PlastiqStore store) {
        this.store = store;
    }

    static void register(Endpoints endpoints) {
        PaymentRoutes routes = new PaymentRoutes(endpoints.store());
        endpoints.get("/payments", routes::list);
        endpoints.get(
                "/payments/{id}",
                ctx -> Reply.ok(routes.owned(ctx.pathParam("id"), Endpoints.requiredQuery(ctx, "payerId"))));
        endpoints.post("/payments", routes::create);
        endpoints.post("/payments/{id}/refunds", routes::refund);
    }

    private Reply list(Context ctx) {
        String payerId =
                store.payer(Endpoints.requiredQuery(ctx, "payerId")).path("id").asString();
        OffsetPage page = OffsetPage.of(ctx);
        List<ObjectNode> payments = store.payments.values().stream()
                .filter(p -> store.owns(payerId, p.path("id").asString()))
                .toList();
        return Reply.ok(page.render(payments));
    }

    /** A replayed key answers exactly as the first time; the same key with another body is refused. */
    private Reply create(Context ctx) {
        String key = ctx.header(IDEMPOTENCY_KEY);
        if (key == null) {
            return capture(ctx);
        }
        if (!key.matches(UUID)) {
            throw PlastiqError.validation(IDEMPOTENCY_KEY + " must be a UUID (v4), got '" + key + "'");
        }
        String body = ctx.body();
        IdempotentAnswer previous = store.idempotency.get(key);
        if (previous != null) {
            if (!sameRequest(previous.requestBody(), body)) {
                throw PlastiqError.validation(
                        IDEMPOTENCY_KEY + " " + key + " was already used with a different" + " request body");
            }
            ctx.header(REPLAY_HEADER, "true");
            return previous.reply();
        }
        Reply reply;
        try {
            reply = capture(ctx);
        } catch (PlastiqError e) {
            reply = Reply.of(e, ctx.attribute(Reply.TRACE_ID));
        }
        store.idempotency.put(key, new IdempotentAnswer(body, reply));
        return reply;
    }

    private Reply capture(Context ctx) {
        JsonNode body = Endpoints.body(ctx);
        Violations v = new Violations();
        Optional<String> intentId = v.reference(body, "paymentIntent", true);
        Optional<String> payerId = v.reference(body, "payer", true);
        v.throwIfAny();
        ObjectNode intent = store.intents.get(intentId.get());
        if (intent == null || !store.owns(payerId.get(), intentId.get())) {
            throw PlastiqError.validation(
                    "paymentIntent.id " + intentId.get() + " is not a payment intent of payer " + payerId.get());
        }
        checkCapturable(intent);
        ObjectNode payment = Payments.fromIntent(store, PlastiqStore.newId(), intent, store.now());
        String id = payment.path("id").asString();
        store.payments.put(id, payment);
        store.owners.put(id, payerId.get());
        intent.put("status", "CAPTURED");
        return Reply.ok(payment);
    }

    /** Only an unexpired, unused intent that is still CAPTURABLE right now may be paid. */
    private void checkCapturable(ObjectNode intent) {
        String id = intent.path("id").asString();
        String status = Intents.expireIfDue(store, intent).path("status").asString();
        switch (status) {
            case "CAPTURED" ->
                throw PlastiqError.validation(
                        "paymentIntent " + id + " was already captured; a payment" + " intent can be paid only once");
            case "EXPIRED" ->
                throw PlastiqError.validation("paymentIntent " + id + " expired at "
                        + intent.path("expiresAt").asString() + "; create a new payment intent");
            default -> Intents.reassess(store, intent);
        }
        if (!"CAPTURABLE".equals(intent.path("status").asString())) {
            List<String> reasons = intent.path("statusReasons")
                    .valueStream()
                    .map(r ->
                            "paymentIntent is NOT_CAPTURABLE: " + r.path("code").asString() + " - "
                                    + r.path("message").asString())
                    .toList();
            throw PlastiqError.validation(reasons);
        }
    }

    private Reply refund(Context ctx) {
        String id = ctx.pathParam("id");
        JsonNode body = Endpoints.body(ctx);
        Violations v = new Violations();
        Optional<String> payerId = v.requiredText(body, "payerId", "payerId");
        v.throwIfAny();
        ObjectNode payment = owned(id, payerId.get());
        String status = payment.path("status").asString();
        switch (status) {
            case "REFUNDED", "NOT_CAPTURED" ->
                throw PlastiqError.validation("payment " + id + " is " + status + " and cannot be refunded");
            case "CHARGED", "UNDER_REVIEW" -> payment.put("status", "REFUNDED");
            default -> {
                return Reply.ok(SandboxJson.object().put("status", "REFUND_FAILED"));
            }
        }
        return Reply.ok(SandboxJson.object().put("status", "REFUNDED"));
    }

    private ObjectNode owned(String id, String payerId) {
        ObjectNode payment = store.payments.get(id);
        if (payment == null || !store.owns(payerId, id)) {
            throw PlastiqError.notFound("Payment", id);
        }
        return payment;
    }

    private static boolean sameRequest(String first, String again) {
        Optional<JsonNode> a = SandboxJson.parse(first.getBytes(java.nio.charset.StandardCharsets.UTF_8));
        Optional<JsonNode> b = SandboxJson.parse(again.getBytes(java.nio.charset.StandardCharsets.UTF_8));
        return a.isPresent() && b.isPresent() ? a.get().equals(b.get()) : Objects.equals(first, again);
    }
}
