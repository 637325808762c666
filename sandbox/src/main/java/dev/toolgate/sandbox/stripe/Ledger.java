package dev.toolgate.sandbox.stripe;

import java.util.Map;
import java.util.TreeMap;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Balance transactions and the balance they add up to. Every captured charge, refund, dispute and payout writes one
 * transaction; its funds are {@code pending} until {@code available_on} (two days after a charge; at once for money
 * leaving the account) and {@code available} after. The balance is the sum of the transactions' {@code net} per
 * currency and status.
 */
final class Ledger {
    static final long DAY = 86_400;

    private final Store store;

    Ledger(Store store) {
        this.store = store;
    }

    /** An entry to record; amounts in cents, negative for money leaving the balance. */
    record Entry(
            String id,
            String type,
            String category,
            long amount,
            long fee,
            String currency,
            String source,
            String description,
            long created) {}

    /** Records a charge's captured amount, with Stripe's card fee (2.9% + 30 cents). */
    String charge(String chargeId, long amount, String currency, String description, long now) {
        long fee = Math.round(amount * 0.029) + 30;
        return record(
                new Entry(store.newId("txn"), "charge", "charge", amount, fee, currency, chargeId, description, now));
    }

    String refund(String refundId, long amount, String currency, long now) {
        return record(new Entry(
                store.newId("txn"), "refund", "refund", -amount, 0, currency, refundId, "REFUND FOR CHARGE", now));
    }

    /** Records an entry; funds arriving become available after two days, funds leaving at once. */
    String record(Entry e) {
        ObjectNode txn = Nodes.object();
        txn.put("id", e.id());
        txn.put("object", "balance_transaction");
        txn.put("amount", e.amount());
        txn.put("available_on", e.amount() > 0 ? e.created() + 2 * DAY : e.created());
        txn.put("created", e.created());
        txn.put("currency", e.currency());
        txn.put("description", e.description());
        txn.putNull("exchange_rate");
        txn.put("fee", e.fee());
        ArrayNode details = txn.putArray("fee_details");
        if (e.fee() != 0) {
            ObjectNode fee = details.addObject();
            fee.put("amount", e.fee());
            fee.putNull("application");
            fee.put("currency", e.currency());
            fee.put("description", "Stripe processing fees");
            fee.put("type", "stripe_fee");
        }
        txn.put("net", e.amount() - e.fee());
        txn.put("reporting_category", e.category());
        txn.put("source", e.source());
        txn.put("status", "pending");
        txn.put("type", e.type());
        store.put(txn);
        return e.id();
    }

    /** Marks transactions whose {@code available_on} has passed as available. */
    void settle(long now) {
        for (ObjectNode txn : store.all("balance_transaction")) {
            txn.put("status", txn.path("available_on").asLong() <= now ? "available" : "pending");
        }
    }

    /** The balance object: per currency, the net of available and of pending transactions, in cents. */
    ObjectNode balance() {
        Map<String, long[]> sums = new TreeMap<>();
        for (ObjectNode txn : store.all("balance_transaction")) {
            long[] sum = sums.computeIfAbsent(txn.path("currency").asString(), c -> new long[2]);
            sum["available".equals(txn.path("status").asString()) ? 0 : 1] +=
                    txn.path("net").asLong();
        }
        ObjectNode balance = Nodes.object();
        balance.put("object", "balance");
        ArrayNode available = balance.putArray("available");
        balance.put("livemode", false);
        ArrayNode pending = balance.putArray("pending");
        sums.forEach((currency, sum) -> {
            fund(available.addObject(), sum[0], currency);
            fund(pending.addObject(), sum[1], currency);
        });
        return balance;
    }

    private static void fund(ObjectNode fund, long amount, String currency) {
        fund.put("amount", amount);
        fund.put("currency", currency);
        fund.putObject("source_types").put("card", amount);
    }
}
