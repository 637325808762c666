package dev.toolgate.sandbox.finexio;

import io.javalin.http.Context;
import java.net.URI;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * {@code /webhooks/}: list, create, get, PATCH, delete. Creating needs {@code event}, {@code url}, {@code username}
 * and {@code password} (Finexio calls the URL with HTTP Basic using them); the password is kept apart and never
 * answered.
 */
final class WebhookRoutes {
    static final Set<String> FLAGS = Set.of(
            "invoice_ids",
            "payment_status",
            "payment_events",
            "refund_reason",
            "instrument_number",
            "all_payment_details");
    private static final List<String> REQUIRED = List.of("event", "url", "username", "password");

    private final FinexioStore store;

    private WebhookRoutes(FinexioStore store) {
        this.store = store;
    }

    static void register(Endpoints endpoints) {
        WebhookRoutes routes = new WebhookRoutes(endpoints.store());
        endpoints.get(
                "/webhooks/",
                ctx -> Answer.ok(PageNumberPage.render(
                        ctx,
                        routes.store.webhooks.values().stream()
                                .map(w -> routes.view(ctx, w))
                                .toList())));
        endpoints.post("/webhooks/", routes::create);
        endpoints.get("/webhooks/{id}/", ctx -> Answer.ok(routes.view(ctx, routes.stored(ctx))));
        endpoints.patch("/webhooks/{id}/", routes::update);
        endpoints.delete("/webhooks/{id}/", routes::delete);
    }

    private Answer create(Context ctx) {
        JsonNode body = Endpoints.objectBody(ctx);
        FieldErrors errors = new FieldErrors();
        REQUIRED.stream()
                .filter(f -> body.path(f).asString("").isBlank())
                .forEach(f -> errors.add(f, FieldErrors.REQUIRED));
        check(body, errors);
        errors.throwIfAny(ctx.path());
        ObjectNode webhook = ((ObjectNode) body).objectNode();
        String id = UUID.randomUUID().toString();
        webhook.put("id", id);
        webhook.put("content_type", "application/json");
        FLAGS.forEach(flag -> webhook.put(flag, false));
        apply(body, webhook, id);
        webhook.put("created_at", store.now().toString());
        webhook.put("updated_at", store.now().toString());
        store.webhooks.put(id, webhook);
        return Answer.created(view(ctx, webhook));
    }

    private Answer update(Context ctx) {
        ObjectNode webhook = stored(ctx);
        JsonNode body = Endpoints.objectBody(ctx);
        FieldErrors errors = new FieldErrors();
        REQUIRED.stream()
                .filter(f -> body.has(f) && body.path(f).asString("").isBlank())
                .forEach(f -> errors.add(f, "This field may not be blank."));
        check(body, errors);
        errors.throwIfAny(ctx.path());
        apply(body, webhook, webhook.path("id").asString());
        webhook.put("updated_at", store.now().toString());
        return Answer.ok(view(ctx, webhook));
    }

    private Answer delete(Context ctx) {
        String id = stored(ctx).path("id").asString();
        store.webhooks.remove(id);
        store.webhookPasswords.remove(id);
        return Answer.noContent();
    }

    private static void check(JsonNode body, FieldErrors errors) {
        if (body.has("event") && !"payment.changed".equals(body.path("event").asString(""))) {
            errors.add(
                    "event",
                    "\"" + body.path("event").asString(body.path("event").toString()) + "\" is not a valid choice.");
        }
        if (body.has("url") && !isUrl(body.path("url").asString(""))) {
            errors.add("url", "Enter a valid URL.");
        }
        if (body.has("content_type")
                && !Set.of("application/json", "application/x-www-form-urlencoded")
                        .contains(body.path("content_type").asString(""))) {
            errors.add("content_type", "\"" + body.path("content_type").asString("") + "\" is not a valid choice.");
        }
        FLAGS.stream()
                .filter(f -> body.has(f) && !body.get(f).isBoolean())
                .forEach(f -> errors.add(f, "Must be a valid boolean."));
    }

    private void apply(JsonNode body, ObjectNode webhook, String id) {
        for (String field : List.of("event", "url", "username", "content_type")) {
            if (body.has(field)) {
                webhook.put(field, body.path(field).asString());
            }
        }
        FLAGS.stream().filter(body::has).forEach(f -> webhook.put(f, body.get(f).asBoolean()));
        if (body.has("password")) {
            store.webhookPasswords.put(id, body.path("password").asString());
        }
    }

    /** The webhook as answered: never the password; {@code subscription} is its own URL. */
    private ObjectNode view(Context ctx, ObjectNode webhook) {
        ObjectNode view = webhook.deepCopy();
        view.remove("password");
        view.put(
                "subscription",
                "http://" + ctx.host() + Endpoints.BASE_PATH + "/webhooks/"
                        + webhook.path("id").asString() + "/");
        return view;
    }

    private ObjectNode stored(Context ctx) {
        ObjectNode webhook = store.webhooks.get(ctx.pathParam("id"));
        if (webhook == null) {
            throw FinexioError.notFound(ctx.path(), "No webhook subscription with id " + ctx.pathParam("id") + ".");
        }
        return webhook;
    }

    private static boolean isUrl(String text) {
        try {
            URI uri = new URI(text);
            return (uri.getScheme() != null
                            && (uri.getScheme().equals("https")
                                    || uri.getScheme().equals("http")))
                    && uri.getHost() != null;
        } catch (java.net.URISyntaxException e) {
            return false;
        }
    }
}
