package dev.toolgate.testing;

import static dev.toolgate.testing.Replies.form;
import static dev.toolgate.testing.Replies.json;
import static dev.toolgate.testing.Replies.query;

import dev.toolgate.support.Json;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The Stripe-like {@code /v1} endpoints: form-encoded bodies with bracket nesting, cursor lists
 * ({@code limit}, {@code starting_after} → {@code {object: "list", data, has_more, url}}), unknown parameters refused.
 */
final class V1Routes {
    private static final Set<String> CUSTOMER_FIELDS =
            Set.of("email", "name", "phone", "description", "address", "metadata", "expand");
    private static final Set<String> ADDRESS_FIELDS =
            Set.of("line1", "line2", "city", "state", "postal_code", "country");
    private static final Set<String> LIST_PARAMS = Set.of("limit", "starting_after", "ending_before", "expand");

    private final TestPayStore store;

    V1Routes(TestPayStore store) {
        this.store = store;
    }

    void register(RoutesConfig routes) {
        routes.get("/v1/balance", ctx -> json(ctx, 200, store.balance()));
        routes.get("/v1/customers", this::listCustomers);
        routes.get("/v1/customers/search", ctx -> new CustomerSearch(store).handle(ctx));
        routes.post("/v1/customers", ctx -> json(ctx, 200, store.createCustomer(customerParams(ctx))));
        routes.get("/v1/customers/{id}", ctx -> {
            query(ctx, Set.of("expand"));
            json(ctx, 200, store.customer(ctx.pathParam("id")));
        });
        routes.post(
                "/v1/customers/{id}",
                ctx -> json(ctx, 200, store.updateCustomer(ctx.pathParam("id"), customerParams(ctx))));
        routes.delete("/v1/customers/{id}", ctx -> json(ctx, 200, store.deleteCustomer(ctx.pathParam("id"))));
        routes.post("/v1/customers/{id}/merge", ctx -> json(ctx, 200, store.customer(ctx.pathParam("id"))));
        routes.get("/v1/charges", this::listCharges);
        routes.get("/v1/charges/{id}", ctx -> json(ctx, 200, store.charge(ctx.pathParam("id"))));
        routes.post("/v1/charges/{id}/capture", this::capture);
        routes.post("/v1/refunds", this::refund);
        routes.get(
                "/v1/refunds",
                ctx -> json(ctx, 200, cursorList(store.refunds(), query(ctx, LIST_PARAMS), "/v1/refunds")));
    }

    /**
     * One page of a newest-first list: up to {@code limit} (1..100, default 10) objects after {@code starting_after}.
     */
    static ObjectNode cursorList(List<ObjectNode> all, ObjectNode query, String url) {
        int limit = (int) Replies.integer(query, "limit", 1, 100, 10);
        int start = 0;
        if (query.has("starting_after")) {
            String after = query.get("starting_after").asString();
            int index = all.stream().map(o -> o.get("id").asString()).toList().indexOf(after);
            if (index < 0) {
                throw TestPayError.invalid(
                        400,
                        "Invalid starting_after: no object with id '" + after + "' in this list",
                        "starting_after");
            }
            start = index + 1;
        }
        int end = Math.min(all.size(), start + limit);
        ObjectNode list = Json.object().put("object", "list");
        list.putArray("data").addAll(all.subList(start, end));
        return list.put("has_more", end < all.size()).put("url", url);
    }

    private void listCustomers(Context ctx) {
        ObjectNode query = query(ctx, union(LIST_PARAMS, "email"));
        Optional<String> email = Optional.ofNullable(query.get("email")).map(JsonNode::asString);
        List<ObjectNode> customers = store.customers(
                c -> email.isEmpty() || email.get().equals(c.path("email").asString()));
        json(ctx, 200, cursorList(customers, query, "/v1/customers"));
    }

    private void listCharges(Context ctx) {
        ObjectNode query = query(ctx, union(LIST_PARAMS, "customer"));
        Optional<String> customer = Optional.ofNullable(query.get("customer")).map(JsonNode::asString);
        json(ctx, 200, cursorList(store.charges(customer), query, "/v1/charges"));
    }

    private ObjectNode customerParams(Context ctx) {
        ObjectNode params = form(ctx, CUSTOMER_FIELDS);
        if (params.has("address")) {
            if (!params.get("address").isObject()) {
                throw TestPayError.invalid(400, "Invalid object", "address");
            }
            Replies.allowOnly((ObjectNode) params.get("address"), ADDRESS_FIELDS);
        }
        if (params.has("metadata") && !params.get("metadata").isObject()) {
            throw TestPayError.invalid(400, "Invalid object", "metadata");
        }
        params.remove("expand");
        return params;
    }

    private void capture(Context ctx) {
        ObjectNode params = form(ctx, Set.of("amount", "expand"));
        OptionalLong amount = params.has("amount")
                ? OptionalLong.of(Replies.integer(params, "amount", 1, Long.MAX_VALUE, 0))
                : OptionalLong.empty();
        json(ctx, 200, store.capture(ctx.pathParam("id"), amount));
    }

    private void refund(Context ctx) {
        ObjectNode params = form(ctx, Set.of("charge", "amount", "reason", "metadata", "expand"));
        if (!params.has("charge") || params.get("charge").asString().isEmpty()) {
            throw TestPayError.invalid(400, "Missing required param: charge.", "charge");
        }
        OptionalLong amount = params.has("amount")
                ? OptionalLong.of(Replies.integer(params, "amount", 1, Long.MAX_VALUE, 0))
                : OptionalLong.empty();
        Optional<String> reason = Optional.ofNullable(params.get("reason")).map(JsonNode::asString);
        if (reason.isPresent()
                && !Set.of("duplicate", "fraudulent", "requested_by_customer").contains(reason.get())) {
            throw TestPayError.invalid(
                    400,
                    "Invalid reason: must be one of duplicate, fraudulent, or" + " requested_by_customer",
                    "reason");
        }
        json(ctx, 200, store.refund(params.get("charge").asString(), amount, reason));
    }

    private static Set<String> union(Set<String> base, String extra) {
        var all = new HashSet<>(base);
        all.add(extra);
        return all;
    }
}
