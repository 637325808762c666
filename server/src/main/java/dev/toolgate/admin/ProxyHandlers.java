package dev.toolgate.admin;

import dev.toolgate.accounts.IntegratedAccounts;
import dev.toolgate.integration.IntegrationRegistry;
import dev.toolgate.support.FieldError;
import dev.toolgate.support.Json;
import dev.toolgate.tools.Tool;
import dev.toolgate.tools.ToolCatalogs;
import dev.toolgate.upstream.CallOutcome;
import dev.toolgate.upstream.RateLimit;
import dev.toolgate.upstream.ToolInvoker;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.node.ObjectNode;

/**
 * {@code POST /integrated-account/{id}/proxy/{resource}/{method}}: runs one documented method of an account outside
 * MCP, with the same validation, mapping and error handling as a tool call. Upstream statuses pass through (429 with
 * normalized {@code ratelimit-*} headers).
 */
final class ProxyHandlers {
    private final AdminRequests requests;
    private final IntegratedAccounts accounts;
    private final IntegrationRegistry registry;
    private final ToolCatalogs catalogs;
    private final ToolInvoker invoker;

    ProxyHandlers(
            AdminRequests requests,
            IntegratedAccounts accounts,
            IntegrationRegistry registry,
            ToolCatalogs catalogs,
            ToolInvoker invoker) {
        this.requests = requests;
        this.accounts = accounts;
        this.registry = registry;
        this.catalogs = catalogs;
        this.invoker = invoker;
    }

    void register(RoutesConfig routes) {
        routes.post("/integrated-account/{id}/proxy/{resource}/{method}", this::call);
    }

    private void call(Context ctx) {
        var principal = requests.principal(ctx);
        var account = accounts.get(principal.environmentId(), AdminRequests.id(ctx, "id", "integrated account"))
                .orElseThrow(() -> ApiException.notFound("integrated account"));
        var integration = registry.find(account.integration()).orElseThrow();
        String resource = ctx.pathParam("resource");
        String method = ctx.pathParam("method");
        Tool tool = catalogs.all(integration).tools().stream()
                .filter(t -> t.resource().equals(resource) && t.method().name().equals(method))
                .findFirst()
                .orElseThrow(() -> ApiException.notFound(
                        "documented method " + resource + "." + method + " of " + integration.name()));
        ObjectNode arguments = ctx.req().getContentLengthLong() == 0 ? Json.object() : requests.body(ctx);
        respond(ctx, invoker.invoke(accounts.access(account), tool, arguments));
    }

    private static void respond(Context ctx, CallOutcome outcome) {
        switch (outcome) {
            case CallOutcome.Success s -> {
                headers(ctx, s.rateLimit());
                AdminRequests.json(ctx, 200, s.body().tree());
            }
            case CallOutcome.Rejected r ->
                throw new ApiException(
                        400,
                        "invalid_arguments",
                        r.message(),
                        List.of(new FieldError(r.argument().isEmpty() ? "arguments" : r.argument(), r.message())),
                        Map.of());
            case CallOutcome.UpstreamError e ->
                upstream(
                        ctx,
                        e.status(),
                        "upstream_error",
                        "the upstream API answered HTTP " + e.status(),
                        e.rawResponse(),
                        e.rateLimit());
            case CallOutcome.RateLimited r ->
                upstream(
                        ctx,
                        429,
                        "rate_limited",
                        "the upstream API is rate limiting this account; back off (the gateway does not retry)",
                        r.rawResponse(),
                        r.rateLimit());
            case CallOutcome.Failed f ->
                ApiErrors.write(ctx, 502, "upstream_unavailable", f.message(), List.of(), null, null);
        }
    }

    private static void upstream(
            Context ctx,
            int status,
            String code,
            String message,
            tools.jackson.databind.JsonNode raw,
            RateLimit rateLimit) {
        headers(ctx, rateLimit);
        ObjectNode extra = Json.object();
        extra.put("status", status);
        extra.put("is_remote_error", true);
        extra.set("raw_response", raw);
        ApiErrors.write(ctx, status, code, message, List.of(), extra, null);
    }

    private static void headers(Context ctx, RateLimit rateLimit) {
        rateLimit.headers().forEach(ctx::header);
    }
}
