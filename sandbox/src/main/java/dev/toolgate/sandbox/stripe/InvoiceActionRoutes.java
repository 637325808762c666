package dev.toolgate.sandbox.stripe;

import java.util.Set;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/** The invoice state changes: finalize (draft → open), pay (open → paid), send (email an open invoice), void. */
final class InvoiceActionRoutes {
    private final Store store;
    private final Expander expander;
    private final Invoices invoices;

    InvoiceActionRoutes(Store store, Expander expander, Invoices invoices) {
        this.store = store;
        this.expander = expander;
        this.invoices = invoices;
    }

    void register(Router router) {
        router.post("/v1/invoices/{invoice}/finalize", this::finalizeDraft)
                .post("/v1/invoices/{invoice}/pay", this::pay)
                .post("/v1/invoices/{invoice}/send", this::send)
                .post("/v1/invoices/{invoice}/void", this::voidInvoice);
    }

    private JsonNode finalizeDraft(Call call) {
        Params p = call.params();
        p.allowOnly(Set.of("auto_advance", "expand"));
        ObjectNode invoice = invoice(call);
        if (!"draft".equals(status(invoice))) {
            throw StripeException.invalid(
                    "This invoice is already finalized, you can't re-finalize a non-draft" + " invoice (status: "
                            + status(invoice) + ").",
                    null);
        }
        Fields.bool(invoice, p, "auto_advance");
        invoices.finalizeDraft(invoice, call.now());
        return expand(invoice, call);
    }

    private JsonNode pay(Call call) {
        Params p = call.params();
        p.allowOnly(Set.of("expand", "forgive", "off_session", "paid_out_of_band", "payment_method", "source"));
        ObjectNode invoice = invoice(call);
        requireStatus(invoice, "open", "paid", "finalize a draft first; paid and void invoices cannot be paid");
        p.bool("forgive");
        p.bool("off_session");
        if (p.bool("paid_out_of_band").orElse(false)) {
            invoice.put("paid_out_of_band", true);
            invoices.markPaid(invoice, call.now());
            return expand(invoice, call);
        }
        String method = p.string("payment_method")
                .or(() -> p.string("source"))
                .filter(s -> !s.isEmpty())
                .orElseGet(() -> defaultMethod(invoice));
        if (method.isEmpty()) {
            throw StripeException.invalid(
                    "This customer has no attached payment source or default payment method."
                            + " Pass payment_method, or paid_out_of_band=true for a payment received outside Stripe.",
                    null);
        }
        invoices.pay(invoice, method, call.now());
        return expand(invoice, call);
    }

    private String defaultMethod(ObjectNode invoice) {
        String own = Nodes.text(invoice, "default_payment_method");
        return own.isEmpty()
                ? Customers.defaultPaymentMethod(store.get(Nodes.text(invoice, "customer"), "customer"))
                : own;
    }

    private JsonNode send(Call call) {
        call.params().allowOnly(Set.of("expand"));
        ObjectNode invoice = invoice(call);
        if (!"send_invoice".equals(Nodes.text(invoice, "collection_method"))) {
            throw StripeException.invalid(
                    "You can only manually send an invoice if its collection method is" + " 'send_invoice'.", null);
        }
        requireStatus(invoice, "open", "sent", "only open invoices are emailed");
        return expand(invoice, call);
    }

    private JsonNode voidInvoice(Call call) {
        call.params().allowOnly(Set.of("expand"));
        ObjectNode invoice = invoice(call);
        if (!"open".equals(status(invoice)) && !"uncollectible".equals(status(invoice))) {
            throw StripeException.invalid(
                    "You can only void open or uncollectible invoices; invoice " + call.path("invoice") + " has status "
                            + status(invoice) + ".",
                    null);
        }
        invoices.voidOpen(invoice, call.now());
        return expand(invoice, call);
    }

    private JsonNode expand(ObjectNode invoice, Call call) {
        return expander.expandObject(invoice, call.params().strings("expand"));
    }

    private ObjectNode invoice(Call call) {
        return store.get(call.path("invoice"), "invoice");
    }

    private static String status(ObjectNode invoice) {
        return Nodes.text(invoice, "status");
    }

    private static void requireStatus(ObjectNode invoice, String wanted, String verb, String hint) {
        if (!wanted.equals(status(invoice))) {
            throw StripeException.invalid(
                    "Invoice " + invoice.path("id").asString() + " cannot be " + verb + " because its status is "
                            + status(invoice) + " (" + hint + ").",
                    null);
        }
    }
}
