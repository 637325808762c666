package dev.toolgate.web;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/** The dashboard's static files (our CSS and JS, htmx from its webjar), read once and served from memory. */
final class Assets {
    private static final String HTMX = "META-INF/resources/webjars/htmx.org/2.0.4/dist/htmx.min.js";

    private final byte[] css = read("assets/app.css");
    private final byte[] js = read("assets/app.js");
    private final byte[] htmx = read(HTMX);

    void register(RoutesConfig routes) {
        routes.get("/assets/app.css", ctx -> serve(ctx, "text/css; charset=utf-8", css));
        routes.get("/assets/app.js", ctx -> serve(ctx, "text/javascript; charset=utf-8", js));
        routes.get("/assets/htmx.min.js", ctx -> serve(ctx, "text/javascript; charset=utf-8", htmx));
    }

    private static void serve(Context ctx, String type, byte[] body) {
        ctx.header("Cache-Control", "public, max-age=3600").header("X-Content-Type-Options", "nosniff");
        ctx.contentType(type).result(body);
    }

    private static byte[] read(String resource) {
        try (InputStream in = Assets.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException(resource + " is missing from the jar");
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
