package dev.toolgate.sandbox.plastiq;

import java.util.Optional;
import tools.jackson.databind.JsonNode;

/** Validation of the shapes several Plastiq bodies share: addresses and contacts. */
final class Addresses {
    private Addresses() {}

    /** A full postal address (payers, billing addresses): line1, city, state, postalCode and country. */
    static void full(Violations v, JsonNode address, String path) {
        v.requiredText(address, "line1", path + ".line1");
        v.requiredText(address, "city", path + ".city");
        v.requiredText(address, "state", path + ".state");
        v.requiredText(address, "postalCode", path + ".postalCode");
        country(v, address, path);
    }

    /** A recipient's business address: only line1 and country are required. */
    static void business(Violations v, JsonNode address, String path) {
        v.requiredText(address, "line1", path + ".line1");
        country(v, address, path);
    }

    /** A contact needs at least one of email and phone. */
    static void contact(Violations v, JsonNode contact, String path) {
        Optional<String> email = v.optionalText(contact, "email", path + ".email");
        Optional<String> phone = v.optionalText(contact, "phone", path + ".phone");
        if (email.filter(e -> !e.isBlank()).isEmpty()
                && phone.filter(p -> !p.isBlank()).isEmpty()) {
            v.add(path + " requires an email or a phone");
        }
        email.filter(e -> !e.matches("[^@\\s]+@[^@\\s]+\\.[^@\\s]+"))
                .ifPresent(e -> v.add(path + ".email is not a valid email address"));
    }

    private static void country(Violations v, JsonNode address, String path) {
        v.requiredMatching(
                address, "country", path + ".country", "[A-Z]{2}", "must be a two-letter ISO 3166-1 country code");
    }
}
