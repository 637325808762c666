package dev.toolgate.sandbox.finexio;

import java.util.List;
import java.util.Map;
import java.util.Set;
import tools.jackson.databind.JsonNode;

/**
 * What makes a counterparty valid, per Finexio's document: field lengths and choices, and the fields each
 * {@code payment_method} needs (ACH and Wire: bank numbers; ACH and Card: remit_email; PrintedCheck: a mailing
 * address). Checked on the counterparty as it would be after the change.
 */
final class CounterpartyRules {
    /** Writable fields and their maximum lengths (0: not text). */
    static final Map<String, Integer> WRITABLE = Map.ofEntries(
            Map.entry("name", 100),
            Map.entry("address_1", 40),
            Map.entry("address_2", 40),
            Map.entry("city", 40),
            Map.entry("state", 2),
            Map.entry("zipcode", 10),
            Map.entry("country", 3),
            Map.entry("primary_contact_email", 50),
            Map.entry("primary_contact_name", 40),
            Map.entry("primary_contact_phone", 16),
            Map.entry("remit_email", 50),
            Map.entry("bank_account_number", 17),
            Map.entry("bank_routing_number", 9),
            Map.entry("payment_method", 12),
            Map.entry("internal_id", 100),
            Map.entry("payment_terms", 0),
            Map.entry("tax_id", 11),
            Map.entry("ineligible_for_conversion", 0),
            Map.entry("business_type", 20),
            Map.entry("notes", 1000));

    static final Set<String> PAYMENT_METHODS = Set.of("ACH", "Card", "PrintedCheck", "Wire");
    static final Set<String> COUNTRIES = Set.of("CAN", "UMI", "USA");

    private CounterpartyRules() {}

    static void check(JsonNode counterparty, FieldErrors errors) {
        WRITABLE.forEach((field, max) -> {
            JsonNode value = counterparty.path(field);
            if (max > 0 && value.isString() && value.asString().length() > max) {
                errors.add(field, "Ensure this field has no more than " + max + " characters.");
            }
        });
        List.of("name", "internal_id").forEach(f -> {
            if (counterparty.path(f).asString("").isBlank()) {
                errors.add(f, FieldErrors.REQUIRED);
            }
        });
        choice(counterparty, "payment_method", PAYMENT_METHODS, errors);
        choice(counterparty, "country", COUNTRIES, errors);
        JsonNode terms = counterparty.path("payment_terms");
        if (!terms.isMissingNode()
                && !terms.isNull()
                && !(terms.isIntegralNumber() && terms.asInt() >= 0 && terms.asInt() <= 365)) {
            errors.add("payment_terms", "Ensure this value is a whole number from 0 to 365.");
        }
        String method = counterparty.path("payment_method").asString("ACH");
        if (method.equals("ACH") || method.equals("Wire")) {
            need(counterparty, errors, method, "bank_account_number", "bank_routing_number");
        }
        if (method.equals("ACH") || method.equals("Card")) {
            need(counterparty, errors, method, "remit_email");
        }
        if (method.equals("PrintedCheck")) {
            need(counterparty, errors, method, "address_1", "city", "state", "zipcode");
        }
    }

    private static void choice(JsonNode counterparty, String field, Set<String> allowed, FieldErrors errors) {
        JsonNode value = counterparty.path(field);
        if (!value.isMissingNode() && !value.isNull() && !allowed.contains(value.asString(""))) {
            errors.add(field, "\"" + value.asString(value.toString()) + "\" is not a valid choice.");
        }
    }

    private static void need(JsonNode counterparty, FieldErrors errors, String method, String... fields) {
        for (String field : fields) {
            if (counterparty.path(field).asString("").isBlank()) {
                errors.add(field, "This field is required when payment_method is " + method + ".");
            }
        }
    }
}
