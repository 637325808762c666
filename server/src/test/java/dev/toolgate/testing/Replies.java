package dev.toolgate.testing;

import dev.toolgate.support.Json;
import io.javalin.http.Context;
import java.util.Set;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/** Request parsing and JSON answers shared by the emulator's routes. */
final class Replies {
    static final String FORM = "application/x-www-form-urlencoded";
    static final String JSON = "application/json";

    private Replies() {}

    static void json(Context ctx, int status, JsonNode body) {
        ctx.status(status).contentType(JSON).result(Json.writeBytes(body));
    }

    /** The query nested by brackets, refusing parameters outside {@code allowed} as Stripe does. */
    static ObjectNode query(Context ctx, Set<String> allowed) {
        return allowOnly(FormData.tree(ctx.queryString()), allowed);
    }

    /** The form body nested by brackets; a non-empty body must be form-encoded, as Stripe requires. */
    static ObjectNode form(Context ctx, Set<String> allowed) {
        String body = ctx.body();
        String type = ctx.contentType() == null ? "" : ctx.contentType();
        if (!body.isEmpty() && !type.startsWith(FORM)) {
            throw TestPayError.invalid(
                    400, "Invalid request: POST bodies must be " + FORM + ", got '" + type + "'.", null);
        }
        return allowOnly(FormData.tree(body), allowed);
    }

    static ObjectNode allowOnly(ObjectNode params, Set<String> allowed) {
        for (String name : params.propertyNames()) {
            if (!allowed.contains(name)) {
                throw TestPayError.invalid(400, "Received unknown parameter: " + name, name);
            }
        }
        return params;
    }

    /** A whole number in [min, max] from a form or query value; absent gives {@code fallback}. */
    static long integer(ObjectNode params, String name, long min, long max, long fallback) {
        JsonNode value = params.get(name);
        if (value == null) {
            return fallback;
        }
        String text = value.asString();
        if (!text.matches("-?[0-9]{1,18}")) {
            throw TestPayError.invalid(400, "Invalid integer: " + text, name);
        }
        long number = Long.parseLong(text);
        if (number < min || number > max) {
            throw TestPayError.invalid(400, "Invalid " + name + ": must be between " + min + " and " + max, name);
        }
        return number;
    }
}
