package dev.toolgate.web;

import dev.toolgate.accounts.ApiPrincipal;
import dev.toolgate.accounts.ApiTokens;
import dev.toolgate.web.view.SignInView;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.net.URI;
import java.util.Optional;

/** Sign in with an API token, sign out. */
final class SignInPages {
    private final UiRequests requests;
    private final UiSessions sessions;
    private final ApiTokens tokens;
    private final Templates templates;

    SignInPages(UiRequests requests, UiSessions sessions, ApiTokens tokens, Templates templates) {
        this.requests = requests;
        this.sessions = sessions;
        this.tokens = tokens;
        this.templates = templates;
    }

    void register(RoutesConfig routes) {
        routes.get("/ui/sign-in", this::form);
        routes.post("/ui/sign-in", this::signIn);
        routes.post("/ui/sign-out", this::signOut);
    }

    private void form(Context ctx) {
        if (requests.session(ctx).isPresent()) {
            ctx.redirect("/ui");
            return;
        }
        templates.page(ctx, 200, "sign_in.jte", new SignInView(""));
    }

    private void signIn(Context ctx) {
        if (!sameOrigin(ctx)) {
            throw new UiForbidden("Sign in from this dashboard's own page.");
        }
        String token = UiForms.text(ctx, "token");
        Optional<ApiPrincipal> principal = token.isEmpty() ? Optional.empty() : tokens.authenticate(token);
        if (principal.isEmpty()) {
            templates.page(
                    ctx,
                    401,
                    "sign_in.jte",
                    new SignInView(
                            token.isEmpty()
                                    ? "Enter an API token."
                                    : "That API token is not valid: it is unknown or was revoked."));
            return;
        }
        requests.signIn(ctx, sessions.start(principal.get(), token));
        ctx.redirect("/ui");
    }

    private void signOut(Context ctx) {
        requests.requireWithCsrf(ctx);
        requests.signOut(ctx);
        ctx.redirect("/ui/sign-in");
    }

    /**
     * Login CSRF defence: browsers say where a POST comes from ({@code Sec-Fetch-Site}, else {@code Origin}); a sign-in
     * posted from another site is refused.
     */
    private static boolean sameOrigin(Context ctx) {
        String site = ctx.header("Sec-Fetch-Site");
        if (site != null) {
            return site.equals("same-origin") || site.equals("none");
        }
        String origin = ctx.header("Origin");
        if (origin == null) {
            return true;
        }
        try {
            URI uri = URI.create(origin);
            String host = ctx.header("Host");
            String originHost = uri.getHost() + (uri.getPort() == -1 ? "" : ":" + uri.getPort());
            return host != null && host.equalsIgnoreCase(originHost);
        } catch (IllegalArgumentException e) {
            return false;
        }
    }
}
