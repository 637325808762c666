package dev.toolgate.mcp;

import dev.toolgate.accounts.ApiTokens;
import dev.toolgate.crypto.SecretTokens;
import dev.toolgate.servers.McpServers;
import dev.toolgate.servers.ResolvedServer;
import java.util.Map;
import java.util.Optional;

/**
 * The checks every MCP request passes before anything else, whatever the transport: origin (403), token (404, no hint
 * whether unknown, revoked or expired), second factor (401).
 */
final class McpAdmission {
    private final McpServers servers;
    private final ApiTokens apiTokens;
    private final OriginPolicy origins;

    McpAdmission(McpServers servers, ApiTokens apiTokens, OriginPolicy origins) {
        this.servers = servers;
        this.apiTokens = apiTokens;
        this.origins = origins;
    }

    /** The server behind {@code {token}}, or an {@link McpRejection}. */
    ResolvedServer admit(HttpCall ctx) {
        if (!origins.allows(ctx.header("Origin"))) {
            throw McpRejection.of(403, JsonRpc.INVALID_REQUEST, "Forbidden: origin not allowed");
        }
        String token = ctx.token();
        Optional<ResolvedServer> server = SecretTokens.isWellFormed(token) ? servers.resolve(token) : Optional.empty();
        if (server.isEmpty()) {
            throw McpRejection.of(
                    404, JsonRpc.INVALID_REQUEST, "Not found: this MCP server URL is unknown, revoked or expired");
        }
        if (server.get().server().config().requireApiTokenAuth() && !secondFactorOk(ctx, server.get())) {
            throw new McpRejection(new HttpRejection(
                    401,
                    JsonRpc.INVALID_REQUEST,
                    "Unauthorized: this MCP server also requires 'Authorization: Bearer <API token>' of its environment",
                    null,
                    Map.of("WWW-Authenticate", "Bearer realm=\"toolgate\"")));
        }
        return server.get();
    }

    /** The same server, still valid now (for long-lived streams that re-check between messages). */
    boolean stillValid(String token, ResolvedServer admitted) {
        return servers.resolve(token)
                .filter(s -> s.server().id().equals(admitted.server().id()))
                .isPresent();
    }

    private boolean secondFactorOk(HttpCall ctx, ResolvedServer server) {
        String authorization = ctx.header("Authorization");
        if (authorization == null || !authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
            return false;
        }
        return apiTokens
                .authenticate(authorization.substring(7).strip())
                .filter(p -> p.environmentId().equals(server.server().environmentId()))
                .isPresent();
    }
}
