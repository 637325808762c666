package dev.toolgate.sandbox.finexio;

import dev.toolgate.sandbox.emulation.SandboxJson;
import io.javalin.http.Context;
import java.util.List;
import java.util.Set;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * {@code /reconciliation/drawdown}: list (filtered), get by processor_request_id, and the payments a drawdown funded
 * as DrawdownDetail rows. As Finexio's document types them, drawdown and row {@code amount_cents} are strings.
 */
final class DrawdownRoutes {
    private final FinexioStore store;

    private DrawdownRoutes(FinexioStore store) {
        this.store = store;
    }

    static void register(Endpoints endpoints) {
        DrawdownRoutes routes = new DrawdownRoutes(endpoints.store());
        endpoints.get("/reconciliation/drawdown", routes::list);
        endpoints.get("/reconciliation/drawdown/{id}", ctx -> Answer.ok(routes.drawdown(ctx)));
        endpoints.get("/reconciliation/drawdown/{id}/payments", routes::payments);
    }

    private Answer list(Context ctx) {
        List<ObjectNode> drawdowns = new Filters(ctx)
                .choice("status", "status", Set.of("requested", "received", "error"))
                .exact("originating_counterparty_id", "originating_counterparty_id")
                .exact("buyer_ref_id", "buyer_ref_id")
                .custom(
                        "supplier_ref_id",
                        (d, v) -> rows(d).stream()
                                .anyMatch(
                                        r -> v.equals(r.path("supplier_ref_id").asString())))
                .custom(
                        "tracking_id",
                        (d, v) -> rows(d).stream()
                                .anyMatch(r -> v.equals(r.path("tracking_id").asString())))
                .custom(
                        "invoice_number",
                        (d, v) -> rows(d).stream()
                                .anyMatch(r -> r.path("invoices")
                                        .valueStream()
                                        .anyMatch(i -> v.equals(
                                                i.path("invoice_number").asString()))))
                .timeRange("created_start", "created_end", "created")
                .timeRange("completed_start", "completed_end", "funding_complete_date")
                .centsRange("amount_cents_start", "amount_cents_end", "amount_cents")
                .apply(List.copyOf(store.drawdowns.values()));
        return Answer.ok(PageNumberPage.render(ctx, drawdowns));
    }

    private Answer payments(Context ctx) {
        return Answer.ok(PageNumberPage.render(ctx, rows(drawdown(ctx))));
    }

    private ObjectNode drawdown(Context ctx) {
        ObjectNode drawdown = store.drawdowns.get(ctx.pathParam("id"));
        if (drawdown == null) {
            throw FinexioError.detail(400, "No drawdown with processor_request_id " + ctx.pathParam("id") + ".");
        }
        return drawdown;
    }

    /** The DrawdownDetail rows of a drawdown: one per payment it funded, with the supplier and invoices. */
    private List<ObjectNode> rows(JsonNode drawdown) {
        String id = drawdown.path("processor_request_id").asString();
        return store.payments.values().stream()
                .filter(p -> id.equals(p.path("funding_drawdown_request_id").asString()))
                .map(this::row)
                .toList();
    }

    private ObjectNode row(ObjectNode payment) {
        JsonNode supplier = store.counterparties.get(
                payment.path("receiving_counterparty_id").asString());
        boolean mailed = "mail".equals(payment.path("delivery_method").asString());
        ObjectNode row = SandboxJson.object();
        row.put("id", payment.path("id").asString());
        row.put(
                "originating_counterparty_id",
                payment.path("originating_counterparty_id").asString());
        row.put(
                "receiving_counterparty_id",
                payment.path("receiving_counterparty_id").asString());
        row.put("supplier_ref_id", supplier.path("internal_id").asString());
        row.put("supplier_name", supplier.path("name").asString());
        var invoices = row.putArray("invoices");
        payment.path("invoices")
                .forEach(i -> invoices.add(detailInvoice(i.path("id").asString())));
        row.put("amount_cents", Long.toString(payment.path("amount_cents").asLong()));
        row.put("payment_method", payment.path("payment_method").asString());
        row.put("delivery_method", payment.path("delivery_method").asString());
        row.put("status", payment.path("status").asString());
        row.putNull("payment_group_id");
        row.put("tracking_id", payment.path("tracking_id").asString());
        for (String field : new String[] {"address_1", "address_2", "city", "state"}) {
            row.put(field, mailed ? supplier.path(field).asString("") : "");
        }
        row.put("zip", mailed ? supplier.path("zipcode").asString("") : "");
        row.put("email", mailed ? "" : supplier.path("remit_email").asString(""));
        return row;
    }

    private ObjectNode detailInvoice(String invoiceId) {
        JsonNode invoice = store.invoices.get(invoiceId);
        ObjectNode row = SandboxJson.object();
        row.put("id", invoiceId);
        row.put("payment_amount_cents", invoice.path("amount_cents").asLong());
        row.put("discount_amount_cents", invoice.path("discount_amount_cents").asLong());
        row.put("invoice_date", invoice.path("invoice_date").asString() + "T00:00:00Z");
        row.put("invoice_number", invoice.path("invoice_number").asString());
        row.set("reconciliation_id", invoice.path("reconciliation_id").deepCopy());
        row.set("accounting_id", invoice.path("accounting_id").deepCopy());
        row.set("account_number", invoice.path("account_number").deepCopy());
        row.set("metadata", invoice.path("metadata").deepCopy());
        return row;
    }
}
