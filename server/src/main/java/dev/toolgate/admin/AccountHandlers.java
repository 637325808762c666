package dev.toolgate.admin;

import dev.toolgate.accounts.AccountPatch;
import dev.toolgate.accounts.IntegratedAccount;
import dev.toolgate.accounts.IntegratedAccounts;
import dev.toolgate.accounts.NewAccount;
import dev.toolgate.integration.IntegrationRegistry;
import dev.toolgate.support.InvalidRequestException;
import dev.toolgate.tools.ToolCatalogs;
import dev.toolgate.tools.ToolFilter;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/** Integrated accounts: connect, list, show, change, disconnect, and preview the tools a filter would expose. */
final class AccountHandlers {
    private static final Set<String> CREATE_KEYS = Set.of("integration", "label", "credentials", "base_url");
    private static final Set<String> PATCH_KEYS = Set.of("label", "credentials", "base_url");

    private final AdminRequests requests;
    private final IntegratedAccounts accounts;
    private final IntegrationRegistry registry;
    private final ToolCatalogs catalogs;

    AccountHandlers(
            AdminRequests requests, IntegratedAccounts accounts, IntegrationRegistry registry, ToolCatalogs catalogs) {
        this.requests = requests;
        this.accounts = accounts;
        this.registry = registry;
        this.catalogs = catalogs;
    }

    void register(RoutesConfig routes) {
        routes.post("/integrated-account", this::create);
        routes.get("/integrated-account", this::list);
        routes.get("/integrated-account/{id}", this::get);
        routes.patch("/integrated-account/{id}", this::update);
        routes.delete("/integrated-account/{id}", this::delete);
        routes.get("/integrated-account/{id}/tools", this::previewTools);
    }

    private void create(Context ctx) {
        var principal = requests.principal(ctx);
        BodyFields body = BodyFields.of(requests.body(ctx), CREATE_KEYS);
        var account = new NewAccount(
                body.requiredString("integration"),
                body.requiredString("label"),
                body.secretStrings("credentials"),
                body.optionalString("base_url"));
        body.done();
        AdminRequests.json(ctx, 201, Views.account(accounts.create(principal.environmentId(), account)));
    }

    private void list(Context ctx) {
        var principal = requests.principal(ctx);
        var page = accounts.list(principal.environmentId(), AdminRequests.cursor(ctx), AdminRequests.limit(ctx));
        AdminRequests.json(ctx, 200, Views.page(page, Views::account));
    }

    private void get(Context ctx) {
        AdminRequests.json(ctx, 200, Views.account(find(ctx)));
    }

    private void update(Context ctx) {
        var principal = requests.principal(ctx);
        UUID id = AdminRequests.id(ctx, "id", "integrated account");
        BodyFields body = BodyFields.of(requests.body(ctx), PATCH_KEYS);
        var patch = new AccountPatch(
                body.optionalString("label"),
                body.has("credentials") ? Optional.of(body.secretStrings("credentials")) : Optional.empty(),
                body.stringUpdate("base_url"));
        body.done();
        var updated = accounts.update(principal.environmentId(), id, patch)
                .orElseThrow(() -> ApiException.notFound("integrated account"));
        AdminRequests.json(ctx, 200, Views.account(updated));
    }

    private void delete(Context ctx) {
        var principal = requests.principal(ctx);
        UUID id = AdminRequests.id(ctx, "id", "integrated account");
        if (!accounts.delete(principal.environmentId(), id)) {
            throw ApiException.notFound("integrated account");
        }
        ctx.status(204);
    }

    private void previewTools(Context ctx) {
        IntegratedAccount account = find(ctx);
        var integration = registry.find(account.integration()).orElseThrow();
        var filter = new ToolFilter(AdminRequests.listParam(ctx, "methods"), AdminRequests.listParam(ctx, "tags"));
        var problems = filter.check(integration);
        if (!problems.isEmpty()) {
            throw new InvalidRequestException(problems);
        }
        var tools = catalogs.filtered(integration, filter).tools();
        var json = Views.list(tools, Views::tool);
        json.put("count", tools.size());
        AdminRequests.json(ctx, 200, json);
    }

    private IntegratedAccount find(Context ctx) {
        var principal = requests.principal(ctx);
        UUID id = AdminRequests.id(ctx, "id", "integrated account");
        return accounts.get(principal.environmentId(), id)
                .orElseThrow(() -> ApiException.notFound("integrated account"));
    }
}
