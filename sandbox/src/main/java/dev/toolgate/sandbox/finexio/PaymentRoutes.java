package dev.toolgate.sandbox.finexio;

import dev.toolgate.sandbox.emulation.SandboxJson;
import io.javalin.http.Context;
import java.util.List;
import java.util.Set;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * {@code /payments/}: list (filtered), get, and {@code /payments/{id}/images}, which answers a JSON array of
 * {@code {check_image_url}}, empty when no image exists ("Empty array is returned if there is no image").
 */
final class PaymentRoutes {
    private final FinexioStore store;

    private PaymentRoutes(FinexioStore store) {
        this.store = store;
    }

    static void register(Endpoints endpoints) {
        PaymentRoutes routes = new PaymentRoutes(endpoints.store());
        endpoints.get("/payments/", routes::list);
        endpoints.get("/payments/{id}/", ctx -> Answer.ok(routes.payment(ctx)));
        endpoints.get("/payments/{id}/images", routes::images);
    }

    private Answer list(Context ctx) {
        List<ObjectNode> payments = new Filters(ctx)
                .exact("tracking_id", "tracking_id")
                .timeRange("created_start", "created_end", "created")
                .timeRange("updated_start", "updated_end", "updated")
                .choice("status", "status", Set.of("pending", "in-progress", "settled"))
                .bool("refunded", p -> p.hasNonNull("refund_timestamp"))
                .apply(List.copyOf(store.payments.values()));
        return Answer.ok(PageNumberPage.render(ctx, payments));
    }

    private Answer images(Context ctx) {
        String type = ctx.queryParam("checkImageType");
        if (type != null && !Set.of("Issued", "Deposited").contains(type)) {
            FieldErrors errors = new FieldErrors();
            errors.add("checkImageType", "\"" + type + "\" is not a valid choice.");
            errors.throwIfAny(ctx.path());
        }
        payment(ctx);
        ArrayNode images = SandboxJson.array();
        store.checkImages.getOrDefault(ctx.pathParam("id"), List.of()).stream()
                .filter(image -> type == null || type.equals(image.path("type").asString()))
                .forEach(image -> images.addObject()
                        .put("check_image_url", image.path("check_image_url").asString()));
        return Answer.ok(images);
    }

    private JsonNode payment(Context ctx) {
        ObjectNode payment = store.payments.get(ctx.pathParam("id"));
        if (payment == null) {
            throw FinexioError.notFound(ctx.path(), "No payment with id " + ctx.pathParam("id") + ".");
        }
        return payment;
    }
}
