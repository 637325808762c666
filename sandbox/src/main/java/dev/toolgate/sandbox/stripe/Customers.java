package dev.toolgate.sandbox.stripe;

import java.util.Set;
import tools.jackson.databind.node.ObjectNode;

/** Customer objects: their shape, the writable fields of create and update, and deletion. */
final class Customers {
    static final Set<String> WRITABLE = Set.of(
            "address",
            "balance",
            "description",
            "email",
            "expand",
            "invoice_settings",
            "metadata",
            "name",
            "phone",
            "preferred_locales",
            "shipping");
    private static final Set<String> INVOICE_SETTINGS = Set.of("default_payment_method", "footer");

    private Customers() {}

    static ObjectNode create(String id, long created) {
        ObjectNode customer = Nodes.object();
        customer.put("id", id);
        customer.put("object", "customer");
        Nodes.nulls(
                customer,
                "address",
                "currency",
                "default_source",
                "description",
                "discount",
                "email",
                "name",
                "phone",
                "shipping",
                "test_clock");
        customer.put("balance", 0);
        customer.put("created", created);
        customer.put("delinquent", false);
        customer.put(
                "invoice_prefix", id.substring(4, Math.min(id.length(), 12)).toUpperCase(java.util.Locale.ROOT));
        Nodes.nulls(
                customer.putObject("invoice_settings"),
                "custom_fields",
                "default_payment_method",
                "footer",
                "rendering_options");
        customer.put("livemode", false);
        customer.putObject("metadata");
        customer.put("next_invoice_sequence", 1);
        customer.putArray("preferred_locales");
        customer.put("tax_exempt", "none");
        return customer;
    }

    /** Applies the writable parameters of a create or update. */
    static void apply(ObjectNode customer, Params params) {
        Fields.text(customer, params, "description", "email", "name", "phone");
        Fields.integer(customer, params, "balance");
        Fields.address(customer, params, "address");
        Fields.shipping(customer, params);
        if (params.has("preferred_locales")) {
            var locales = customer.putArray("preferred_locales");
            params.strings("preferred_locales").forEach(locales::add);
        }
        params.object("invoice_settings").ifPresent(given -> {
            Fields.allowOnly(given, INVOICE_SETTINGS, "invoice_settings");
            ObjectNode settings = (ObjectNode) customer.get("invoice_settings");
            given.properties()
                    .forEach(e -> settings.put(e.getKey(), e.getValue().asString()));
        });
        Metadata.apply(customer, params);
    }

    /** The payment method invoices and charges use when none is given, if the customer has one. */
    static String defaultPaymentMethod(ObjectNode customer) {
        String method = Nodes.text(
                customer.path("invoice_settings") instanceof ObjectNode s ? s : Nodes.object(),
                "default_payment_method");
        return method.isEmpty() ? Nodes.text(customer, "default_source") : method;
    }

    /** What a deleted customer looks like from then on. */
    static ObjectNode tombstone(String id) {
        ObjectNode deleted = Nodes.object();
        deleted.put("id", id);
        deleted.put("object", "customer");
        deleted.put("deleted", true);
        return deleted;
    }
}
