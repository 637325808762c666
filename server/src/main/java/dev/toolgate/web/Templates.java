package dev.toolgate.web;

import gg.jte.ContentType;
import gg.jte.TemplateEngine;
import gg.jte.output.StringOutput;
import io.javalin.http.Context;
import java.util.Map;

/** Renders the precompiled JTE templates (HTML-escaped by default) into responses. */
final class Templates {
    private final TemplateEngine engine = TemplateEngine.createPrecompiled(ContentType.Html);

    /** Renders {@code template} with its {@code view} parameter as a full response. */
    void page(Context ctx, int status, String template, Object view) {
        ctx.status(status).contentType("text/html; charset=utf-8").result(render(template, view));
    }

    String render(String template, Object view) {
        StringOutput out = new StringOutput();
        engine.render(template, Map.of("view", view), out);
        return out.toString();
    }
}
