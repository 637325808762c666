package dev.toolgate.admin;

import dev.toolgate.integration.IntegrationRegistry;
import dev.toolgate.tools.ToolCatalogs;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;

/** {@code GET /integration} and {@code GET /integration/{name}}: the catalog of integrations and their tools. */
final class IntegrationHandlers {
    private final AdminRequests requests;
    private final IntegrationRegistry registry;
    private final ToolCatalogs catalogs;

    IntegrationHandlers(AdminRequests requests, IntegrationRegistry registry, ToolCatalogs catalogs) {
        this.requests = requests;
        this.registry = registry;
        this.catalogs = catalogs;
    }

    void register(RoutesConfig routes) {
        routes.get("/integration", this::list);
        routes.get("/integration/{name}", this::get);
    }

    private void list(Context ctx) {
        requests.principal(ctx);
        var all = registry.all().stream().toList();
        AdminRequests.json(
                ctx,
                200,
                Views.list(all, i -> Views.integration(i, catalogs.all(i).tools())));
    }

    private void get(Context ctx) {
        requests.principal(ctx);
        var integration = registry.find(ctx.pathParam("name")).orElseThrow(() -> ApiException.notFound("integration"));
        var tools = catalogs.all(integration).tools();
        var json = Views.integration(integration, tools);
        var list = json.putArray("tools");
        tools.forEach(t -> list.add(Views.tool(t)));
        AdminRequests.json(ctx, 200, json);
    }
}
