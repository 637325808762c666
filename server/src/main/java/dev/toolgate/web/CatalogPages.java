package dev.toolgate.web;

import dev.toolgate.integration.IntegrationDefinition;
import dev.toolgate.integration.Resource;
import dev.toolgate.tools.Tool;
import dev.toolgate.web.view.CatalogView;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.util.List;

/** The integration catalog: what can be connected and which tools each resource generates. */
final class CatalogPages {
    private final UiRequests requests;
    private final UiData data;
    private final Templates templates;

    CatalogPages(UiRequests requests, UiData data, Templates templates) {
        this.requests = requests;
        this.data = data;
        this.templates = templates;
    }

    void register(RoutesConfig routes) {
        routes.get("/ui/integrations", this::catalog);
    }

    private void catalog(Context ctx) {
        UiSession session = requests.require(ctx);
        var integrations = data.integrations().stream().map(this::integration).toList();
        templates.page(ctx, 200, "catalog.jte", new CatalogView(data.chrome(session, "integrations"), integrations));
    }

    private CatalogView.Integration integration(IntegrationDefinition def) {
        List<Tool> tools = data.catalogs().all(def).tools();
        var resources = def.resources().stream()
                .map(r -> resource(r, tools))
                .filter(r -> !r.tools().isEmpty())
                .toList();
        String auth = switch (def.auth()) {
            case dev.toolgate.integration.AuthScheme.Bearer b -> "bearer API key";
            case dev.toolgate.integration.AuthScheme.Basic b -> "username and password (HTTP basic)";
            case dev.toolgate.integration.AuthScheme.ApiKeyHeader a -> "API key in the " + a.header() + " header";
        };
        return new CatalogView.Integration(def.name(), def.label(), def.description(), auth, resources);
    }

    private static CatalogView.Resource resource(Resource resource, List<Tool> tools) {
        var own = tools.stream()
                .filter(t -> t.resource().equals(resource.name()))
                .map(t -> new CatalogView.Tool(
                        t.name(),
                        t.description(),
                        t.annotations().readOnlyHint(),
                        t.annotations().destructiveHint()))
                .toList();
        return new CatalogView.Resource(resource.name(), String.join(", ", resource.tags()), own);
    }
}
