package dev.toolgate.sandbox.finexio;

import dev.toolgate.sandbox.emulation.SandboxJson;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Validates a batch of new invoices as a whole: 1 to 500 items (Finexio's guide), each with its required fields,
 * {@code amount_cents} a whole number of cents above zero, an {@code invoice_date} within 365 days of today, existing
 * buyer and supplier, and an {@code invoice_number} not yet used for that supplier (in the store or earlier in the
 * batch). Errors are keyed {@code [index].field}; Finexio publishes no batch error format, so this one is ours.
 */
final class InvoiceBatch {
    static final int MAX_ITEMS = 500;
    static final long MAX_CENTS = 999_999_900L;
    private static final List<String> REQUIRED = List.of(
            "amount_cents",
            "invoice_date",
            "invoice_number",
            "originating_counterparty_id",
            "receiving_counterparty_id");

    private final FinexioStore store;
    private final FieldErrors errors = new FieldErrors();
    private final Set<String> numbersInBatch = new HashSet<>();

    InvoiceBatch(FinexioStore store) {
        this.store = store;
    }

    /** Throws a 400 listing every problem, or returns normally when the whole batch may be created. */
    void check(JsonNode batch, String path) {
        if (!batch.isArray()) {
            throw FinexioError.detail(400, "Expected a list of items but got type \"" + batch.getNodeType() + "\".");
        }
        if (batch.isEmpty()) {
            throw FinexioError.detail(400, "This list may not be empty.");
        }
        if (batch.size() > MAX_ITEMS) {
            throw FinexioError.detail(
                    400, "Ensure this field has no more than " + MAX_ITEMS + " elements (got " + batch.size() + ").");
        }
        for (int i = 0; i < batch.size(); i++) {
            item(batch.get(i), "[" + i + "].");
        }
        errors.throwIfAny(path);
    }

    private void item(JsonNode invoice, String at) {
        if (!invoice.isObject()) {
            errors.add(at.substring(0, at.length() - 1), "Invalid data. Expected a dictionary.");
            return;
        }
        REQUIRED.stream().filter(f -> !invoice.hasNonNull(f)).forEach(f -> errors.add(at + f, FieldErrors.REQUIRED));
        cents(invoice.path("amount_cents"), at + "amount_cents", 1);
        if (invoice.has("discount_amount_cents")) {
            cents(invoice.path("discount_amount_cents"), at + "discount_amount_cents", 0);
        }
        date(invoice.path("invoice_date"), at + "invoice_date", true);
        date(invoice.path("invoice_due_date"), at + "invoice_due_date", false);
        party(invoice, "originating_counterparty_id", "Buyer", at);
        party(invoice, "receiving_counterparty_id", "Supplier", at);
        number(invoice, at);
        JsonNode currency = invoice.path("currency");
        if (!currency.isMissingNode() && !"USD".equals(currency.asString(""))) {
            errors.add(at + "currency", "\"" + currency.asString(currency.toString()) + "\" is not a valid choice.");
        }
    }

    private void cents(JsonNode value, String field, long minimum) {
        if (value.isMissingNode() || value.isNull()) {
            return;
        }
        if (!value.isIntegralNumber()) {
            errors.add(field, "A valid integer is required.");
        } else if (value.asLong() < minimum) {
            errors.add(field, "Ensure this value is greater than or equal to " + minimum + ".");
        } else if (value.asLong() > MAX_CENTS) {
            errors.add(field, "Ensure this value is less than or equal to " + MAX_CENTS + ".");
        }
    }

    private void date(JsonNode value, String field, boolean withinAYear) {
        if (value.isMissingNode() || value.isNull()) {
            return;
        }
        try {
            LocalDate date = LocalDate.parse(value.asString(""));
            LocalDate today = store.now().atOffset(ZoneOffset.UTC).toLocalDate();
            if (withinAYear && (date.isBefore(today.minusDays(365)) || date.isAfter(today.plusDays(365)))) {
                errors.add(field, "Invoice date must be within 365 days of today.");
            }
        } catch (DateTimeParseException e) {
            errors.add(field, "Date has wrong format. Use one of these formats instead: YYYY-MM-DD.");
        }
    }

    private void party(JsonNode invoice, String field, String type, String at) {
        String id = invoice.path(field).asString("");
        if (!id.isEmpty() && !store.isOfType(id, type)) {
            errors.add(at + field, "No " + type + " counterparty with id " + id + ".");
        }
    }

    private void number(JsonNode invoice, String at) {
        String number = invoice.path("invoice_number").asString("");
        String supplier = invoice.path("receiving_counterparty_id").asString("");
        if (number.length() > 49) {
            errors.add(at + "invoice_number", "Ensure this field has no more than 49 characters.");
        }
        boolean stored = store.invoices.values().stream()
                .anyMatch(i -> number.equals(i.path("invoice_number").asString())
                        && supplier.equals(i.path("receiving_counterparty_id").asString()));
        if (!number.isEmpty() && (stored || !numbersInBatch.add(supplier + "\n" + number))) {
            errors.add(at + "invoice_number", "Invoice number " + number + " already exists for this supplier.");
        }
    }

    /** A stored invoice made from one checked item. */
    static ObjectNode create(JsonNode item, String id, String now) {
        ObjectNode invoice = SandboxJson.object();
        invoice.put("id", id);
        invoice.put("created", now);
        invoice.put("updated", now);
        invoice.setAll((ObjectNode) item.deepCopy());
        invoice.put("currency", "USD");
        invoice.put("discount_amount_cents", item.path("discount_amount_cents").asLong(0));
        invoice.putNull("payment_id");
        invoice.putNull("payment_group_id");
        invoice.put("can_be_resubmitted", false);
        invoice.putNull("accounting_id");
        invoice.put("status", "pending");
        return invoice;
    }
}
