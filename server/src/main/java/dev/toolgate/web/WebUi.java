package dev.toolgate.web;

import dev.toolgate.accounts.ApiTokens;
import dev.toolgate.accounts.IntegratedAccounts;
import dev.toolgate.integration.IntegrationRegistry;
import dev.toolgate.servers.McpServers;
import dev.toolgate.tools.ToolCatalogs;
import dev.toolgate.web.view.ErrorView;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.util.function.IntFunction;

/**
 * The web dashboard under {@code /ui}: server-rendered pages (JTE) with htmx for the live tools preview. Sign-in is
 * with an API token; everything is scoped to its environment, every form carries a CSRF token, and pages send strict
 * security headers (no inline scripts, no framing, no referrer to other sites: pages can show a secret URL).
 */
public final class WebUi {
    private static final String CSP = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:;"
            + " frame-ancestors 'none'; form-action 'self'; base-uri 'none'";

    private final UiRequests requests;
    private final Templates templates = new Templates();
    private final Assets assets = new Assets();
    private final SignInPages signIn;
    private final AccountPages accountPages;
    private final ServerPages serverPages;
    private final CatalogPages catalogPages;

    /** What the dashboard talks to. */
    public record Dependencies(
            ApiTokens tokens,
            IntegratedAccounts accounts,
            McpServers servers,
            IntegrationRegistry registry,
            ToolCatalogs catalogs) {}

    /** @param secureCookies mark the session cookie Secure (when the public base URL is https) */
    public WebUi(Dependencies d, IntFunction<String> publicBase, boolean secureCookies) {
        UiSessions sessions = new UiSessions();
        this.requests = new UiRequests(sessions, d.tokens(), secureCookies);
        UiData data = new UiData(d.accounts(), d.servers(), d.registry(), d.catalogs());
        this.signIn = new SignInPages(requests, sessions, d.tokens(), templates);
        this.accountPages = new AccountPages(requests, data, templates);
        this.serverPages = new ServerPages(requests, data, templates, publicBase);
        this.catalogPages = new CatalogPages(requests, data, templates);
    }

    public void register(RoutesConfig routes) {
        routes.before("/ui", WebUi::securityHeaders);
        routes.before("/ui/*", WebUi::securityHeaders);
        routes.get("/", ctx -> ctx.redirect("/ui"));
        assets.register(routes);
        signIn.register(routes);
        accountPages.register(routes);
        serverPages.register(routes);
        catalogPages.register(routes);
        routes.exception(UiRedirect.class, (e, ctx) -> ctx.redirect(e.location()));
        routes.exception(UiForbidden.class, (e, ctx) -> error(ctx, 403, e.getMessage()));
        routes.exception(UiNotFound.class, (e, ctx) -> error(ctx, 404, e.getMessage() + " in this environment."));
    }

    private void error(Context ctx, int status, String message) {
        var chrome = requests.session(ctx)
                .map(s -> new dev.toolgate.web.view.Chrome(s.principal().environmentName(), s.csrf(), ""))
                .orElse(null);
        templates.page(ctx, status, "error.jte", new ErrorView(chrome, status, message));
    }

    private static void securityHeaders(Context ctx) {
        ctx.header("Content-Security-Policy", CSP);
        ctx.header("X-Content-Type-Options", "nosniff");
        ctx.header("Referrer-Policy", "same-origin");
        ctx.header("X-Frame-Options", "DENY");
        ctx.header("Cache-Control", "no-store");
    }
}
