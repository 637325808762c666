package dev.toolgate.admin;

import dev.toolgate.accounts.ApiTokens;
import dev.toolgate.accounts.IntegratedAccounts;
import dev.toolgate.audit.AuditLog;
import dev.toolgate.integration.IntegrationRegistry;
import dev.toolgate.servers.McpServers;
import dev.toolgate.tools.ToolCatalogs;
import dev.toolgate.upstream.ToolInvoker;
import io.javalin.config.RoutesConfig;
import java.util.function.IntFunction;

/**
 * The admin REST API (SPEC §3): JSON over HTTP, {@code Authorization: Bearer <API token>}, scoped to the token's
 * environment, errors as {@code {"error": {"code", "message", "details"?}}}.
 */
public final class AdminApi {
    private final IntegrationHandlers integrations;
    private final AccountHandlers accounts;
    private final ServerHandlers servers;
    private final TokenHandlers tokens;
    private final ProxyHandlers proxy;
    private final LogHandlers logs;

    /** Everything the admin API talks to. */
    public record Dependencies(
            ApiTokens tokens,
            IntegratedAccounts accounts,
            McpServers servers,
            IntegrationRegistry registry,
            ToolCatalogs catalogs,
            ToolInvoker invoker,
            AuditLog audit) {}

    public AdminApi(Dependencies d, long maxBodyBytes, IntFunction<String> publicBase) {
        AdminRequests requests = new AdminRequests(d.tokens(), maxBodyBytes);
        this.integrations = new IntegrationHandlers(requests, d.registry(), d.catalogs());
        this.accounts = new AccountHandlers(requests, d.accounts(), d.registry(), d.catalogs());
        this.servers = new ServerHandlers(requests, d.servers(), publicBase);
        this.tokens = new TokenHandlers(requests, d.tokens());
        this.proxy = new ProxyHandlers(requests, d.accounts(), d.registry(), d.catalogs(), d.invoker());
        this.logs = new LogHandlers(requests, d.audit());
    }

    public void register(RoutesConfig routes) {
        ApiErrors.register(routes);
        integrations.register(routes);
        accounts.register(routes);
        servers.register(routes);
        tokens.register(routes);
        proxy.register(routes);
        logs.register(routes);
    }
}
