package dev.toolgate.sandbox.plastiq;

import dev.toolgate.sandbox.emulation.SandboxJson;
import io.javalin.http.Context;
import java.util.List;
import java.util.Set;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * {@code /payment-methods}: list and get (both need {@code payerId}), create, delete. Only masked data is ever stored:
 * card and account numbers are reduced to their last four digits on arrival. A method billed in Texas for a payer
 * without a tax id is INACTIVE with PAYMENT_METHOD_REQUIRES_TIN, as Plastiq documents.
 */
final class PaymentMethods {
    static final String REQUIRES_TIN = "PAYMENT_METHOD_REQUIRES_TIN";

    private final PlastiqStore store;

    private PaymentMethods(PlastiqStore store) {
        this.store = store;
    }

    static void register(Endpoints endpoints) {
        PaymentMethods routes = new PaymentMethods(endpoints.store());
        endpoints.get("/payment-methods", routes::list);
        endpoints.get("/payment-methods/{id}", routes::get);
        endpoints.post("/payment-methods", routes::create);
        endpoints.delete("/payment-methods/{id}", routes::delete);
    }

    static ArrayNode tinRequired() {
        ArrayNode reasons = SandboxJson.array();
        reasons.addObject()
                .put("code", REQUIRES_TIN)
                .put(
                        "message",
                        "The payer must provide a tax identification number before this payment method can"
                                + " be used");
        return reasons;
    }

    /** Re-activates the payer's methods that were blocked only for a missing tax id. */
    static void clearTinBlocks(PlastiqStore store, String payerId) {
        store.paymentMethods.forEach((id, method) -> {
            boolean blocked = method.path("statusReasons")
                    .valueStream()
                    .anyMatch(r -> REQUIRES_TIN.equals(r.path("code").asString("")));
            if (store.owns(payerId, id) && blocked) {
                method.put("status", "ACTIVE");
                method.putArray("statusReasons");
            }
        });
    }

    private Reply list(Context ctx) {
        String payerId =
                store.payer(Endpoints.requiredQuery(ctx, "payerId")).path("id").asString();
        OffsetPage page = OffsetPage.of(ctx);
        List<ObjectNode> methods = store.paymentMethods.values().stream()
                .filter(m -> store.owns(payerId, m.path("id").asString()))
                .toList();
        return Reply.ok(page.render(methods));
    }

    private Reply get(Context ctx) {
        return Reply.ok(owned(ctx.pathParam("id"), Endpoints.requiredQuery(ctx, "payerId")));
    }

    private Reply delete(Context ctx) {
        String id = ctx.pathParam("id");
        if (store.paymentMethods.remove(id) == null) {
            throw PlastiqError.notFound("Payment method", id);
        }
        return Reply.noContent();
    }

    private Reply create(Context ctx) {
        JsonNode body = Endpoints.body(ctx);
        Violations v = new Violations();
        var type = v.requiredText(body, "type", "type");
        v.oneOf(type, Set.of("CARD", "BANK_ACCOUNT"), "type");
        var payerId = v.reference(body, "payer", true);
        var data = v.object(body, "data", "data", true);
        v.throwIfAny();
        JsonNode payer = store.payer(payerId.orElseThrow());
        ObjectNode masked = type.orElseThrow().equals("CARD")
                ? MaskedData.card(v, data.orElseThrow(), store.now())
                : MaskedData.bankAccount(v, data.orElseThrow(), store.now());
        v.throwIfAny();
        ObjectNode method = SandboxJson.object();
        method.put("id", PlastiqStore.newId());
        method.put("type", type.get());
        method.set("data", masked);
        boolean blocked =
                "TX".equals(masked.path("billingAddress").path("state").asString("")) && !PayerRoutes.hasTaxId(payer);
        method.put("status", blocked ? "INACTIVE" : "ACTIVE");
        method.set("statusReasons", blocked ? tinRequired() : SandboxJson.array());
        store.paymentMethods.put(method.path("id").asString(), method);
        store.owners.put(method.path("id").asString(), payerId.get());
        return Reply.ok(method);
    }

    /** A payment method of this payer, or NOT_FOUND_ERROR. */
    ObjectNode owned(String id, String payerId) {
        ObjectNode method = store.paymentMethods.get(id);
        if (method == null || !store.owns(payerId, id)) {
            throw PlastiqError.notFound("Payment method", id);
        }
        return method;
    }
}
