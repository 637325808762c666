package dev.toolgate.sandbox.plastiq;

import dev.toolgate.sandbox.emulation.SandboxJson;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.util.function.Function;
import tools.jackson.databind.JsonNode;

/**
 * Registers handlers under Plastiq's {@code /api} base path. Each handler runs as one atomic step on the store and
 * answers a {@link Reply}; a {@link PlastiqError} thrown on the way becomes Plastiq's error body.
 */
final class Endpoints {
    static final String BASE_PATH = "/api";

    private final RoutesConfig routes;
    private final PlastiqStore store;

    Endpoints(RoutesConfig routes, PlastiqStore store) {
        this.routes = routes;
        this.store = store;
    }

    PlastiqStore store() {
        return store;
    }

    void get(String path, Function<Context, Reply> handler) {
        routes.get(BASE_PATH + path, ctx -> run(ctx, handler));
    }

    void post(String path, Function<Context, Reply> handler) {
        routes.post(BASE_PATH + path, ctx -> run(ctx, handler));
    }

    void patch(String path, Function<Context, Reply> handler) {
        routes.patch(BASE_PATH + path, ctx -> run(ctx, handler));
    }

    void delete(String path, Function<Context, Reply> handler) {
        routes.delete(BASE_PATH + path, ctx -> run(ctx, handler));
    }

    private void run(Context ctx, Function<Context, Reply> handler) {
        store.locked(() -> handler.apply(ctx)).send(ctx);
    }

    /** The request body as a JSON object, or a VALIDATION_ERROR. */
    static JsonNode body(Context ctx) {
        return SandboxJson.parse(ctx.bodyAsBytes())
                .filter(JsonNode::isObject)
                .orElseThrow(() -> PlastiqError.validation("request body must be a JSON object"));
    }

    /** A query parameter the endpoint requires, or a VALIDATION_ERROR naming it. */
    static String requiredQuery(Context ctx, String name) {
        String value = ctx.queryParam(name);
        if (value == null || value.isBlank()) {
            throw PlastiqError.validation(name + " is required");
        }
        return value;
    }
}
