package dev.toolgate.sandbox.plastiq;

import dev.toolgate.sandbox.emulation.SandboxJson;
import io.javalin.http.Context;
import java.util.List;
import java.util.Set;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * {@code /recipients}: list, create, get, PATCH, delete. A recipient created with {@code payer} belongs to that payer
 * and is only visible with its {@code payerId}; the others are shared by all payers of the partner.
 */
final class RecipientRoutes {
    private final PlastiqStore store;

    private RecipientRoutes(PlastiqStore store) {
        this.store = store;
    }

    static void register(Endpoints endpoints) {
        RecipientRoutes routes = new RecipientRoutes(endpoints.store());
        endpoints.get("/recipients", routes::list);
        endpoints.post("/recipients", routes::create);
        endpoints.get("/recipients/{id}", ctx -> Reply.ok(view(routes.visible(ctx))));
        endpoints.patch("/recipients/{id}", routes::update);
        endpoints.delete("/recipients/{id}", routes::delete);
    }

    static ObjectNode view(ObjectNode recipient) {
        ObjectNode view = recipient.deepCopy();
        view.set("receivingMethod", ReceivingMethods.masked(recipient.path("receivingMethod")));
        return view;
    }

    private Reply list(Context ctx) {
        String payerId = ctx.queryParam("payerId");
        if (payerId != null) {
            store.payer(payerId);
        }
        OffsetPage page = OffsetPage.of(ctx);
        List<ObjectNode> visible = store.recipients.values().stream()
                .filter(r -> isVisible(r.path("id").asString(), payerId))
                .map(RecipientRoutes::view)
                .toList();
        return Reply.ok(page.render(visible));
    }

    private Reply create(Context ctx) {
        JsonNode body = Endpoints.body(ctx);
        Violations v = new Violations();
        v.requiredText(body, "businessName", "businessName");
        v.requiredText(body, "categoryId", "categoryId")
                .filter(id -> !store.categories.containsKey(id))
                .ifPresent(id -> v.add("categoryId " + id + " is not a known category"));
        v.object(body, "businessAddress", "businessAddress", true)
                .ifPresent(a -> Addresses.business(v, a, "businessAddress"));
        v.object(body, "contact", "contact", true).ifPresent(c -> Addresses.contact(v, c, "contact"));
        v.object(body, "receivingMethod", "receivingMethod", true).ifPresent(m -> ReceivingMethods.validate(v, m));
        var payerId = v.reference(body, "payer", false);
        payerId.filter(id -> !store.payers.containsKey(id))
                .ifPresent(id -> v.add("payer.id " + id + " is not a payer"));
        v.throwIfAny();
        ObjectNode recipient = SandboxJson.object();
        recipient.put("id", PlastiqStore.newId());
        for (String field :
                new String[] {"businessName", "categoryId", "businessAddress", "contact", "receivingMethod"}) {
            recipient.set(field, body.get(field).deepCopy());
        }
        recipient.put("status", "ACTIVE");
        recipient.put("createdAt", store.now().toString());
        store.recipients.put(recipient.path("id").asString(), recipient);
        payerId.ifPresent(id -> store.owners.put(recipient.path("id").asString(), id));
        return Reply.ok(view(recipient));
    }

    private Reply update(Context ctx) {
        ObjectNode recipient = stored(ctx.pathParam("id"));
        JsonNode body = Endpoints.body(ctx);
        Violations v = new Violations();
        v.optionalText(body, "businessName", "businessName");
        v.object(body, "businessAddress", "businessAddress", false)
                .ifPresent(a -> Addresses.business(v, a, "businessAddress"));
        v.object(body, "contact", "contact", false).ifPresent(c -> Addresses.contact(v, c, "contact"));
        v.oneOf(v.optionalText(body, "status", "status"), Set.of("ACTIVE", "INACTIVE"), "status");
        if (body.has("receivingMethod")) {
            v.add("receivingMethod cannot be changed; create a new recipient");
        }
        var payerId = v.reference(body, "payer", false);
        payerId.filter(id -> !store.payers.containsKey(id))
                .ifPresent(id -> v.add("payer.id " + id + " is not a payer"));
        v.throwIfAny();
        for (String field : new String[] {"businessName", "businessAddress", "contact", "status"}) {
            if (body.has(field)) {
                recipient.set(field, body.get(field).deepCopy());
            }
        }
        payerId.ifPresent(id -> store.owners.put(recipient.path("id").asString(), id));
        return Reply.ok(view(recipient));
    }

    private Reply delete(Context ctx) {
        ObjectNode recipient = visible(ctx);
        store.recipients.remove(recipient.path("id").asString());
        return Reply.noContent();
    }

    /** A recipient the request may see: shared, or owned by the {@code payerId} it names. */
    private ObjectNode visible(Context ctx) {
        String id = ctx.pathParam("id");
        ObjectNode recipient = stored(id);
        if (!isVisible(id, ctx.queryParam("payerId"))) {
            throw PlastiqError.notFound("Recipient", id);
        }
        return recipient;
    }

    private ObjectNode stored(String id) {
        ObjectNode recipient = store.recipients.get(id);
        if (recipient == null) {
            throw PlastiqError.notFound("Recipient", id);
        }
        return recipient;
    }

    private boolean isVisible(String recipientId, String payerId) {
        return !store.owners.containsKey(recipientId) || (payerId != null && store.owns(payerId, recipientId));
    }
}
