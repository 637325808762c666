package dev.toolgate.web;

import dev.toolgate.accounts.AccountPatch;
import dev.toolgate.accounts.IntegratedAccount;
import dev.toolgate.accounts.NewAccount;
import dev.toolgate.integration.IntegrationDefinition;
import dev.toolgate.support.FieldUpdate;
import dev.toolgate.support.InvalidRequestException;
import dev.toolgate.web.view.AccountFormView;
import dev.toolgate.web.view.AccountView;
import dev.toolgate.web.view.AccountsView;
import dev.toolgate.web.view.Choice;
import dev.toolgate.web.view.FormErrors;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/** Integrated accounts: list, connect, show (with the MCP Servers tab), edit, delete. */
final class AccountPages {
    private static final Map<String, String> NOTICES = Map.of(
            "connected", "Account connected. Create an MCP server for it below.",
            "saved", "Account saved.",
            "deleted", "Account deleted; its MCP servers were revoked.",
            "revoked", "MCP server revoked: its URL no longer works.",
            "server-saved", "MCP server saved; its URL now exposes the new selection of tools.",
            "expiry", "Expiry changed.");

    private final UiRequests requests;
    private final UiData data;
    private final Templates templates;

    AccountPages(UiRequests requests, UiData data, Templates templates) {
        this.requests = requests;
        this.data = data;
        this.templates = templates;
    }

    void register(RoutesConfig routes) {
        routes.get("/ui", this::list);
        routes.get("/ui/accounts/new", this::newForm);
        routes.post("/ui/accounts", this::create);
        routes.get("/ui/accounts/{id}", this::show);
        routes.get("/ui/accounts/{id}/edit", this::editForm);
        routes.post("/ui/accounts/{id}", this::update);
        routes.get("/ui/accounts/{id}/delete", this::confirmDelete);
        routes.post("/ui/accounts/{id}/delete", this::delete);
    }

    static String notice(Context ctx) {
        return NOTICES.getOrDefault(
                Optional.ofNullable(ctx.queryParam("notice")).orElse(""), "");
    }

    private void list(Context ctx) {
        UiSession session = requests.require(ctx);
        var page = data.accounts(
                session, Optional.ofNullable(ctx.queryParam("cursor")).filter(c -> !c.isBlank()));
        templates.page(
                ctx,
                200,
                "accounts.jte",
                new AccountsView(
                        data.chrome(session, "accounts"),
                        page.items(),
                        page.nextCursor().orElse(""),
                        notice(ctx)));
    }

    private void newForm(Context ctx) {
        UiSession session = requests.require(ctx);
        String integration = Optional.ofNullable(ctx.queryParam("integration")).orElse("");
        templates.page(ctx, 200, "account_form.jte", newView(session, integration, "", "", FormErrors.NONE));
    }

    private AccountFormView newView(
            UiSession session, String integration, String label, String baseUrl, FormErrors errors) {
        IntegrationDefinition chosen = data.integration(integration).orElse(data.firstIntegration());
        var options = data.integrations().stream()
                .map(i -> new Choice(i.name(), i.label(), i.name().equals(chosen.name())))
                .toList();
        return new AccountFormView(
                data.chrome(session, "accounts"),
                "",
                options,
                chosen.label(),
                UiData.credentialFields(chosen),
                label,
                baseUrl,
                errors);
    }

    private void create(Context ctx) {
        UiSession session = requests.requireWithCsrf(ctx);
        String integration = UiForms.text(ctx, "integration");
        String label = UiForms.text(ctx, "label");
        String baseUrl = UiForms.text(ctx, "base_url");
        try {
            var account = data.accounts()
                    .create(
                            session.principal().environmentId(),
                            new NewAccount(
                                    integration,
                                    label,
                                    credentials(ctx, integration),
                                    Optional.of(baseUrl).filter(u -> !u.isEmpty())));
            ctx.redirect("/ui/accounts/" + account.id() + "?notice=connected");
        } catch (InvalidRequestException e) {
            templates.page(
                    ctx,
                    400,
                    "account_form.jte",
                    newView(session, integration, label, baseUrl, UiForms.errors(e.errors(), f -> f)));
        }
    }

    private Map<String, String> credentials(Context ctx, String integration) {
        Map<String, String> values = new LinkedHashMap<>();
        data.integration(integration)
                .ifPresent(def -> def.auth()
                        .credentialFields()
                        .forEach(f -> values.put(f, UiForms.text(ctx, "credentials." + f))));
        return values;
    }

    private void show(Context ctx) {
        UiSession session = requests.require(ctx);
        IntegratedAccount account = data.account(session, ctx);
        templates.page(ctx, 200, "account.jte", data.accountView(session, account, notice(ctx), null, FormErrors.NONE));
    }

    private void editForm(Context ctx) {
        UiSession session = requests.require(ctx);
        templates.page(
                ctx,
                200,
                "account_form.jte",
                editView(session, data.account(session, ctx), null, null, FormErrors.NONE));
    }

    private AccountFormView editView(
            UiSession session, IntegratedAccount account, String label, String baseUrl, FormErrors errors) {
        IntegrationDefinition def = data.integration(account.integration()).orElseThrow();
        return new AccountFormView(
                data.chrome(session, "accounts"),
                account.id().toString(),
                java.util.List.of(),
                def.label(),
                UiData.credentialFields(def),
                label == null ? account.label() : label,
                baseUrl == null ? account.baseUrl().map(Object::toString).orElse("") : baseUrl,
                errors);
    }

    private void update(Context ctx) {
        UiSession session = requests.requireWithCsrf(ctx);
        IntegratedAccount account = data.account(session, ctx);
        String label = UiForms.text(ctx, "label");
        String baseUrl = UiForms.text(ctx, "base_url");
        Map<String, String> credentials = credentials(ctx, account.integration());
        boolean replace = credentials.values().stream().anyMatch(v -> !v.isEmpty());
        var patch = new AccountPatch(
                Optional.of(label),
                replace ? Optional.of(credentials) : Optional.empty(),
                baseUrl.isEmpty() ? FieldUpdate.clear() : FieldUpdate.set(baseUrl));
        try {
            data.accounts().update(session.principal().environmentId(), account.id(), patch);
            ctx.redirect("/ui/accounts/" + account.id() + "?notice=saved");
        } catch (InvalidRequestException e) {
            templates.page(
                    ctx,
                    400,
                    "account_form.jte",
                    editView(session, account, label, baseUrl, UiForms.errors(e.errors(), f -> f)));
        }
    }

    private void confirmDelete(Context ctx) {
        UiSession session = requests.require(ctx);
        AccountView view = data.accountView(session, data.account(session, ctx), "", null, FormErrors.NONE);
        templates.page(ctx, 200, "account_delete.jte", view);
    }

    private void delete(Context ctx) {
        UiSession session = requests.requireWithCsrf(ctx);
        IntegratedAccount account = data.account(session, ctx);
        data.accounts().delete(session.principal().environmentId(), account.id());
        ctx.redirect("/ui?notice=deleted");
    }
}
