package dev.toolgate.sandbox.stripe;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * {@code /v1/subscriptions} (list with {@code customer}/{@code status}/{@code price}/... filters, search, create,
 * retrieve, update, cancel by DELETE) and {@code /v1/customers/{customer}/subscriptions} (paging only). Lists leave out
 * canceled subscriptions unless {@code status} asks for them, as Stripe does.
 */
final class SubscriptionRoutes {
    private static final SearchFields SEARCH = new SearchFields("subscriptions")
            .with(SearchFields.Kind.TOKEN, "status")
            .with(SearchFields.Kind.NUMBER, "created");
    private static final List<String> LIST_STATUSES = List.of(
            "active",
            "all",
            "canceled",
            "ended",
            "incomplete",
            "incomplete_expired",
            "past_due",
            "paused",
            "trialing",
            "unpaid");
    private static final Set<String> UPDATABLE = Set.of(
            "cancel_at_period_end",
            "collection_method",
            "days_until_due",
            "default_payment_method",
            "description",
            "expand",
            "items",
            "metadata",
            "proration_behavior");
    private static final List<String> PRORATION = List.of("always_invoice", "create_prorations", "none");

    private final Store store;
    private final Lists lists;
    private final Search search;
    private final Expander expander;
    private final Subscriptions subscriptions;
    private final SubscriptionCreation creation;

    SubscriptionRoutes(Store store, Lists lists, Search search, Expander expander, Subscriptions subscriptions) {
        this.store = store;
        this.lists = lists;
        this.search = search;
        this.expander = expander;
        this.subscriptions = subscriptions;
        this.creation = new SubscriptionCreation(store, subscriptions);
    }

    void register(Router router) {
        router.get("/v1/subscriptions", this::list)
                .post("/v1/subscriptions", c -> expand(creation.create(c), c))
                .get(
                        "/v1/subscriptions/search",
                        c -> search.run(store.all("subscription"), c.params(), c.path(), SEARCH))
                .get("/v1/subscriptions/{subscription_exposed_id}", this::retrieve)
                .post("/v1/subscriptions/{subscription_exposed_id}", this::update)
                .delete("/v1/subscriptions/{subscription_exposed_id}", this::cancel)
                .get("/v1/customers/{customer}/subscriptions", this::ofCustomer);
    }

    private JsonNode list(Call call) {
        Params p = call.params();
        p.allowOnly(Lists.accepting(
                "customer",
                "status",
                "price",
                "collection_method",
                "created",
                "current_period_end",
                "current_period_start"));
        Predicate<ObjectNode> filter = status(p.oneOf("status", LIST_STATUSES).orElse(""))
                .and(Filters.equal(p, "customer", "customer"))
                .and(Filters.equal(p, "collection_method", "collection_method"))
                .and(Filters.range(p, "created", "created"))
                .and(Filters.range(p, "current_period_end", "current_period_end"))
                .and(Filters.range(p, "current_period_start", "current_period_start"));
        String price = p.string("price").orElse("");
        filter = filter.and(s -> price.isEmpty() || Subscriptions.hasPrice(s, price));
        return lists.page(store.all("subscription").stream().filter(filter).toList(), p, call.path(), "subscription");
    }

    private static Predicate<ObjectNode> status(String wanted) {
        return sub -> {
            String status = Nodes.text(sub, "status");
            return switch (wanted) {
                case "" -> !status.equals("canceled");
                case "all" -> true;
                case "ended" -> Subscriptions.ENDED.contains(status);
                default -> status.equals(wanted);
            };
        };
    }

    private JsonNode ofCustomer(Call call) {
        Params p = call.params();
        p.allowOnly(Lists.PAGING);
        String customer =
                store.live(call.path("customer"), "customer", null).path("id").asString();
        List<ObjectNode> subs = store.all("subscription").stream()
                .filter(s -> customer.equals(Nodes.text(s, "customer")) && !"canceled".equals(Nodes.text(s, "status")))
                .toList();
        return lists.page(subs, p, call.path(), "subscription");
    }

    private JsonNode retrieve(Call call) {
        call.params().allowOnly(Set.of("expand"));
        return expand(store.get(call.path("subscription_exposed_id"), "subscription"), call);
    }

    private JsonNode update(Call call) {
        Params p = call.params();
        p.allowOnly(UPDATABLE);
        ObjectNode sub = store.get(call.path("subscription_exposed_id"), "subscription");
        if (Subscriptions.ENDED.contains(Nodes.text(sub, "status"))
                && p.tree().propertyNames().stream().anyMatch(n -> !n.equals("metadata") && !n.equals("expand"))) {
            throw StripeException.invalid(
                    "A canceled subscription can only update its cancellation_details and" + " metadata.", null);
        }
        p.oneOf("proration_behavior", PRORATION);
        creation.applyCommon(sub, p);
        Fields.bool(sub, p, "cancel_at_period_end");
        if (sub.path("cancel_at_period_end").asBoolean()) {
            sub.put("cancel_at", sub.path("current_period_end").asLong());
        } else {
            sub.putNull("cancel_at");
        }
        if (p.has("items")) {
            updateItems(sub, p.list("items"), call.now());
        }
        return expand(sub, call);
    }

    /** Items with an id change (or with {@code deleted=true} leave); items without one are added. */
    private void updateItems(ObjectNode sub, List<JsonNode> given, long now) {
        ArrayNode data = (ArrayNode) sub.path("items").path("data");
        for (int i = 0; i < given.size(); i++) {
            ObjectNode item = given.get(i) instanceof ObjectNode o ? o : Nodes.object();
            String param = "items[" + i + "]";
            Fields.allowOnly(item, Set.of("id", "price", "quantity", "deleted"), param);
            String id = item.path("id").asString("");
            if (id.isEmpty()) {
                creation.addItem(sub, item, param, now);
                continue;
            }
            ObjectNode existing = find(data, id, param);
            if (item.path("deleted").asString("").equals("true")) {
                data.remove(indexOf(data, id));
            } else {
                creation.changeItem(existing, item, param);
            }
        }
        ((ObjectNode) sub.get("items")).put("total_count", data.size());
    }

    private static ObjectNode find(ArrayNode data, String id, String param) {
        int index = indexOf(data, id);
        if (index < 0) {
            throw StripeException.noSuch("subscription_item", id, param + "[id]");
        }
        return (ObjectNode) data.get(index);
    }

    private static int indexOf(ArrayNode data, String id) {
        List<String> ids = new ArrayList<>();
        data.forEach(item -> ids.add(item.path("id").asString()));
        return ids.indexOf(id);
    }

    /** DELETE cancels at once; its parameters come in the query string, as Stripe's clients send them. */
    private JsonNode cancel(Call call) {
        Params p = call.params();
        p.allowOnly(Set.of("cancellation_details", "expand", "invoice_now", "prorate"));
        ObjectNode sub = store.get(call.path("subscription_exposed_id"), "subscription");
        if (Subscriptions.ENDED.contains(Nodes.text(sub, "status"))) {
            throw StripeException.invalid("Subscription " + sub.path("id").asString() + " is already canceled.", null);
        }
        p.bool("invoice_now");
        p.bool("prorate");
        ObjectNode details = (ObjectNode) sub.get("cancellation_details");
        p.object("cancellation_details").ifPresent(given -> {
            Fields.allowOnly(given, Set.of("comment", "feedback"), "cancellation_details");
            given.properties().forEach(e -> details.put(e.getKey(), e.getValue().asString()));
        });
        subscriptions.cancel(sub, call.now(), "cancellation_requested");
        return expand(sub, call);
    }

    private JsonNode expand(ObjectNode sub, Call call) {
        return expander.expandObject(sub, call.params().strings("expand"));
    }
}
