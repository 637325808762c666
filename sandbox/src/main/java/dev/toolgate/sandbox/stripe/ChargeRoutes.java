package dev.toolgate.sandbox.stripe;

import java.util.List;
import java.util.Set;
import java.util.function.Predicate;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/** {@code /v1/charges}: list, search, create, retrieve, update and capture. */
final class ChargeRoutes {
    private static final SearchFields SEARCH = new SearchFields("charges")
            .with(SearchFields.Kind.NUMBER, "amount", "created")
            .with(
                    SearchFields.Kind.TOKEN,
                    "currency",
                    "customer",
                    "payment_intent",
                    "status",
                    "payment_method_details.card.last4")
            .with(SearchFields.Kind.BOOLEAN, "disputed", "refunded");
    private static final Set<String> CREATABLE = Set.of(
            "amount",
            "capture",
            "currency",
            "customer",
            "description",
            "expand",
            "metadata",
            "receipt_email",
            "shipping",
            "source",
            "statement_descriptor_suffix",
            "transfer_group");
    private static final Set<String> UPDATABLE = Set.of(
            "customer",
            "description",
            "expand",
            "fraud_details",
            "metadata",
            "receipt_email",
            "shipping",
            "transfer_group");

    private final Store store;
    private final Lists lists;
    private final Search search;
    private final Expander expander;
    private final Payments payments;

    ChargeRoutes(Store store, Lists lists, Search search, Expander expander, Payments payments) {
        this.store = store;
        this.lists = lists;
        this.search = search;
        this.expander = expander;
        this.payments = payments;
    }

    void register(Router router) {
        router.get("/v1/charges", this::list)
                .post("/v1/charges", this::create)
                .get("/v1/charges/search", c -> search.run(store.all("charge"), c.params(), c.path(), SEARCH))
                .get("/v1/charges/{charge}", this::retrieve)
                .post("/v1/charges/{charge}", this::update)
                .post("/v1/charges/{charge}/capture", this::capture);
    }

    private JsonNode list(Call call) {
        Params p = call.params();
        p.allowOnly(Lists.accepting("customer", "payment_intent", "created", "transfer_group"));
        Predicate<ObjectNode> filter = Filters.equal(p, "customer", "customer")
                .and(Filters.equal(p, "payment_intent", "payment_intent"))
                .and(Filters.equal(p, "transfer_group", "transfer_group"))
                .and(Filters.range(p, "created", "created"));
        return lists.page(store.all("charge").stream().filter(filter).toList(), p, call.path(), "charge");
    }

    /** A direct charge of a card token or of the customer's default payment method. */
    private JsonNode create(Call call) {
        Params p = call.params();
        p.allowOnly(CREATABLE);
        long amount = p.requiredInteger("amount");
        String currency = Money.currency(p.required("currency"), "currency");
        Money.chargeAmount(amount, currency, "amount");
        ObjectNode customer = p.string("customer")
                .filter(s -> !s.isEmpty())
                .map(id -> store.live(id, "customer", "customer"))
                .orElse(null);
        String source = p.string("source").orElse("");
        if (customer == null && source.isEmpty()) {
            throw StripeException.invalid("Must provide source or customer.", null);
        }
        String method = source.isEmpty() ? Customers.defaultPaymentMethod(customer) : source;
        if (method.isEmpty()) {
            throw StripeException.invalid("missing", "Cannot charge a customer that has no active card", "card");
        }
        ObjectNode charge = payments.draft(store.newId("ch"), amount, currency, method, call.now());
        if (customer != null) {
            charge.put("customer", customer.path("id").asString());
        }
        writable(charge, p);
        payments.place(charge, p.bool("capture").orElse(true), call.now());
        return expand(charge, call);
    }

    private JsonNode retrieve(Call call) {
        call.params().allowOnly(Set.of("expand"));
        return expand(store.get(call.path("charge"), "charge"), call);
    }

    private JsonNode update(Call call) {
        Params p = call.params();
        p.allowOnly(UPDATABLE);
        ObjectNode charge = store.get(call.path("charge"), "charge");
        p.string("customer").filter(s -> !s.isEmpty()).ifPresent(id -> {
            if (!Nodes.text(charge, "customer").isEmpty()
                    && !Nodes.text(charge, "customer").equals(id)) {
                throw StripeException.invalid(
                        "This charge already belongs to customer " + Nodes.text(charge, "customer") + ".", "customer");
            }
            charge.put(
                    "customer",
                    store.live(id, "customer", "customer").path("id").asString());
        });
        p.object("fraud_details").ifPresent(given -> {
            Fields.allowOnly(given, Set.of("user_report"), "fraud_details");
            String report = given.path("user_report").asString("");
            if (!List.of("fraudulent", "safe").contains(report)) {
                throw StripeException.invalid(
                        "Invalid user_report: must be one of fraudulent, safe", "fraud_details[user_report]");
            }
            ((ObjectNode) charge.get("fraud_details")).put("user_report", report);
        });
        writable(charge, p);
        return expand(charge, call);
    }

    /** Captures an authorized charge; the payment intent it belongs to (if any) succeeds with it. */
    private JsonNode capture(Call call) {
        Params p = call.params();
        p.allowOnly(Set.of("amount", "expand", "receipt_email", "statement_descriptor", "statement_descriptor_suffix"));
        ObjectNode charge = store.get(call.path("charge"), "charge");
        if (!"succeeded".equals(Nodes.text(charge, "status"))) {
            throw StripeException.invalid(
                    "Charge " + call.path("charge") + " cannot be captured: its status is "
                            + Nodes.text(charge, "status") + ".",
                    null);
        }
        long amount = p.integer("amount").orElse(charge.path("amount").asLong());
        payments.capture(charge, amount, call.now());
        Fields.text(charge, p, "receipt_email", "statement_descriptor_suffix");
        store.find(Nodes.text(charge, "payment_intent")).ifPresent(pi -> Intents.captured(pi, amount));
        return expand(charge, call);
    }

    private static void writable(ObjectNode charge, Params p) {
        Fields.text(charge, p, "description", "receipt_email", "statement_descriptor_suffix", "transfer_group");
        Fields.shipping(charge, p);
        Metadata.apply(charge, p);
    }

    private JsonNode expand(ObjectNode charge, Call call) {
        return expander.expandObject(charge, call.params().strings("expand"));
    }
}
