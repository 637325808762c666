package dev.toolgate.sandbox.stripe;

import java.util.Set;
import java.util.function.Predicate;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * {@code GET /v1/balance} and {@code /v1/balance_transactions} (list with {@code created}, {@code currency},
 * {@code payout}, {@code source}, {@code type}; retrieve). The sandbox makes no automatic payouts, so filtering by
 * {@code payout} finds nothing.
 */
final class BalanceRoutes {
    private final Store store;
    private final Lists lists;
    private final Expander expander;
    private final Ledger ledger;

    BalanceRoutes(Store store, Lists lists, Expander expander, Ledger ledger) {
        this.store = store;
        this.lists = lists;
        this.expander = expander;
        this.ledger = ledger;
    }

    void register(Router router) {
        router.get("/v1/balance", this::balance)
                .get("/v1/balance_transactions", this::list)
                .get("/v1/balance_transactions/{id}", this::retrieve);
    }

    private JsonNode balance(Call call) {
        call.params().allowOnly(Set.of("expand"));
        return expander.expandObject(ledger.balance(), call.params().strings("expand"));
    }

    private JsonNode list(Call call) {
        Params p = call.params();
        p.allowOnly(Lists.accepting("created", "currency", "payout", "source", "type"));
        Predicate<ObjectNode> filter = Filters.equal(p, "currency", "currency")
                .and(Filters.equal(p, "source", "source"))
                .and(Filters.equal(p, "type", "type"))
                .and(Filters.range(p, "created", "created"))
                .and(txn -> p.string("payout").filter(s -> !s.isEmpty()).isEmpty());
        return lists.page(
                store.all("balance_transaction").stream().filter(filter).toList(),
                p,
                call.path(),
                "balance_transaction");
    }

    private JsonNode retrieve(Call call) {
        call.params().allowOnly(Set.of("expand"));
        return expander.expandObject(
                store.get(call.path("id"), "balance_transaction"), call.params().strings("expand"));
    }
}
