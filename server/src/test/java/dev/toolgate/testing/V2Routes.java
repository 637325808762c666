package dev.toolgate.testing;

import static dev.toolgate.testing.Replies.json;

import dev.toolgate.support.Json;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The {@code /v2} endpoints, shaped like Finexio and Plastiq: JSON bodies, errors as {@code {"detail": "..."}},
 * invoices paged by number ({@code {count, next, previous, results}}, 2 a page, {@code next} an absolute URL built from
 * the request's Host header) and a JSON-array bulk create; payouts paged by offset
 * ({@code {items, pagination: {offset, limit, total, has_next}}}).
 */
final class V2Routes {
    static final int INVOICES_PER_PAGE = 2;
    static final int MAX_BATCH = 5;

    private final TestPayStore store;

    V2Routes(TestPayStore store) {
        this.store = store;
    }

    void register(RoutesConfig routes) {
        routes.get("/v2/invoices/", this::listInvoices);
        routes.post("/v2/invoices/batch/", this::createInvoices);
        routes.get("/v2/payouts", this::listPayouts);
    }

    private void listInvoices(Context ctx) {
        ObjectNode query = Replies.query(ctx, Set.of("page"));
        List<ObjectNode> all = store.invoices();
        int pages = Math.max(1, (all.size() + INVOICES_PER_PAGE - 1) / INVOICES_PER_PAGE);
        long page = query.has("page") && query.get("page").asString().matches("[0-9]{1,9}")
                ? Long.parseLong(query.get("page").asString())
                : query.has("page") ? -1 : 1;
        if (page < 1 || page > pages) {
            throw TestPayError.detail(404, "Invalid page.");
        }
        int start = (int) (page - 1) * INVOICES_PER_PAGE;
        ObjectNode body = Json.object().put("count", all.size());
        String self = ctx.scheme() + "://" + ctx.host() + "/v2/invoices/";
        body.put("next", page < pages ? self + "?page=" + (page + 1) : null);
        body.put("previous", page == 1 ? null : page == 2 ? self : self + "?page=" + (page - 1));
        body.putArray("results").addAll(all.subList(start, Math.min(all.size(), start + INVOICES_PER_PAGE)));
        json(ctx, 200, body);
    }

    private void createInvoices(Context ctx) {
        JsonNode body = jsonBody(ctx);
        if (!body.isArray() || body.isEmpty() || body.size() > MAX_BATCH) {
            throw TestPayError.detail(400, "Expected a list of 1 to " + MAX_BATCH + " invoices.");
        }
        List<ObjectNode> batch = new ArrayList<>();
        for (int i = 0; i < body.size(); i++) {
            batch.add(invoice(body.get(i), i));
        }
        Optional<String> account = Optional.ofNullable(ctx.header("TestPay-Account"));
        ArrayNode created = Json.array();
        store.createInvoices(batch, account).forEach(created::add);
        json(ctx, 201, created);
    }

    private static ObjectNode invoice(JsonNode item, int index) {
        String at = "invoice " + index + ": ";
        if (!item.isObject()) {
            throw TestPayError.detail(400, at + "expected an object.");
        }
        for (String name : item.propertyNames()) {
            if (!name.equals("invoice_number") && !name.equals("amount_cents")) {
                throw TestPayError.detail(400, at + "unknown field '" + name + "'.");
            }
        }
        JsonNode number = item.path("invoice_number");
        if (!number.isString()
                || number.asString().isEmpty()
                || number.asString().length() > 49) {
            throw TestPayError.detail(400, at + "invoice_number is required (1 to 49 characters).");
        }
        JsonNode amount = item.path("amount_cents");
        if (!amount.isIntegralNumber() || amount.asLong() < 1) {
            throw TestPayError.detail(400, at + "amount_cents must be a whole number of cents, at least 1.");
        }
        return (ObjectNode) item;
    }

    private static JsonNode jsonBody(Context ctx) {
        String type = ctx.contentType() == null ? "" : ctx.contentType();
        if (!type.startsWith(Replies.JSON)) {
            throw TestPayError.detail(415, "Unsupported media type \"" + type + "\" in request.");
        }
        try {
            return Json.parse(ctx.bodyAsBytes());
        } catch (JacksonException e) {
            throw TestPayError.detail(400, "JSON parse error.");
        }
    }

    private void listPayouts(Context ctx) {
        ObjectNode query = Replies.query(ctx, Set.of("offset", "limit"));
        List<ObjectNode> all = store.payouts();
        int offset = (int) Replies.integer(query, "offset", 0, Integer.MAX_VALUE, 0);
        int limit = (int) Replies.integer(query, "limit", 1, 100, 2);
        int start = Math.min(offset, all.size());
        int end = Math.min(all.size(), start + limit);
        ObjectNode body = Json.object();
        body.putArray("items").addAll(all.subList(start, end));
        body.putObject("pagination")
                .put("offset", offset)
                .put("limit", limit)
                .put("total", all.size())
                .put("has_next", end < all.size());
        json(ctx, 200, body);
    }
}
