package dev.toolgate.sandbox.stripe;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Applies a {@code metadata} parameter the way Stripe does: given keys are set, keys posted empty are removed, and
 * {@code metadata=} (empty) clears everything. At most 50 keys of up to 40 characters, values up to 500.
 */
final class Metadata {
    private Metadata() {}

    static void apply(ObjectNode target, Params params) {
        if (!params.has("metadata")) {
            return;
        }
        if (params.isEmptyString("metadata")) {
            target.putObject("metadata");
            return;
        }
        ObjectNode given = params.object("metadata").orElseThrow();
        ObjectNode metadata =
                target.get("metadata") instanceof ObjectNode existing ? existing : target.putObject("metadata");
        for (var entry : given.properties()) {
            set(metadata, entry.getKey(), entry.getValue());
        }
        if (metadata.size() > 50) {
            throw StripeException.invalid("Metadata can have at most 50 keys.", "metadata");
        }
    }

    private static void set(ObjectNode metadata, String key, JsonNode value) {
        String param = "metadata[" + key + "]";
        if (!value.isString()) {
            throw StripeException.invalid("Invalid string: metadata values are strings", param);
        }
        if (key.length() > 40) {
            throw StripeException.invalid("Metadata keys can have at most 40 characters.", param);
        }
        if (value.asString().length() > 500) {
            throw StripeException.invalid("Metadata values can have at most 500 characters.", param);
        }
        if (value.asString().isEmpty()) {
            metadata.remove(key);
        } else {
            metadata.put(key, value.asString());
        }
    }
}
