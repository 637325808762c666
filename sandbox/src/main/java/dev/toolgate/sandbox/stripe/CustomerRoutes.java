package dev.toolgate.sandbox.stripe;

import java.util.Set;
import java.util.function.Predicate;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/** {@code /v1/customers}: list (filter {@code email}, {@code created}), search, create, retrieve, update, delete. */
final class CustomerRoutes {
    private static final SearchFields SEARCH = new SearchFields("customers")
            .with(SearchFields.Kind.TEXT, "email", "name", "phone")
            .with(SearchFields.Kind.NUMBER, "created");

    private final Store store;
    private final Lists lists;
    private final Search search;
    private final Expander expander;
    private final Subscriptions subscriptions;

    CustomerRoutes(Store store, Lists lists, Search search, Expander expander, Subscriptions subscriptions) {
        this.store = store;
        this.lists = lists;
        this.search = search;
        this.expander = expander;
        this.subscriptions = subscriptions;
    }

    void register(Router router) {
        router.get("/v1/customers", this::list)
                .post("/v1/customers", this::create)
                .get("/v1/customers/search", c -> search.run(store.all("customer"), c.params(), c.path(), SEARCH))
                .get("/v1/customers/{customer}", this::retrieve)
                .post("/v1/customers/{customer}", this::update)
                .delete("/v1/customers/{customer}", this::delete);
    }

    private JsonNode list(Call call) {
        Params p = call.params();
        p.allowOnly(Lists.accepting("email", "created", "test_clock"));
        Predicate<ObjectNode> filter = Filters.equal(p, "email", "email").and(Filters.range(p, "created", "created"));
        return lists.page(store.all("customer").stream().filter(filter).toList(), p, call.path(), "customer");
    }

    private JsonNode create(Call call) {
        call.params().allowOnly(Customers.WRITABLE);
        ObjectNode customer = Customers.create(store.newId("cus"), call.now());
        Customers.apply(customer, call.params());
        store.put(customer);
        return expander.expandObject(customer, call.params().strings("expand"));
    }

    private JsonNode retrieve(Call call) {
        call.params().allowOnly(Set.of("expand"));
        ObjectNode customer = store.get(call.path("customer"), "customer");
        return customer.path("deleted").asBoolean(false)
                ? customer.deepCopy()
                : expander.expandObject(customer, call.params().strings("expand"));
    }

    private JsonNode update(Call call) {
        call.params().allowOnly(Customers.WRITABLE);
        ObjectNode customer = store.live(call.path("customer"), "customer", null);
        Customers.apply(customer, call.params());
        return expander.expandObject(customer, call.params().strings("expand"));
    }

    /** Deleting a customer cancels its subscriptions at once, as on Stripe; the customer then reads as deleted. */
    private JsonNode delete(Call call) {
        call.params().allowOnly(Set.of());
        String id =
                store.live(call.path("customer"), "customer", null).path("id").asString();
        store.all("subscription").stream()
                .filter(s -> id.equals(Nodes.text(s, "customer")))
                .filter(s -> !Subscriptions.ENDED.contains(Nodes.text(s, "status")))
                .forEach(s -> subscriptions.cancel(s, call.now(), "cancellation_requested"));
        ObjectNode tombstone = Customers.tombstone(id);
        store.put(tombstone);
        return tombstone.deepCopy();
    }
}
