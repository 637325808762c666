package dev.toolgate.sandbox.stripe;

import java.util.List;
import java.util.Set;
import java.util.function.Predicate;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * {@code /v1/invoices}: list, search, create (a draft without lines: the sandbox has no invoice items), retrieve,
 * update (drafts fully; finalized invoices only auto_advance, description, footer and metadata) and delete (drafts).
 */
final class InvoiceRoutes {
    static final List<String> STATUSES = List.of("draft", "open", "paid", "uncollectible", "void");
    private static final SearchFields SEARCH = new SearchFields("invoices")
            .with(SearchFields.Kind.NUMBER, "created", "total")
            .with(SearchFields.Kind.TOKEN, "currency", "customer", "number", "status", "subscription");
    private static final Set<String> DRAFT_FIELDS = Set.of(
            "auto_advance",
            "collection_method",
            "days_until_due",
            "default_payment_method",
            "description",
            "due_date",
            "expand",
            "footer",
            "metadata",
            "statement_descriptor");
    private static final Set<String> CREATABLE =
            union(DRAFT_FIELDS, "currency", "customer", "pending_invoice_items_behavior", "subscription");
    private static final Set<String> OPEN_FIELDS =
            Set.of("auto_advance", "description", "expand", "footer", "metadata");
    private static final List<String> COLLECTION = List.of("charge_automatically", "send_invoice");

    private final Store store;
    private final Lists lists;
    private final Search search;
    private final Expander expander;
    private final Invoices invoices;

    InvoiceRoutes(Store store, Lists lists, Search search, Expander expander, Invoices invoices) {
        this.store = store;
        this.lists = lists;
        this.search = search;
        this.expander = expander;
        this.invoices = invoices;
    }

    void register(Router router) {
        router.get("/v1/invoices", this::list)
                .post("/v1/invoices", this::create)
                .get("/v1/invoices/search", c -> search.run(store.all("invoice"), c.params(), c.path(), SEARCH))
                .get("/v1/invoices/{invoice}", this::retrieve)
                .post("/v1/invoices/{invoice}", this::update)
                .delete("/v1/invoices/{invoice}", this::delete);
    }

    private JsonNode list(Call call) {
        Params p = call.params();
        p.allowOnly(Lists.accepting("collection_method", "created", "customer", "due_date", "status", "subscription"));
        p.oneOf("status", STATUSES);
        Predicate<ObjectNode> filter = Filters.equal(p, "customer", "customer")
                .and(Filters.equal(p, "status", "status"))
                .and(Filters.equal(p, "subscription", "subscription"))
                .and(Filters.equal(p, "collection_method", "collection_method"))
                .and(Filters.range(p, "created", "created"))
                .and(Filters.range(p, "due_date", "due_date"));
        return lists.page(store.all("invoice").stream().filter(filter).toList(), p, call.path(), "invoice");
    }

    private JsonNode create(Call call) {
        Params p = call.params();
        p.allowOnly(CREATABLE);
        ObjectNode customer = store.live(p.required("customer"), "customer", "customer");
        String currency = Money.currency(
                p.string("currency")
                        .orElse(Nodes.text(customer, "currency").isEmpty() ? "usd" : Nodes.text(customer, "currency")),
                "currency");
        p.oneOf("pending_invoice_items_behavior", List.of("exclude", "include", "include_and_require"));
        ObjectNode invoice = invoices.draft(store.newId("in"), customer, currency, call.now());
        p.string("subscription").filter(s -> !s.isEmpty()).ifPresent(id -> {
            ObjectNode sub = store.get(id, "subscription", "subscription");
            if (!Nodes.text(sub, "customer").equals(Nodes.text(customer, "id"))) {
                throw StripeException.invalid("Subscription " + id + " belongs to another customer.", "subscription");
            }
            invoice.put("subscription", id);
        });
        applyDraftFields(invoice, p, call.now());
        store.put(invoice);
        return expand(invoice, call);
    }

    private void applyDraftFields(ObjectNode invoice, Params p, long now) {
        p.oneOf("collection_method", COLLECTION).ifPresent(m -> invoice.put("collection_method", m));
        boolean sendInvoice = "send_invoice".equals(Nodes.text(invoice, "collection_method"));
        if (!sendInvoice && (p.has("days_until_due") || p.has("due_date"))) {
            throw StripeException.invalid(
                    "days_until_due and due_date can only be set when collection_method is" + " send_invoice.",
                    p.has("due_date") ? "due_date" : "days_until_due");
        }
        p.integer("days_until_due")
                .ifPresent(
                        days -> invoice.put("due_date", invoice.path("created").asLong(now) + days * Ledger.DAY));
        Fields.integer(invoice, p, "due_date");
        if (sendInvoice && invoice.path("due_date").isNull()) {
            throw StripeException.invalid(
                    "Invoices sent by email (collection_method=send_invoice) need days_until_due" + " or due_date.",
                    "days_until_due");
        }
        if (!sendInvoice) {
            invoice.putNull("due_date");
        }
        applyOpenFields(invoice, p);
        Fields.text(invoice, p, "default_payment_method", "statement_descriptor");
    }

    private static void applyOpenFields(ObjectNode invoice, Params p) {
        Fields.bool(invoice, p, "auto_advance");
        Fields.text(invoice, p, "description", "footer");
        Metadata.apply(invoice, p);
    }

    private JsonNode retrieve(Call call) {
        call.params().allowOnly(Set.of("expand"));
        return expand(store.get(call.path("invoice"), "invoice"), call);
    }

    private JsonNode update(Call call) {
        Params p = call.params();
        p.allowOnly(DRAFT_FIELDS);
        ObjectNode invoice = store.get(call.path("invoice"), "invoice");
        String status = Nodes.text(invoice, "status");
        Set<String> allowed = switch (status) {
            case "draft" -> DRAFT_FIELDS;
            case "open", "uncollectible" -> OPEN_FIELDS;
            default -> Set.of("expand", "metadata");
        };
        p.tree().propertyNames().stream()
                .filter(n -> !allowed.contains(n))
                .findFirst()
                .ifPresent(n -> {
                    throw StripeException.invalid(
                            "invoice_not_editable",
                            "Invoice " + call.path("invoice") + " has status " + status + "; its " + n
                                    + " can no longer be changed.",
                            n);
                });
        if (status.equals("draft")) {
            applyDraftFields(invoice, p, call.now());
        } else {
            applyOpenFields(invoice, p);
        }
        return expand(invoice, call);
    }

    private JsonNode delete(Call call) {
        call.params().allowOnly(Set.of());
        ObjectNode invoice = store.get(call.path("invoice"), "invoice");
        if (!"draft".equals(Nodes.text(invoice, "status"))) {
            throw StripeException.invalid(
                    "You can only delete draft invoices. Invoice " + call.path("invoice") + " has status "
                            + Nodes.text(invoice, "status") + "; void it instead.",
                    null);
        }
        store.remove(call.path("invoice"));
        ObjectNode deleted = Nodes.object();
        deleted.put("id", call.path("invoice"));
        deleted.put("object", "invoice");
        deleted.put("deleted", true);
        return deleted;
    }

    private JsonNode expand(ObjectNode invoice, Call call) {
        return expander.expandObject(invoice, call.params().strings("expand"));
    }

    private static Set<String> union(Set<String> base, String... more) {
        var all = new java.util.HashSet<>(base);
        all.addAll(List.of(more));
        return Set.copyOf(all);
    }
}
