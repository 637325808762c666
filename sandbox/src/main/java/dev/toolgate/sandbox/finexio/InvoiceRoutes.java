package dev.toolgate.sandbox.finexio;

import dev.toolgate.sandbox.emulation.SandboxJson;
import io.javalin.http.Context;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/** {@code /invoices/}: list, get, and {@code POST /invoices/batch/} (all or nothing, 201 with the created array). */
final class InvoiceRoutes {
    private final FinexioStore store;

    private InvoiceRoutes(FinexioStore store) {
        this.store = store;
    }

    static void register(Endpoints endpoints) {
        InvoiceRoutes routes = new InvoiceRoutes(endpoints.store());
        endpoints.get(
                "/invoices/",
                ctx -> Answer.ok(PageNumberPage.render(ctx, List.copyOf(routes.store.invoices.values()))));
        endpoints.get("/invoices/{id}/", routes::get);
        endpoints.post("/invoices/batch/", routes::batch);
    }

    private Answer get(Context ctx) {
        ObjectNode invoice = store.invoices.get(ctx.pathParam("id"));
        if (invoice == null) {
            throw FinexioError.notFound(ctx.path(), "No invoice with id " + ctx.pathParam("id") + ".");
        }
        return Answer.ok(invoice);
    }

    private Answer batch(Context ctx) {
        JsonNode batch = Endpoints.body(ctx);
        new InvoiceBatch(store).check(batch, ctx.path());
        ArrayNode created = SandboxJson.array();
        String now = store.now().toString();
        for (JsonNode item : batch) {
            ObjectNode invoice = InvoiceBatch.create(item, newId(), now);
            store.invoices.put(invoice.path("id").asString(), invoice);
            created.add(invoice);
        }
        return Answer.created(created);
    }

    private String newId() {
        byte[] random = new byte[8];
        ThreadLocalRandom.current().nextBytes(random);
        return "inv_" + HexFormat.of().formatHex(random);
    }
}
