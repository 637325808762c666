package dev.toolgate.sandbox.finexio;

import dev.toolgate.sandbox.emulation.SandboxJson;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.util.function.Function;
import tools.jackson.databind.JsonNode;

/** Registers handlers under Finexio's {@code /v2} base path; each runs as one atomic step on the store. */
final class Endpoints {
    static final String BASE_PATH = "/v2";

    private final RoutesConfig routes;
    private final FinexioStore store;
    private final String prefix;

    Endpoints(RoutesConfig routes, FinexioStore store, String prefix) {
        this.routes = routes;
        this.store = store;
        this.prefix = prefix;
    }

    FinexioStore store() {
        return store;
    }

    /** The same registrations under another prefix (webhooks also answer without {@code /v2}: see the sandbox). */
    Endpoints under(String otherPrefix) {
        return new Endpoints(routes, store, otherPrefix);
    }

    void get(String path, Function<Context, Answer> handler) {
        routes.get(prefix + path, ctx -> run(ctx, handler));
    }

    void post(String path, Function<Context, Answer> handler) {
        routes.post(prefix + path, ctx -> run(ctx, handler));
    }

    void put(String path, Function<Context, Answer> handler) {
        routes.put(prefix + path, ctx -> run(ctx, handler));
    }

    void patch(String path, Function<Context, Answer> handler) {
        routes.patch(prefix + path, ctx -> run(ctx, handler));
    }

    void delete(String path, Function<Context, Answer> handler) {
        routes.delete(prefix + path, ctx -> run(ctx, handler));
    }

    private void run(Context ctx, Function<Context, Answer> handler) {
        store.locked(() -> handler.apply(ctx)).send(ctx);
    }

    /** The request body as JSON of any kind, or a 400 in DRF's words. */
    static JsonNode body(Context ctx) {
        return SandboxJson.parse(ctx.bodyAsBytes())
                .orElseThrow(
                        () -> FinexioError.detail(400, "JSON parse error - the request body is empty or not JSON."));
    }

    /** The request body as a JSON object, or a 400. */
    static JsonNode objectBody(Context ctx) {
        JsonNode body = body(ctx);
        if (!body.isObject()) {
            throw FinexioError.detail(400, "Invalid data. Expected a dictionary, but got " + body.getNodeType() + ".");
        }
        return body;
    }
}
