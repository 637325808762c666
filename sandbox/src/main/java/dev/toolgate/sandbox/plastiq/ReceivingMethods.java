package dev.toolgate.sandbox.plastiq;

import java.util.Set;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The polymorphic {@code receivingMethod} of a recipient, chosen by {@code type}: ACH (US bank: 9-digit routing
 * number), EFT (Canadian bank: 8-digit routing number), CHECK (a mailing address) or WIRE. Responses never show a full
 * account number, only {@code accountLastFour}.
 */
final class ReceivingMethods {
    static final Set<String> TYPES = Set.of("ACH", "EFT", "CHECK", "WIRE");
    private static final String PATH = "receivingMethod";

    private ReceivingMethods() {}

    static void validate(Violations v, JsonNode method) {
        var type = v.requiredText(method, "type", PATH + ".type");
        v.oneOf(type, TYPES, PATH + ".type");
        switch (type.orElse("")) {
            case "ACH" -> {
                bank(
                        v,
                        method,
                        "[0-9]{6,17}",
                        "must be 6 to 17 digits",
                        "[0-9]{9}",
                        "must be exactly 9 digits for ACH");
                usOnly(v, method, false);
            }
            case "EFT" ->
                bank(
                        v,
                        method,
                        "[0-9]{1,17}",
                        "must be digits",
                        "[0-9]{8}",
                        "must be exactly 8 digits for EFT (institution and transit numbers)");
            case "WIRE" -> {
                bank(
                        v,
                        method,
                        "[A-Za-z0-9]{1,35}",
                        "must be 1 to 35 letters or digits",
                        "[A-Za-z0-9]{8,11}",
                        "must be 8 to 11 characters for WIRE");
                usOnly(v, method, true);
            }
            case "CHECK" -> Addresses.full(v, method, PATH);
            default -> {}
        }
    }

    /** The method as responses show it: account numbers reduced to their last four digits. */
    static ObjectNode masked(JsonNode method) {
        ObjectNode view = ((ObjectNode) method).deepCopy();
        String number = view.path("accountNumber").asString("");
        if (view.has("accountNumber")) {
            view.remove("accountNumber");
            view.put("accountLastFour", number.length() > 4 ? number.substring(number.length() - 4) : number);
        }
        return view;
    }

    private static void bank(
            Violations v, JsonNode method, String account, String accountRule, String routing, String routingRule) {
        v.requiredMatching(method, "accountNumber", PATH + ".accountNumber", account, accountRule);
        v.requiredMatching(method, "routingNumber", PATH + ".routingNumber", routing, routingRule);
        v.requiredText(method, "beneficiaryName", PATH + ".beneficiaryName")
                .filter(name -> name.length() > 35)
                .ifPresent(name -> v.add(PATH + ".beneficiaryName must be at most 35 characters"));
    }

    private static void usOnly(Violations v, JsonNode method, boolean required) {
        var country = required
                ? v.requiredText(method, "country", PATH + ".country")
                : v.optionalText(method, "country", PATH + ".country");
        v.oneOf(country, Set.of("US"), PATH + ".country");
    }
}
