package dev.toolgate.sandbox.plastiq;

import dev.toolgate.sandbox.emulation.SandboxJson;
import java.time.Instant;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Validates the raw data of a new payment method and returns only what Plastiq returns: a card's brand, last4, expiry
 * and billing address; a bank account's type, holder, last four digits and routing number. The raw numbers are dropped
 * here and never stored.
 */
final class MaskedData {
    private MaskedData() {}

    static ObjectNode card(Violations v, JsonNode data, Instant now) {
        v.requiredText(data, "cardHolderName", "data.cardHolderName");
        String number =
                v.requiredText(data, "accountNumber", "data.accountNumber").orElse("");
        if (!number.isEmpty() && !number.matches("[0-9]{13,19}")) {
            v.add("data.accountNumber must be 13 to 19 digits");
        }
        v.requiredMatching(data, "cvv", "data.cvv", "[0-9]{3,4}", "must be 3 or 4 digits");
        v.requiredMatching(data, "expirationMonth", "data.expirationMonth", "0[1-9]|1[0-2]", "must be 01 to 12");
        v.requiredMatching(data, "expirationYear", "data.expirationYear", "20[0-9]{2}", "must be a four-digit year");
        v.object(data, "billingAddress", "data.billingAddress", true)
                .ifPresent(a -> Addresses.full(v, a, "data.billingAddress"));
        ObjectNode card = SandboxJson.object();
        card.put("last4", number.length() >= 4 ? number.substring(number.length() - 4) : "");
        card.put("brand", brand(number));
        card.put("expirationMonth", data.path("expirationMonth").asString(""));
        card.put("expirationYear", data.path("expirationYear").asString(""));
        card.put("createdAt", now.toString());
        card.set("billingAddress", data.path("billingAddress").deepCopy());
        card.put("subType", "CREDIT");
        return card;
    }

    static ObjectNode bankAccount(Violations v, JsonNode data, Instant now) {
        v.requiredText(data, "accountHolderName", "data.accountHolderName");
        String number =
                v.requiredText(data, "accountNumber", "data.accountNumber").orElse("");
        if (!number.isEmpty() && !number.matches("[0-9]{4,17}")) {
            v.add("data.accountNumber must be 4 to 17 digits");
        }
        v.requiredMatching(data, "routingNumber", "data.routingNumber", "[0-9]{9}", "must be exactly 9 digits");
        v.oneOf(
                v.optionalText(data, "accountType", "data.accountType"),
                java.util.Set.of("CHECKING", "SAVINGS"),
                "data.accountType");
        v.object(data, "billingAddress", "data.billingAddress", true)
                .ifPresent(a -> Addresses.full(v, a, "data.billingAddress"));
        ObjectNode account = SandboxJson.object();
        account.put("accountType", data.path("accountType").asString("CHECKING"));
        account.put("accountHolderName", data.path("accountHolderName").asString(""));
        account.put("createdAt", now.toString());
        account.put("accountLastFour", number.length() >= 4 ? number.substring(number.length() - 4) : "");
        account.put("routingNumber", data.path("routingNumber").asString(""));
        account.set("billingAddress", data.path("billingAddress").deepCopy());
        return account;
    }

    private static String brand(String number) {
        if (number.startsWith("4")) {
            return "Visa";
        }
        if (number.startsWith("5")) {
            return "Mastercard";
        }
        return number.startsWith("34") || number.startsWith("37") ? "American Express" : "Discover";
    }
}
