package dev.toolgate.sandbox.stripe;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Set;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Subscription objects: shape, items (each with its full price, as Stripe embeds it), billing periods and
 * cancellation. The sandbox does not bill: creating or renewing a subscription makes no invoice.
 */
final class Subscriptions {
    static final List<String> STATUSES = List.of(
            "active", "canceled", "incomplete", "incomplete_expired", "past_due", "paused", "trialing", "unpaid");
    static final Set<String> ENDED = Set.of("canceled", "incomplete_expired");

    private final Store store;

    Subscriptions(Store store) {
        this.store = store;
    }

    /** A new subscription (not stored) starting at {@code start}, in its first billing period. */
    ObjectNode create(String id, String customer, ObjectNode firstPrice, long start) {
        ObjectNode sub = Nodes.object();
        sub.put("id", id);
        sub.put("object", "subscription");
        Nodes.nulls(
                sub,
                "application",
                "cancel_at",
                "canceled_at",
                "days_until_due",
                "default_payment_method",
                "description",
                "discount",
                "ended_at",
                "latest_invoice",
                "pause_collection",
                "trial_end",
                "trial_start");
        sub.putObject("automatic_tax").put("enabled", false);
        sub.put("billing_cycle_anchor", start);
        sub.put("cancel_at_period_end", false);
        Nodes.nulls(sub.putObject("cancellation_details"), "comment", "feedback", "reason");
        sub.put("collection_method", "charge_automatically");
        sub.put("created", start);
        sub.put("currency", firstPrice.path("currency").asString());
        sub.put("current_period_start", start);
        sub.put("current_period_end", periodEnd(start, firstPrice.path("recurring")));
        sub.put("customer", customer);
        sub.set("items", Nodes.list(Nodes.array(), false, "/v1/subscription_items?subscription=" + id));
        sub.put("livemode", false);
        sub.putObject("metadata");
        sub.put("start_date", start);
        sub.put("status", "active");
        return sub;
    }

    /** Adds an item for {@code price} to a subscription. */
    void addItem(ObjectNode sub, ObjectNode price, long quantity, long created) {
        ObjectNode item = Nodes.object();
        item.put("id", store.newId("si"));
        item.put("object", "subscription_item");
        item.put("created", created);
        item.putObject("metadata");
        item.set("price", price.deepCopy());
        item.put("quantity", quantity);
        item.put("subscription", sub.path("id").asString());
        ArrayNode data = (ArrayNode) sub.path("items").path("data");
        data.add(item);
        ((ObjectNode) sub.get("items")).put("total_count", data.size());
    }

    /** Starts a trial of {@code days} days: the first period ends with the trial. */
    static void trial(ObjectNode sub, long days) {
        long start = sub.path("start_date").asLong();
        sub.put("status", "trialing");
        sub.put("trial_start", start);
        sub.put("trial_end", start + days * Ledger.DAY);
        sub.put("current_period_end", start + days * Ledger.DAY);
    }

    /** Ends a subscription now. */
    void cancel(ObjectNode sub, long now, String reason) {
        sub.put("status", "canceled");
        sub.put("canceled_at", now);
        sub.put("ended_at", now);
        sub.put("cancel_at_period_end", false);
        ((ObjectNode) sub.get("cancellation_details")).put("reason", reason);
    }

    /** True when any item of the subscription is on {@code priceId}. */
    static boolean hasPrice(ObjectNode sub, String priceId) {
        for (JsonNode item : sub.path("items").path("data")) {
            if (priceId.equals(item.path("price").path("id").asString())) {
                return true;
            }
        }
        return false;
    }

    /** The end of a billing period that starts at {@code start}, by the price's interval (calendar months, UTC). */
    static long periodEnd(long start, JsonNode recurring) {
        ZonedDateTime from = Instant.ofEpochSecond(start).atZone(ZoneOffset.UTC);
        long count = Math.max(1, recurring.path("interval_count").asLong(1));
        ZonedDateTime end = switch (recurring.path("interval").asString("month")) {
            case "day" -> from.plusDays(count);
            case "week" -> from.plusWeeks(count);
            case "year" -> from.plusYears(count);
            default -> from.plusMonths(count);
        };
        return end.toEpochSecond();
    }
}
