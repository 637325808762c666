package dev.toolgate.admin;

import dev.toolgate.observability.RequestIds;
import dev.toolgate.support.FieldError;
import dev.toolgate.support.InvalidRequestException;
import dev.toolgate.support.Json;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.util.List;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Renders every admin API failure as {@code {"error": {"code", "message", "details"?}}} with the right status.
 * Unexpected exceptions become a 500 whose reference is the request id; their detail stays in the server log.
 */
final class ApiErrors {
    private static final Logger LOG = LoggerFactory.getLogger(ApiErrors.class);

    private ApiErrors() {}

    static void register(RoutesConfig routes) {
        routes.exception(
                ApiException.class, (e, ctx) -> write(ctx, e.status(), e.code(), e.getMessage(), e.details(), null, e));
        routes.exception(
                InvalidRequestException.class,
                (e, ctx) -> write(ctx, 400, "invalid_request", e.getMessage(), e.errors(), null, null));
        routes.exception(Exception.class, (e, ctx) -> {
            // the request id: it is in the response's X-Request-Id and on every log line of this request
            String reference =
                    RequestIds.current().orElseGet(() -> UUID.randomUUID().toString());
            LOG.error("admin request {} {} failed (reference {})", ctx.method(), ctx.path(), reference, e);
            write(ctx, 500, "internal_error", "internal error; reference " + reference, List.of(), null, null);
        });
    }

    static void write(
            Context ctx,
            int status,
            String code,
            String message,
            List<FieldError> details,
            JsonNode extra,
            ApiException source) {
        if (source != null) {
            source.headers().forEach(ctx::header);
        }
        ObjectNode body = Json.object();
        ObjectNode error = body.putObject("error");
        error.put("code", code);
        error.put("message", message);
        if (!details.isEmpty()) {
            var list = error.putArray("details");
            details.forEach(d -> list.addObject().put("field", d.field()).put("message", d.message()));
        }
        if (extra != null) {
            error.set("upstream", extra);
        }
        ctx.status(status).contentType("application/json").result(Json.writeBytes(body));
    }
}
