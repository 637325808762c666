package dev.toolgate.web;

import dev.toolgate.accounts.ApiPrincipal;
import java.util.Objects;

/**
 * A signed-in dashboard user: the API token they signed in with (kept only in server memory, re-checked on every
 * request so a revoked token ends the session) and the session's CSRF token.
 */
record UiSession(String id, ApiPrincipal principal, String apiToken, String csrf) {
    UiSession {
        Objects.requireNonNull(id);
        Objects.requireNonNull(principal);
        Objects.requireNonNull(apiToken);
        Objects.requireNonNull(csrf);
    }

    @Override
    public String toString() {
        return "UiSession[environment=" + principal.environmentName() + ", secrets hidden]";
    }
}
