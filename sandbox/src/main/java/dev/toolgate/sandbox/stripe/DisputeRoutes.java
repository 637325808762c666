package dev.toolgate.sandbox.stripe;

import java.util.Set;
import java.util.function.Predicate;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * {@code /v1/disputes}: list (no status filter, as on Stripe), retrieve, update (evidence, submitted unless
 * {@code submit=false}) and close (accepting the loss: {@code needs_response} becomes {@code lost}, an inquiry's
 * {@code warning_needs_response} becomes {@code warning_closed}).
 */
final class DisputeRoutes {
    private static final Set<String> OPEN = Set.of("needs_response", "warning_needs_response");

    private final Store store;
    private final Lists lists;
    private final Expander expander;

    DisputeRoutes(Store store, Lists lists, Expander expander) {
        this.store = store;
        this.lists = lists;
        this.expander = expander;
    }

    void register(Router router) {
        router.get("/v1/disputes", this::list)
                .get("/v1/disputes/{dispute}", this::retrieve)
                .post("/v1/disputes/{dispute}", this::update)
                .post("/v1/disputes/{dispute}/close", this::close);
    }

    private JsonNode list(Call call) {
        Params p = call.params();
        p.allowOnly(Lists.accepting("charge", "payment_intent", "created"));
        Predicate<ObjectNode> filter = Filters.equal(p, "charge", "charge")
                .and(Filters.equal(p, "payment_intent", "payment_intent"))
                .and(Filters.range(p, "created", "created"));
        return lists.page(store.all("dispute").stream().filter(filter).toList(), p, call.path(), "dispute");
    }

    private JsonNode retrieve(Call call) {
        call.params().allowOnly(Set.of("expand"));
        return expand(store.get(call.path("dispute"), "dispute"), call);
    }

    private JsonNode update(Call call) {
        Params p = call.params();
        p.allowOnly(Set.of("evidence", "expand", "metadata", "submit"));
        ObjectNode dispute = store.get(call.path("dispute"), "dispute");
        boolean submit = p.bool("submit").orElse(true);
        if ((p.has("evidence") || submit) && !OPEN.contains(Nodes.text(dispute, "status"))) {
            throw StripeException.invalid(
                    "Dispute " + call.path("dispute") + " has status " + Nodes.text(dispute, "status")
                            + ": evidence can only be changed or submitted while it needs a response"
                            + " (needs_response or warning_needs_response). Metadata can still be updated with submit=false.",
                    "evidence");
        }
        ObjectNode evidence = (ObjectNode) dispute.get("evidence");
        p.object("evidence").ifPresent(given -> {
            Fields.allowOnly(given, Set.copyOf(Disputes.EVIDENCE), "evidence");
            given.properties()
                    .forEach(e -> evidence.put(e.getKey(), e.getValue().asString()));
        });
        ObjectNode details = (ObjectNode) dispute.get("evidence_details");
        details.put(
                "has_evidence",
                evidence.properties().stream().anyMatch(e -> !e.getValue().isNull()));
        Metadata.apply(dispute, p);
        if (submit) {
            details.put("submission_count", details.path("submission_count").asInt() + 1);
            dispute.put(
                    "status",
                    Nodes.text(dispute, "status").startsWith("warning_") ? "warning_under_review" : "under_review");
        }
        return expand(dispute, call);
    }

    private JsonNode close(Call call) {
        call.params().allowOnly(Set.of("expand"));
        ObjectNode dispute = store.get(call.path("dispute"), "dispute");
        String status = Nodes.text(dispute, "status");
        if (!OPEN.contains(status)) {
            throw StripeException.invalid(
                    "Dispute " + call.path("dispute") + " cannot be closed because its status is "
                            + status
                            + "; only disputes that need a response (needs_response, warning_needs_response) can"
                            + " be closed.",
                    null);
        }
        dispute.put("status", status.startsWith("warning_") ? "warning_closed" : "lost");
        dispute.put("is_charge_refundable", false);
        return expand(dispute, call);
    }

    private JsonNode expand(ObjectNode dispute, Call call) {
        return expander.expandObject(dispute, call.params().strings("expand"));
    }
}
