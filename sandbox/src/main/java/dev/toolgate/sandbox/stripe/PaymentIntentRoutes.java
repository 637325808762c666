package dev.toolgate.sandbox.stripe;

import java.util.List;
import java.util.Set;
import java.util.function.Predicate;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/** {@code /v1/payment_intents}: list, search, create, retrieve, update, confirm, capture, cancel. */
final class PaymentIntentRoutes {
    private static final SearchFields SEARCH = new SearchFields("payment_intents")
            .with(SearchFields.Kind.NUMBER, "amount", "created")
            .with(SearchFields.Kind.TOKEN, "currency", "customer", "status");
    private static final Set<String> CREATABLE = Set.of(
            "amount",
            "capture_method",
            "confirm",
            "currency",
            "customer",
            "description",
            "expand",
            "metadata",
            "payment_method",
            "payment_method_types",
            "receipt_email",
            "statement_descriptor_suffix");
    private static final Set<String> UPDATABLE = Set.of(
            "amount",
            "capture_method",
            "currency",
            "customer",
            "description",
            "expand",
            "metadata",
            "payment_method",
            "receipt_email",
            "statement_descriptor_suffix");
    /** Fields that change what is charged: only while the intent has not been paid or canceled. */
    private static final Set<String> PAYMENT_FIELDS =
            Set.of("amount", "capture_method", "currency", "customer", "payment_method");

    private static final List<String> CAPTURE_METHODS = List.of("automatic", "manual");
    private static final List<String> CANCEL_REASONS =
            List.of("abandoned", "duplicate", "fraudulent", "requested_by_customer");

    private final Store store;
    private final Lists lists;
    private final Search search;
    private final Expander expander;
    private final Intents intents;

    PaymentIntentRoutes(Store store, Lists lists, Search search, Expander expander, Intents intents) {
        this.store = store;
        this.lists = lists;
        this.search = search;
        this.expander = expander;
        this.intents = intents;
    }

    void register(Router router) {
        router.get("/v1/payment_intents", this::list)
                .post("/v1/payment_intents", this::create)
                .get(
                        "/v1/payment_intents/search",
                        c -> search.run(store.all("payment_intent"), c.params(), c.path(), SEARCH))
                .get("/v1/payment_intents/{intent}", this::retrieve)
                .post("/v1/payment_intents/{intent}", this::update)
                .post("/v1/payment_intents/{intent}/confirm", this::confirm)
                .post("/v1/payment_intents/{intent}/capture", this::capture)
                .post("/v1/payment_intents/{intent}/cancel", this::cancel);
    }

    private JsonNode list(Call call) {
        Params p = call.params();
        p.allowOnly(Lists.accepting("customer", "created"));
        Predicate<ObjectNode> filter =
                Filters.equal(p, "customer", "customer").and(Filters.range(p, "created", "created"));
        return lists.page(
                store.all("payment_intent").stream().filter(filter).toList(), p, call.path(), "payment_intent");
    }

    private JsonNode create(Call call) {
        Params p = call.params();
        p.allowOnly(CREATABLE);
        long amount = p.requiredInteger("amount");
        String currency = Money.currency(p.required("currency"), "currency");
        Money.chargeAmount(amount, currency, "amount");
        ObjectNode pi = intents.create(store.newId("pi"), amount, currency, call.now());
        if (p.has("payment_method_types")) {
            ArrayNode types = pi.putArray("payment_method_types");
            p.strings("payment_method_types").forEach(types::add);
        }
        apply(pi, p);
        store.put(pi);
        return expand(p.bool("confirm").orElse(false) ? intents.confirm(pi, call.now()) : pi, call);
    }

    private JsonNode retrieve(Call call) {
        call.params().allowOnly(Set.of("expand", "client_secret"));
        return expand(store.get(call.path("intent"), "payment_intent"), call);
    }

    private JsonNode update(Call call) {
        Params p = call.params();
        p.allowOnly(UPDATABLE);
        ObjectNode pi = store.get(call.path("intent"), "payment_intent");
        boolean open = Intents.CANCELABLE.contains(Nodes.text(pi, "status"))
                && !"requires_capture".equals(Nodes.text(pi, "status"));
        if (!open && PAYMENT_FIELDS.stream().anyMatch(p::has)) {
            throw StripeException.invalid(
                    "payment_intent_unexpected_state",
                    "You cannot update the amount, currency,"
                            + " customer, capture method or payment method of this PaymentIntent because it has a status of "
                            + Nodes.text(pi, "status") + ".",
                    null);
        }
        p.integer("amount")
                .ifPresent(a -> pi.put("amount", Money.chargeAmount(a, Nodes.text(pi, "currency"), "amount")));
        p.string("currency").ifPresent(c -> pi.put("currency", Money.currency(c, "currency")));
        apply(pi, p);
        return expand(pi, call);
    }

    private void apply(ObjectNode pi, Params p) {
        p.oneOf("capture_method", CAPTURE_METHODS).ifPresent(m -> pi.put("capture_method", m));
        p.string("customer")
                .filter(s -> !s.isEmpty())
                .ifPresent(id -> pi.put(
                        "customer",
                        store.live(id, "customer", "customer").path("id").asString()));
        Fields.text(pi, p, "description", "receipt_email", "statement_descriptor_suffix");
        p.string("payment_method").filter(s -> !s.isEmpty()).ifPresent(m -> Intents.attach(pi, m));
        Metadata.apply(pi, p);
    }

    private JsonNode confirm(Call call) {
        Params p = call.params();
        p.allowOnly(Set.of("capture_method", "expand", "off_session", "payment_method", "receipt_email", "return_url"));
        ObjectNode pi = store.get(call.path("intent"), "payment_intent");
        p.bool("off_session");
        if (Intents.CONFIRMABLE.contains(Nodes.text(pi, "status"))) {
            p.oneOf("capture_method", CAPTURE_METHODS).ifPresent(m -> pi.put("capture_method", m));
            Fields.text(pi, p, "receipt_email");
            p.string("payment_method").filter(s -> !s.isEmpty()).ifPresent(m -> Intents.attach(pi, m));
        }
        return expand(intents.confirm(pi, call.now()), call);
    }

    private JsonNode capture(Call call) {
        Params p = call.params();
        p.allowOnly(Set.of(
                "amount_to_capture", "expand", "metadata", "statement_descriptor", "statement_descriptor_suffix"));
        ObjectNode pi = store.get(call.path("intent"), "payment_intent");
        intents.capture(pi, p.integer("amount_to_capture"), call.now());
        Fields.text(pi, p, "statement_descriptor_suffix");
        Metadata.apply(pi, p);
        return expand(pi, call);
    }

    private JsonNode cancel(Call call) {
        Params p = call.params();
        p.allowOnly(Set.of("cancellation_reason", "expand"));
        ObjectNode pi = store.get(call.path("intent"), "payment_intent");
        String reason = p.oneOf("cancellation_reason", CANCEL_REASONS).orElse(null);
        return expand(intents.cancel(pi, reason, call.now()), call);
    }

    private JsonNode expand(ObjectNode pi, Call call) {
        return expander.expandObject(pi, call.params().strings("expand"));
    }
}
