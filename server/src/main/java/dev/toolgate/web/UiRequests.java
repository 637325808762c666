package dev.toolgate.web;

import dev.toolgate.accounts.ApiTokens;
import io.javalin.http.Context;
import io.javalin.http.Cookie;
import io.javalin.http.SameSite;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Optional;
import java.util.UUID;

/** Session cookie, sign-in checks and CSRF for dashboard requests. */
final class UiRequests {
    static final String COOKIE = "toolgate_session";

    private final UiSessions sessions;
    private final ApiTokens tokens;
    private final boolean secureCookies;

    UiRequests(UiSessions sessions, ApiTokens tokens, boolean secureCookies) {
        this.sessions = sessions;
        this.tokens = tokens;
        this.secureCookies = secureCookies;
    }

    /** The session of a signed-in user whose token is still valid; empty means "go to the sign-in page". */
    Optional<UiSession> session(Context ctx) {
        return sessions.find(ctx.cookie(COOKIE))
                .filter(s -> tokens.authenticate(s.apiToken())
                        .filter(p -> p.equals(s.principal()))
                        .isPresent());
    }

    /** The session, or a redirect to sign in (thrown, so handlers can assume a session). */
    UiSession require(Context ctx) {
        return session(ctx).orElseThrow(() -> new UiRedirect("/ui/sign-in"));
    }

    /** The session of a POST whose form carries this session's CSRF token; 403 otherwise. */
    UiSession requireWithCsrf(Context ctx) {
        UiSession session = require(ctx);
        String sent = Optional.ofNullable(ctx.formParam("csrf")).orElse(ctx.header("X-CSRF-Token"));
        if (sent == null
                || !MessageDigest.isEqual(
                        sent.getBytes(StandardCharsets.UTF_8), session.csrf().getBytes(StandardCharsets.UTF_8))) {
            throw new UiForbidden(
                    "This form has expired or did not come from this dashboard. Reload the page and try again.");
        }
        return session;
    }

    void signIn(Context ctx, UiSession session) {
        Cookie cookie = new Cookie(COOKIE, session.id());
        cookie.setPath("/ui");
        cookie.setHttpOnly(true);
        cookie.setSecure(secureCookies);
        cookie.setSameSite(SameSite.STRICT);
        ctx.cookie(cookie);
    }

    void signOut(Context ctx) {
        session(ctx).ifPresent(s -> sessions.end(s.id()));
        Cookie cookie = new Cookie(COOKIE, "");
        cookie.setPath("/ui");
        cookie.setMaxAge(0);
        cookie.setHttpOnly(true);
        cookie.setSameSite(SameSite.STRICT);
        ctx.cookie(cookie);
    }

    static Optional<UUID> uuid(Context ctx, String param) {
        try {
            return Optional.of(UUID.fromString(ctx.pathParam(param)));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
