package dev.toolgate.admin;

import dev.toolgate.servers.McpServers;
import dev.toolgate.servers.NewServer;
import dev.toolgate.servers.ServerConfig;
import dev.toolgate.servers.ServerPatch;
import dev.toolgate.support.FieldUpdate;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.time.Instant;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.IntFunction;

/** MCP servers of an integrated account. The token and URL appear only in the create response. */
final class ServerHandlers {
    private static final Set<String> KEYS = Set.of("name", "config", "expires_at");
    private static final Set<String> CONFIG_KEYS = Set.of("methods", "tags", "require_api_token_auth");

    private final AdminRequests requests;
    private final McpServers servers;
    private final IntFunction<String> publicBase;

    /** @param publicBase the public base URL given the bound port (MCP URLs are built from it) */
    ServerHandlers(AdminRequests requests, McpServers servers, IntFunction<String> publicBase) {
        this.requests = requests;
        this.servers = servers;
        this.publicBase = publicBase;
    }

    void register(RoutesConfig routes) {
        routes.post("/integrated-account/{id}/mcp", this::create);
        routes.get("/integrated-account/{id}/mcp", this::list);
        routes.get("/integrated-account/{id}/mcp/{mcp_id}", this::get);
        routes.patch("/integrated-account/{id}/mcp/{mcp_id}", this::update);
        routes.delete("/integrated-account/{id}/mcp/{mcp_id}", this::delete);
    }

    private void create(Context ctx) {
        var principal = requests.principal(ctx);
        UUID accountId = AdminRequests.id(ctx, "id", "integrated account");
        BodyFields body = BodyFields.of(requests.body(ctx), KEYS);
        String name = body.requiredString("name");
        ServerConfig config = config(body).orElse(ServerConfig.ALL);
        Optional<Instant> expiresAt = switch (body.instantUpdate("expires_at")) {
            case FieldUpdate.Set<Instant> s -> Optional.of(s.value());
            case FieldUpdate.Keep<Instant> k -> Optional.empty();
            case FieldUpdate.Clear<Instant> c -> Optional.empty();
        };
        body.done();
        var created = servers.create(principal.environmentId(), accountId, new NewServer(name, config, expiresAt))
                .orElseThrow(() -> ApiException.notFound("integrated account"));
        var json = Views.server(created.server());
        json.put("token", created.token());
        json.put("url", publicBase.apply(ctx.port()) + "/mcp/" + created.token());
        AdminRequests.json(ctx, 201, json);
    }

    private void list(Context ctx) {
        var principal = requests.principal(ctx);
        UUID accountId = AdminRequests.id(ctx, "id", "integrated account");
        var page = servers.list(
                        principal.environmentId(), accountId, AdminRequests.cursor(ctx), AdminRequests.limit(ctx))
                .orElseThrow(() -> ApiException.notFound("integrated account"));
        AdminRequests.json(ctx, 200, Views.page(page, Views::server));
    }

    private void get(Context ctx) {
        var principal = requests.principal(ctx);
        var server = servers.get(
                        principal.environmentId(),
                        AdminRequests.id(ctx, "id", "integrated account"),
                        AdminRequests.id(ctx, "mcp_id", "MCP server"))
                .orElseThrow(() -> ApiException.notFound("MCP server"));
        AdminRequests.json(ctx, 200, Views.server(server));
    }

    private void update(Context ctx) {
        var principal = requests.principal(ctx);
        UUID accountId = AdminRequests.id(ctx, "id", "integrated account");
        UUID serverId = AdminRequests.id(ctx, "mcp_id", "MCP server");
        BodyFields body = BodyFields.of(requests.body(ctx), KEYS);
        var patch = new ServerPatch(body.optionalString("name"), config(body), body.instantUpdate("expires_at"));
        body.done();
        var server = servers.update(principal.environmentId(), accountId, serverId, patch)
                .orElseThrow(() -> ApiException.notFound("MCP server"));
        AdminRequests.json(ctx, 200, Views.server(server));
    }

    private void delete(Context ctx) {
        var principal = requests.principal(ctx);
        if (!servers.delete(
                principal.environmentId(),
                AdminRequests.id(ctx, "id", "integrated account"),
                AdminRequests.id(ctx, "mcp_id", "MCP server"))) {
            throw ApiException.notFound("MCP server");
        }
        ctx.status(204);
    }

    private static Optional<ServerConfig> config(BodyFields body) {
        return body.object("config", CONFIG_KEYS)
                .map(c -> new ServerConfig(
                        c.stringList("methods"), c.stringList("tags"), c.bool("require_api_token_auth", false)));
    }
}
