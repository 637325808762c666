package dev.toolgate.sandbox.plastiq;

import dev.toolgate.sandbox.emulation.SandboxJson;
import io.javalin.http.Context;
import java.util.Set;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/** {@code /payers}: create, get, PATCH, delete. Identity document values are write-only. */
final class PayerRoutes {
    static final Set<String> DOCUMENT_TYPES =
            Set.of("US_TIN", "US_EIN", "US_SSN", "PASSPORT_NUMBER", "ALIEN_REGISTRATION_NUMBER");
    static final Set<String> TAX_IDS = Set.of("US_TIN", "US_EIN", "US_SSN");

    private final PlastiqStore store;

    private PayerRoutes(PlastiqStore store) {
        this.store = store;
    }

    static void register(Endpoints endpoints) {
        PayerRoutes routes = new PayerRoutes(endpoints.store());
        endpoints.post("/payers", routes::create);
        endpoints.get("/payers/{id}", ctx -> Reply.ok(view(routes.store.payer(ctx.pathParam("id")))));
        endpoints.patch("/payers/{id}", routes::update);
        endpoints.delete("/payers/{id}", routes::delete);
    }

    /** True when the payer has a US tax id on file. */
    static boolean hasTaxId(JsonNode payer) {
        return payer.path("identityDocuments")
                .valueStream()
                .anyMatch(d -> TAX_IDS.contains(d.path("type").asString("")));
    }

    /** The payer as Plastiq shows it: identity documents reduced to type and id. */
    static ObjectNode view(ObjectNode payer) {
        ObjectNode view = payer.deepCopy();
        ArrayNode documents = view.putArray("identityDocuments");
        payer.path("identityDocuments")
                .forEach(d -> documents
                        .addObject()
                        .put("type", d.path("type").asString())
                        .put("id", d.path("id").asString()));
        return view;
    }

    private Reply create(Context ctx) {
        JsonNode body = Endpoints.body(ctx);
        validate(body, true);
        ObjectNode payer = SandboxJson.object();
        payer.put("id", PlastiqStore.newId());
        copy(body, payer);
        payer.put("status", "ACTIVE");
        payer.put("createdAt", store.now().toString());
        store.payers.put(payer.path("id").asString(), payer);
        return Reply.ok(view(payer));
    }

    private Reply update(Context ctx) {
        ObjectNode payer = store.payer(ctx.pathParam("id"));
        JsonNode body = Endpoints.body(ctx);
        validate(body, false);
        copy(body, payer);
        if (hasTaxId(payer)) {
            PaymentMethods.clearTinBlocks(store, payer.path("id").asString());
        }
        return Reply.ok(view(payer));
    }

    private Reply delete(Context ctx) {
        String id = store.payer(ctx.pathParam("id")).path("id").asString();
        store.payers.remove(id);
        return Reply.noContent();
    }

    private static void validate(JsonNode body, boolean creating) {
        Violations v = new Violations();
        v.optionalText(body, "businessName", "businessName");
        v.object(body, "contact", "contact", creating).ifPresent(c -> Addresses.contact(v, c, "contact"));
        v.object(body, "businessAddress", "businessAddress", false)
                .ifPresent(a -> Addresses.full(v, a, "businessAddress"));
        JsonNode documents = body.path("identityDocuments");
        if (!documents.isMissingNode() && !documents.isArray()) {
            v.add("identityDocuments must be an array");
        }
        for (int i = 0; i < documents.size(); i++) {
            String at = "identityDocuments[" + i + "]";
            v.oneOf(v.requiredText(documents.get(i), "type", at + ".type"), DOCUMENT_TYPES, at + ".type");
            v.requiredText(documents.get(i), "value", at + ".value");
        }
        v.throwIfAny();
    }

    /** Copies the writable fields; identity documents are added (with fresh ids), never replaced. */
    private static void copy(JsonNode body, ObjectNode payer) {
        for (String field : new String[] {"businessName", "contact", "businessAddress"}) {
            if (body.has(field)) {
                payer.set(field, body.get(field).deepCopy());
            }
        }
        ArrayNode documents = payer.has("identityDocuments")
                ? (ArrayNode) payer.get("identityDocuments")
                : payer.putArray("identityDocuments");
        body.path("identityDocuments").forEach(d -> {
            ObjectNode document = ((ObjectNode) d).deepCopy();
            document.put("id", PlastiqStore.newId());
            documents.add(document);
        });
    }
}
