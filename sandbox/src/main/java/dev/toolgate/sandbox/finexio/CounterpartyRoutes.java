package dev.toolgate.sandbox.finexio;

import dev.toolgate.sandbox.emulation.SandboxJson;
import io.javalin.http.Context;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * {@code /counterparties/}: list (filtered), get, create (suppliers only: the API cannot create buyers), PUT, and
 * {@code /counterparties/history}. Every create and every changed field is written to the history, newest first.
 */
final class CounterpartyRoutes {
    private static final String USER = "api.user@sandbox.finexio.example";

    private final FinexioStore store;

    private CounterpartyRoutes(FinexioStore store) {
        this.store = store;
    }

    static void register(Endpoints endpoints) {
        CounterpartyRoutes routes = new CounterpartyRoutes(endpoints.store());
        endpoints.get("/counterparties/", routes::list);
        endpoints.post("/counterparties/", routes::create);
        endpoints.get("/counterparties/history", routes::history);
        endpoints.get(
                "/counterparties/{id}/", ctx -> Answer.ok(routes.store.counterparty(ctx.path(), ctx.pathParam("id"))));
        endpoints.put("/counterparties/{id}/", routes::update);
    }

    private Answer list(Context ctx) {
        List<ObjectNode> matching = new Filters(ctx)
                .custom(
                        "name",
                        (c, v) -> c.path("name")
                                .asString("")
                                .toLowerCase(Locale.ROOT)
                                .contains(v.toLowerCase(Locale.ROOT)))
                .choice("type", "type", Set.of("Buyer", "Supplier"))
                .exact("internal_id", "internal_id")
                .since("updated_after", "updated")
                .apply(List.copyOf(store.counterparties.values()));
        return Answer.ok(PageNumberPage.render(ctx, matching));
    }

    private Answer history(Context ctx) {
        List<ObjectNode> rows = new Filters(ctx).exact("object_id", "objectId").apply(store.history);
        return Answer.ok(PageNumberPage.render(ctx, rows));
    }

    private Answer create(Context ctx) {
        JsonNode body = Endpoints.objectBody(ctx);
        FieldErrors errors = new FieldErrors();
        String type = body.path("type").asString("");
        if (type.isEmpty()) {
            errors.add("type", FieldErrors.REQUIRED);
        } else if (!type.equals("Supplier")) {
            errors.add("type", "\"" + type + "\" is not a valid choice. Only suppliers can be created.");
        }
        ObjectNode counterparty = SandboxJson.object();
        counterparty.put("id", UUID.randomUUID().toString());
        counterparty.put("type", "Supplier");
        counterparty.put("payment_method", "ACH");
        counterparty.put("country", "USA");
        copyWritable(body, counterparty);
        CounterpartyRules.check(counterparty, errors);
        uniqueInternalId(counterparty, errors);
        errors.throwIfAny(ctx.path());
        String now = store.now().toString();
        counterparty.put("created", now);
        counterparty.put("updated", now);
        store.counterparties.put(counterparty.path("id").asString(), counterparty);
        record(counterparty.path("id").asString(), "Create", "name", null, counterparty.get("name"));
        return Answer.created(counterparty);
    }

    private Answer update(Context ctx) {
        ObjectNode stored = store.counterparty(ctx.path(), ctx.pathParam("id"));
        JsonNode body = Endpoints.objectBody(ctx);
        ObjectNode changed = stored.deepCopy();
        copyWritable(body, changed);
        FieldErrors errors = new FieldErrors();
        CounterpartyRules.check(changed, errors);
        uniqueInternalId(changed, errors);
        errors.throwIfAny(ctx.path());
        for (String field :
                CounterpartyRules.WRITABLE.keySet().stream().sorted().toList()) {
            if (!stored.path(field).equals(changed.path(field))) {
                record(stored.path("id").asString(), "Update", field, stored.get(field), changed.get(field));
            }
        }
        changed.put("updated", store.now().toString());
        stored.setAll(changed);
        return Answer.ok(stored);
    }

    private static void copyWritable(JsonNode body, ObjectNode counterparty) {
        CounterpartyRules.WRITABLE.keySet().stream()
                .filter(body::has)
                .forEach(f -> counterparty.set(f, body.get(f).deepCopy()));
    }

    private void uniqueInternalId(JsonNode counterparty, FieldErrors errors) {
        String id = counterparty.path("id").asString();
        String internalId = counterparty.path("internal_id").asString("");
        boolean taken = store.counterparties.values().stream()
                .anyMatch(c -> !c.path("id").asString().equals(id)
                        && c.path("type")
                                .asString()
                                .equals(counterparty.path("type").asString())
                        && c.path("internal_id").asString().equals(internalId));
        if (taken) {
            errors.add(
                    "internal_id",
                    "A " + counterparty.path("type").asString() + " with this internal_id already" + " exists.");
        }
    }

    private void record(String objectId, String action, String field, JsonNode before, JsonNode after) {
        ObjectNode row = SandboxJson.object();
        row.put("id", "hst_" + UUID.randomUUID().toString().substring(0, 8));
        row.put("objectId", objectId);
        row.put("date", store.now().toString());
        row.put("username", USER);
        row.put("userIpAddress", "127.0.0.1");
        row.put("action", action);
        ObjectNode changes = row.putObject("changes");
        changes.put("field", field);
        changes.set("oldValue", before == null ? changes.nullNode() : before.deepCopy());
        changes.set("newValue", after == null ? changes.nullNode() : after.deepCopy());
        row.put("notes", "");
        store.history.add(0, row);
    }
}
