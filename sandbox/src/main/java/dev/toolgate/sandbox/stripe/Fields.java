package dev.toolgate.sandbox.stripe;

import java.util.Set;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/** Copies writable parameters onto objects with Stripe's conventions: an empty string unsets a field (JSON null). */
final class Fields {
    private static final Set<String> ADDRESS = Set.of("city", "country", "line1", "line2", "postal_code", "state");
    private static final Set<String> SHIPPING = Set.of("address", "name", "phone");

    private Fields() {}

    /** Sets text fields that are present; an empty value sets null. */
    static void text(ObjectNode target, Params params, String... names) {
        for (String name : names) {
            params.string(name).ifPresent(v -> {
                if (v.isEmpty()) {
                    target.putNull(name);
                } else {
                    target.put(name, v);
                }
            });
        }
    }

    static void integer(ObjectNode target, Params params, String name) {
        params.integer(name).ifPresent(v -> target.put(name, v));
    }

    static void bool(ObjectNode target, Params params, String name) {
        params.bool(name).ifPresent(v -> target.put(name, v));
    }

    /** An address hash ({@code address[line1]=...}); empty unsets it. */
    static void address(ObjectNode target, Params params, String name) {
        if (params.isEmptyString(name)) {
            target.putNull(name);
            return;
        }
        params.object(name).ifPresent(given -> target.set(name, address(given, name)));
    }

    /** A shipping hash ({@code shipping[name]}, {@code shipping[address][line1]}); empty unsets it. */
    static void shipping(ObjectNode target, Params params) {
        if (params.isEmptyString("shipping")) {
            target.putNull("shipping");
            return;
        }
        params.object("shipping").ifPresent(given -> {
            allowOnly(given, SHIPPING, "shipping");
            ObjectNode shipping = Nodes.object();
            shipping.set(
                    "address",
                    address(given.path("address") instanceof ObjectNode a ? a : Nodes.object(), "shipping[address]"));
            shipping.put("name", given.path("name").asString(null));
            shipping.put("phone", given.path("phone").asString(null));
            target.set("shipping", shipping);
        });
    }

    private static ObjectNode address(ObjectNode given, String param) {
        allowOnly(given, ADDRESS, param);
        ObjectNode address = Nodes.object();
        for (String key : new String[] {"city", "country", "line1", "line2", "postal_code", "state"}) {
            JsonNode value = given.get(key);
            address.put(key, value == null || value.asString().isEmpty() ? null : value.asString());
        }
        return address;
    }

    /** Refuses unknown keys inside a hash parameter ({@code address[zip]}). */
    static void allowOnly(ObjectNode given, Set<String> keys, String param) {
        for (String key : given.propertyNames()) {
            if (!keys.contains(key)) {
                throw StripeException.invalid(
                        "parameter_unknown",
                        "Received unknown parameter: " + param + "[" + key + "]",
                        param + "[" + key + "]");
            }
        }
    }
}
