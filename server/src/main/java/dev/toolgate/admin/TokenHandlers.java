package dev.toolgate.admin;

import dev.toolgate.accounts.ApiTokens;
import dev.toolgate.support.Json;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.util.Set;

/** API tokens of the caller's environment. The secret appears only in the create response. */
final class TokenHandlers {
    private final AdminRequests requests;
    private final ApiTokens tokens;

    TokenHandlers(AdminRequests requests, ApiTokens tokens) {
        this.requests = requests;
        this.tokens = tokens;
    }

    void register(RoutesConfig routes) {
        routes.post("/api-token", this::create);
        routes.get("/api-token", this::list);
        routes.delete("/api-token/{id}", this::delete);
    }

    private void create(Context ctx) {
        var principal = requests.principal(ctx);
        BodyFields body = BodyFields.of(requests.body(ctx), Set.of("label"));
        String label = body.optionalString("label").orElse("created by API");
        body.done();
        var issued = tokens.create(principal.environmentId(), label);
        var json = Json.object();
        json.put("id", issued.id().toString());
        json.put("label", issued.label());
        json.put("environment", issued.environmentName());
        json.put("token", issued.token());
        json.put("created_at", Views.time(issued.createdAt()));
        AdminRequests.json(ctx, 201, json);
    }

    private void list(Context ctx) {
        var principal = requests.principal(ctx);
        AdminRequests.json(ctx, 200, Views.list(tokens.list(principal.environmentId()), t -> {
            var json = Json.object();
            json.put("id", t.id().toString());
            json.put("label", t.label());
            json.put("created_at", Views.time(t.createdAt()));
            return json;
        }));
    }

    private void delete(Context ctx) {
        var principal = requests.principal(ctx);
        if (!tokens.revoke(principal.environmentId(), AdminRequests.id(ctx, "id", "API token"))) {
            throw ApiException.notFound("API token");
        }
        ctx.status(204);
    }
}
