package dev.toolgate.testing;

import dev.toolgate.support.Json;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.function.Predicate;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The in-memory state of {@link TestPayUpstream}: seeded customers, charges, refunds, invoices, payouts and a balance,
 * with the business rules tests rely on. Amounts are in cents. Thread-safe (every method holds the store's lock) and
 * hands out copies, never live objects.
 */
final class TestPayStore {
    static final long CREATED = 1_767_225_600L; // 2026-01-01T00:00:00Z: fixed so answers are reproducible

    private final Map<String, ObjectNode> customers = new LinkedHashMap<>();
    private final Map<String, ObjectNode> charges = new LinkedHashMap<>();
    private final Map<String, ObjectNode> refunds = new LinkedHashMap<>();
    private final Map<String, ObjectNode> invoices = new LinkedHashMap<>();
    private final Map<String, ObjectNode> payouts = new LinkedHashMap<>();
    private final Map<String, Integer> sequences = new LinkedHashMap<>();
    private long available = 150_000;
    private long pending = 2_500;

    TestPayStore() {
        TestPaySeed.seed(this);
    }

    synchronized ObjectNode balance() {
        ObjectNode balance = Json.object().put("object", "balance").put("livemode", false);
        balance.putArray("available").addObject().put("amount", available).put("currency", "usd");
        balance.putArray("pending").addObject().put("amount", pending).put("currency", "usd");
        return balance;
    }

    /** Customers matching {@code filter}, newest first. */
    synchronized List<ObjectNode> customers(Predicate<JsonNode> filter) {
        return newestFirst(customers, filter);
    }

    synchronized ObjectNode customer(String id) {
        return copy(customers, id, "customer", "id");
    }

    synchronized ObjectNode createCustomer(ObjectNode params) {
        ObjectNode customer = newObject("cus", "customer");
        customer.putNull("email");
        customer.putNull("name");
        customer.putObject("metadata");
        apply(customer, params);
        customers.put(customer.get("id").asString(), customer);
        return customer.deepCopy();
    }

    synchronized ObjectNode updateCustomer(String id, ObjectNode params) {
        ObjectNode customer = live(customers, id, "customer", "id");
        apply(customer, params);
        return customer.deepCopy();
    }

    synchronized ObjectNode deleteCustomer(String id) {
        live(customers, id, "customer", "id");
        customers.remove(id);
        return Json.object().put("id", id).put("object", "customer").put("deleted", true);
    }

    /** Charges of one customer (or all), newest first. */
    synchronized List<ObjectNode> charges(Optional<String> customer) {
        return newestFirst(
                charges,
                c -> customer.isEmpty()
                        || customer.get().equals(c.path("customer").asString()));
    }

    synchronized ObjectNode charge(String id) {
        return copy(charges, id, "charge", "id");
    }

    /** Captures an authorized charge, all of it or {@code amount}; the money becomes available. */
    synchronized ObjectNode capture(String id, OptionalLong amount) {
        ObjectNode charge = live(charges, id, "charge", "id");
        if (charge.get("captured").asBoolean()) {
            throw TestPayError.invalid(400, "Charge " + id + " has already been captured.", null);
        }
        long authorized = charge.get("amount").asLong();
        long captured = amount.orElse(authorized);
        if (captured > authorized) {
            throw TestPayError.invalid(
                    400,
                    "Amount to capture (" + captured + ") is greater than the authorized amount" + " (" + authorized
                            + ").",
                    "amount");
        }
        charge.put("captured", true).put("amount_captured", captured);
        available += captured;
        return charge.deepCopy();
    }

    /** Refunds a captured charge, the unrefunded rest or {@code amount} of it. */
    synchronized ObjectNode refund(String chargeId, OptionalLong amount, Optional<String> reason) {
        ObjectNode charge = live(charges, chargeId, "charge", "charge");
        if (!charge.get("captured").asBoolean()) {
            throw TestPayError.invalid(
                    400, "Charge " + chargeId + " has not been captured yet; capture it first.", "charge");
        }
        long left = charge.get("amount_captured").asLong()
                - charge.get("amount_refunded").asLong();
        long refunded = amount.orElse(left);
        if (left <= 0) {
            throw TestPayError.invalid(400, "Charge " + chargeId + " has already been refunded.", "charge");
        }
        if (refunded > left) {
            throw TestPayError.invalid(
                    400,
                    "Refund amount (" + refunded + ") is greater than unrefunded amount on" + " charge (" + left + ")",
                    "amount");
        }
        charge.put("amount_refunded", charge.get("amount_refunded").asLong() + refunded)
                .put("refunded", refunded == left);
        available -= refunded;
        ObjectNode refund = newObject("re", "refund")
                .put("amount", refunded)
                .put("charge", chargeId)
                .put("currency", "usd")
                .put("status", "succeeded");
        reason.ifPresentOrElse(r -> refund.put("reason", r), () -> refund.putNull("reason"));
        refunds.put(refund.get("id").asString(), refund);
        return refund.deepCopy();
    }

    synchronized List<ObjectNode> refunds() {
        return newestFirst(refunds, r -> true);
    }

    /** Invoices, oldest first (the v2 API pages in creation order). */
    synchronized List<ObjectNode> invoices() {
        return invoices.values().stream().map(ObjectNode::deepCopy).toList();
    }

    /** Creates every invoice or none: a duplicate invoice number refuses the whole batch. */
    synchronized List<ObjectNode> createInvoices(List<ObjectNode> batch, Optional<String> account) {
        List<String> numbers = new ArrayList<>(invoices.values().stream()
                .map(i -> i.get("invoice_number").asString())
                .toList());
        for (ObjectNode item : batch) {
            String number = item.get("invoice_number").asString();
            if (numbers.contains(number)) {
                throw TestPayError.detail(400, "invoice_number '" + number + "' already exists.");
            }
            numbers.add(number);
        }
        return batch.stream()
                .map(item -> addInvoice(
                        item.get("invoice_number").asString(),
                        item.get("amount_cents").asLong(),
                        account))
                .toList();
    }

    synchronized List<ObjectNode> payouts() {
        return payouts.values().stream().map(ObjectNode::deepCopy).toList();
    }

    ObjectNode addCustomer(String email, String name) {
        ObjectNode customer = newObject("cus", "customer").put("email", email).put("name", name);
        customer.putObject("metadata");
        customers.put(customer.get("id").asString(), customer);
        return customer;
    }

    ObjectNode addCharge(String customer, long amount, boolean captured) {
        ObjectNode charge = newObject("ch", "charge")
                .put("amount", amount)
                .put("amount_captured", captured ? amount : 0)
                .put("amount_refunded", 0)
                .put("captured", captured)
                .put("refunded", false)
                .put("currency", "usd")
                .put("customer", customer)
                .put("status", "succeeded");
        charges.put(charge.get("id").asString(), charge);
        return charge;
    }

    synchronized ObjectNode addInvoice(String number, long amountCents, Optional<String> account) {
        ObjectNode invoice = newObject("inv", "invoice")
                .put("invoice_number", number)
                .put("amount_cents", amountCents)
                .put("status", "pending");
        account.ifPresent(a -> invoice.put("account", a));
        invoices.put(invoice.get("id").asString(), invoice);
        return invoice.deepCopy();
    }

    ObjectNode addPayout(long amount, String status) {
        ObjectNode payout = newObject("po", "payout")
                .put("amount", amount)
                .put("currency", "usd")
                .put("status", status);
        payouts.put(payout.get("id").asString(), payout);
        return payout;
    }

    private ObjectNode newObject(String prefix, String object) {
        int n = sequences.merge(prefix, 1, Integer::sum);
        return Json.object()
                .put("id", prefix + "_" + n)
                .put("object", object)
                .put("created", CREATED + n)
                .put("livemode", false);
    }

    /** Sets the given fields; {@code metadata} merges key by key, an empty value deleting its key (as Stripe does). */
    private static void apply(ObjectNode target, ObjectNode params) {
        params.properties().forEach(e -> {
            if (e.getKey().equals("metadata") && e.getValue().isObject()) {
                ObjectNode metadata = (ObjectNode) target.get("metadata");
                e.getValue().properties().forEach(m -> {
                    if (m.getValue().asString().isEmpty()) {
                        metadata.remove(m.getKey());
                    } else {
                        metadata.set(m.getKey(), m.getValue());
                    }
                });
            } else {
                target.set(e.getKey(), e.getValue().deepCopy());
            }
        });
    }

    private static List<ObjectNode> newestFirst(Map<String, ObjectNode> objects, Predicate<JsonNode> filter) {
        return objects.values().stream()
                .filter(filter)
                .map(ObjectNode::deepCopy)
                .toList()
                .reversed();
    }

    private static ObjectNode copy(Map<String, ObjectNode> objects, String id, String kind, String param) {
        return live(objects, id, kind, param).deepCopy();
    }

    private static ObjectNode live(Map<String, ObjectNode> objects, String id, String kind, String param) {
        ObjectNode object = objects.get(id);
        if (object == null) {
            throw TestPayError.noSuch(kind, id, param);
        }
        return object;
    }
}
