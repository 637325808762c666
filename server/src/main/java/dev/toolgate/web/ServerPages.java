package dev.toolgate.web;

import dev.toolgate.accounts.IntegratedAccount;
import dev.toolgate.integration.IntegrationDefinition;
import dev.toolgate.servers.McpServer;
import dev.toolgate.servers.NewServer;
import dev.toolgate.servers.ServerConfig;
import dev.toolgate.servers.ServerPatch;
import dev.toolgate.support.FieldUpdate;
import dev.toolgate.support.InvalidRequestException;
import dev.toolgate.tools.Tool;
import dev.toolgate.tools.ToolFilter;
import dev.toolgate.web.view.Choice;
import dev.toolgate.web.view.CreatedServer;
import dev.toolgate.web.view.FormErrors;
import dev.toolgate.web.view.PreviewView;
import dev.toolgate.web.view.ServerFormView;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.IntFunction;

/** An account's MCP servers: create (with live tools preview; URL shown once), revoke, change expiry. */
final class ServerPages {
    private static final List<Choice> GROUPS = List.of(
            new Choice("read", "Read: list, get and read-only methods such as search", false),
            new Choice("write", "Write: create, update, delete and methods that change data", false),
            new Choice("custom", "Custom methods (search, capture, refund, ...)", false));

    private final UiRequests requests;
    private final UiData data;
    private final Templates templates;
    private final IntFunction<String> publicBase;

    ServerPages(UiRequests requests, UiData data, Templates templates, IntFunction<String> publicBase) {
        this.requests = requests;
        this.data = data;
        this.templates = templates;
        this.publicBase = publicBase;
    }

    void register(RoutesConfig routes) {
        routes.get("/ui/accounts/{id}/servers/new", this::form);
        routes.get("/ui/accounts/{id}/preview", this::preview);
        routes.post("/ui/accounts/{id}/servers", this::create);
        routes.get("/ui/accounts/{id}/servers/{server}/edit", this::editForm);
        routes.post("/ui/accounts/{id}/servers/{server}", this::update);
        routes.post("/ui/accounts/{id}/servers/{server}/revoke", this::revoke);
        routes.post("/ui/accounts/{id}/servers/{server}/expiry", this::expiry);
    }

    private void form(Context ctx) {
        UiSession session = requests.require(ctx);
        IntegratedAccount account = data.account(session, ctx);
        templates.page(
                ctx, 200, "server_form.jte", formView(session, account, "", "", ServerConfig.ALL, "", FormErrors.NONE));
    }

    private void editForm(Context ctx) {
        UiSession session = requests.require(ctx);
        IntegratedAccount account = data.account(session, ctx);
        McpServer server = server(session, account, ctx);
        var view =
                formView(session, account, server.id().toString(), server.name(), server.config(), "", FormErrors.NONE);
        templates.page(ctx, 200, "server_form.jte", view);
    }

    /** Saves a new name and filters; the URL stays the same and serves the new selection at once. */
    private void update(Context ctx) {
        UiSession session = requests.requireWithCsrf(ctx);
        IntegratedAccount account = data.account(session, ctx);
        McpServer server = server(session, account, ctx);
        String name = UiForms.text(ctx, "name");
        var config = new ServerConfig(
                ctx.formParams("methods"),
                ctx.formParams("tags"),
                "true".equals(ctx.formParam("require_api_token_auth")));
        try {
            data.servers()
                    .update(
                            session.principal().environmentId(),
                            account.id(),
                            server.id(),
                            new ServerPatch(Optional.of(name), Optional.of(config), FieldUpdate.keep()));
            ctx.redirect("/ui/accounts/" + account.id() + "?notice=server-saved");
        } catch (InvalidRequestException e) {
            var errors = UiForms.errors(e.errors(), ServerPages::formField);
            templates.page(
                    ctx,
                    400,
                    "server_form.jte",
                    formView(session, account, server.id().toString(), name, config, "", errors));
        }
    }

    private McpServer server(UiSession session, IntegratedAccount account, Context ctx) {
        return UiRequests.uuid(ctx, "server")
                .flatMap(id -> data.servers().get(session.principal().environmentId(), account.id(), id))
                .orElseThrow(() -> new UiNotFound("MCP server"));
    }

    private ServerFormView formView(
            UiSession session,
            IntegratedAccount account,
            String serverId,
            String name,
            ServerConfig config,
            String expiresAt,
            FormErrors errors) {
        IntegrationDefinition def = definition(account);
        List<String> methodNames = data.catalogs().all(def).tools().stream()
                .map(t -> t.method().name())
                .distinct()
                .sorted()
                .toList();
        List<String> tagNames = def.resources().stream()
                .flatMap(r -> r.tags().stream())
                .distinct()
                .sorted()
                .toList();
        return new ServerFormView(
                data.chrome(session, "accounts"),
                account.id().toString(),
                serverId,
                account.label(),
                def.label(),
                name,
                checked(GROUPS, config.methods()),
                methodNames.stream()
                        .map(m -> new Choice(m, m, config.methods().contains(m)))
                        .toList(),
                tagNames.stream()
                        .map(t -> new Choice(t, t, config.tags().contains(t)))
                        .toList(),
                config.requireApiTokenAuth(),
                expiresAt,
                errors,
                preview(def, config.filter()));
    }

    private static List<Choice> checked(List<Choice> choices, List<String> selected) {
        return choices.stream()
                .map(c -> new Choice(c.value(), c.label(), selected.contains(c.value())))
                .toList();
    }

    private PreviewView preview(IntegrationDefinition def, ToolFilter filter) {
        var problems = filter.check(def);
        if (!problems.isEmpty()) {
            return new PreviewView(0, List.of(), problems.get(0).message());
        }
        List<String> names = data.catalogs().filtered(def, filter).tools().stream()
                .map(Tool::name)
                .toList();
        return names.isEmpty()
                ? new PreviewView(0, List.of(), "These filters leave no tool: widen the methods or the tags.")
                : new PreviewView(names.size(), names, "");
    }

    private void preview(Context ctx) {
        UiSession session = requests.require(ctx);
        IntegratedAccount account = data.account(session, ctx);
        var filter = new ToolFilter(ctx.queryParams("methods"), ctx.queryParams("tags"));
        ctx.header("Cache-Control", "no-store")
                .contentType("text/html; charset=utf-8")
                .result(templates.render("preview.jte", preview(definition(account), filter)));
    }

    private void create(Context ctx) {
        UiSession session = requests.requireWithCsrf(ctx);
        IntegratedAccount account = data.account(session, ctx);
        String name = UiForms.text(ctx, "name");
        String expires = UiForms.text(ctx, "expires_at");
        var config = new ServerConfig(
                ctx.formParams("methods"),
                ctx.formParams("tags"),
                "true".equals(ctx.formParam("require_api_token_auth")));
        try {
            Optional<Instant> expiresAt = UiForms.utc(expires);
            var created = data.servers()
                    .create(session.principal().environmentId(), account.id(), new NewServer(name, config, expiresAt))
                    .orElseThrow(() -> new UiNotFound("Integrated account"));
            String url = publicBase.apply(ctx.port()) + "/mcp/" + created.token();
            int tools = data.catalogs()
                    .filtered(definition(account), config.filter())
                    .size();
            ctx.header("Cache-Control", "no-store");
            templates.page(
                    ctx,
                    201,
                    "account.jte",
                    data.accountView(
                            session,
                            account,
                            "",
                            new CreatedServer(created.server().name(), url, tools),
                            FormErrors.NONE));
        } catch (InvalidRequestException e) {
            refused(ctx, session, account, name, config, expires, UiForms.errors(e.errors(), ServerPages::formField));
        } catch (IllegalArgumentException e) {
            refused(ctx, session, account, name, config, expires, new FormErrors(Map.of("expires_at", e.getMessage())));
        }
    }

    /** The create form again, as the user filled it in, with the errors next to their fields (400). */
    private void refused(
            Context ctx,
            UiSession session,
            IntegratedAccount account,
            String name,
            ServerConfig config,
            String expires,
            FormErrors errors) {
        templates.page(ctx, 400, "server_form.jte", formView(session, account, "", name, config, expires, errors));
    }

    static String formField(String field) {
        if (field.startsWith("config.methods")) {
            return "methods";
        }
        if (field.startsWith("config.tags")) {
            return "tags";
        }
        return field.equals("name") || field.equals("expires_at") ? field : "_form";
    }

    private void revoke(Context ctx) {
        UiSession session = requests.requireWithCsrf(ctx);
        IntegratedAccount account = data.account(session, ctx);
        UUID server = UiRequests.uuid(ctx, "server").orElseThrow(() -> new UiNotFound("MCP server"));
        if (!data.servers().delete(session.principal().environmentId(), account.id(), server)) {
            throw new UiNotFound("MCP server");
        }
        ctx.redirect("/ui/accounts/" + account.id() + "?notice=revoked");
    }

    private void expiry(Context ctx) {
        UiSession session = requests.requireWithCsrf(ctx);
        IntegratedAccount account = data.account(session, ctx);
        UUID server = UiRequests.uuid(ctx, "server").orElseThrow(() -> new UiNotFound("MCP server"));
        try {
            FieldUpdate<Instant> update = "1".equals(ctx.formParam("clear"))
                    ? FieldUpdate.clear()
                    : UiForms.utc(UiForms.text(ctx, "expires_at"))
                            .<FieldUpdate<Instant>>map(FieldUpdate::set)
                            .orElse(FieldUpdate.clear());
            data.servers()
                    .update(
                            session.principal().environmentId(),
                            account.id(),
                            server,
                            new ServerPatch(Optional.empty(), Optional.empty(), update))
                    .orElseThrow(() -> new UiNotFound("MCP server"));
            ctx.redirect("/ui/accounts/" + account.id() + "?notice=expiry");
        } catch (InvalidRequestException | IllegalArgumentException e) {
            String message = e instanceof InvalidRequestException ire
                    ? ire.errors().get(0).message()
                    : e.getMessage();
            templates.page(
                    ctx,
                    400,
                    "account.jte",
                    data.accountView(
                            session,
                            account,
                            "",
                            null,
                            new FormErrors(java.util.Map.of("expires_at", "Expiry not changed: " + message))));
        }
    }

    private IntegrationDefinition definition(IntegratedAccount account) {
        return data.integration(account.integration()).orElseThrow();
    }
}
