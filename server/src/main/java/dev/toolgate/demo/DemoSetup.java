package dev.toolgate.demo;

import dev.toolgate.Services;
import dev.toolgate.accounts.AccountPatch;
import dev.toolgate.accounts.IntegratedAccount;
import dev.toolgate.accounts.IssuedApiToken;
import dev.toolgate.accounts.NewAccount;
import dev.toolgate.sandbox.Sandbox;
import dev.toolgate.servers.McpServer;
import dev.toolgate.servers.NewServer;
import dev.toolgate.servers.ServerConfig;
import dev.toolgate.support.FieldUpdate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Puts the demo environment in shape for the running sandboxes: one API token, one integrated account per sandbox
 * (reused across runs, pointed at the sandbox's new address), and fresh all-tools and read-only MCP servers (tokens
 * cannot be shown twice, so earlier demo servers are revoked and new ones made).
 */
final class DemoSetup {
    static final String ENVIRONMENT = "demo";
    private static final String TOKEN_LABEL = "demo mode";

    private final Services services;
    private final String publicBase;

    DemoSetup(Services services, String publicBase) {
        this.services = services;
        this.publicBase = publicBase;
    }

    /** The demo's API token and servers, after revoking what earlier runs left behind. */
    record Prepared(String apiToken, List<DemoServer> servers) {}

    Prepared prepare(List<Sandbox> sandboxes) {
        IssuedApiToken token = freshToken();
        List<DemoServer> servers = new ArrayList<>();
        for (Sandbox sandbox : sandboxes) {
            IntegratedAccount account = account(token.environmentId(), sandbox);
            revokeServers(token.environmentId(), account.id());
            servers.add(server(token.environmentId(), account, "all tools", ServerConfig.ALL));
            servers.add(server(
                    token.environmentId(), account, "read only", new ServerConfig(List.of("read"), List.of(), false)));
        }
        return new Prepared(token.token(), servers);
    }

    private IssuedApiToken freshToken() {
        IssuedApiToken token = services.apiTokens().create(ENVIRONMENT, TOKEN_LABEL);
        services.apiTokens().list(token.environmentId()).stream()
                .filter(t -> t.label().equals(TOKEN_LABEL) && !t.id().equals(token.id()))
                .forEach(t -> services.apiTokens().revoke(token.environmentId(), t.id()));
        return token;
    }

    private IntegratedAccount account(UUID environment, Sandbox sandbox) {
        String label = label(sandbox) + " sandbox (demo)";
        Optional<IntegratedAccount> existing = find(environment, sandbox.name(), label);
        if (existing.isPresent()) {
            var patch = new AccountPatch(
                    Optional.empty(),
                    Optional.of(sandbox.credentials()),
                    FieldUpdate.set(sandbox.baseUrl().toString()));
            return services.accounts()
                    .update(environment, existing.get().id(), patch)
                    .orElseThrow();
        }
        return services.accounts()
                .create(
                        environment,
                        new NewAccount(
                                sandbox.name(),
                                label,
                                sandbox.credentials(),
                                Optional.of(sandbox.baseUrl().toString())));
    }

    private Optional<IntegratedAccount> find(UUID environment, String integration, String label) {
        Optional<String> cursor = Optional.empty();
        do {
            var page = services.accounts().list(environment, cursor, 100);
            var match = page.items().stream()
                    .filter(a ->
                            a.integration().equals(integration) && a.label().equals(label))
                    .findFirst();
            if (match.isPresent()) {
                return match;
            }
            cursor = page.nextCursor();
        } while (cursor.isPresent());
        return Optional.empty();
    }

    private void revokeServers(UUID environment, UUID account) {
        List<McpServer> old = services.servers()
                .list(environment, account, Optional.empty(), 1000)
                .map(page -> page.items())
                .orElse(List.of());
        old.forEach(s -> services.servers().delete(environment, account, s.id()));
    }

    private DemoServer server(UUID environment, IntegratedAccount account, String kind, ServerConfig config) {
        String name = label(account.integration()) + " demo, " + kind;
        var created = services.servers()
                .create(environment, account.id(), new NewServer(name, config, Optional.empty()))
                .orElseThrow();
        var integration = services.registry().find(account.integration()).orElseThrow();
        int tools = services.catalogs().filtered(integration, config.filter()).size();
        return new DemoServer(integration.label(), kind, tools, publicBase + "/mcp/" + created.token());
    }

    private String label(Sandbox sandbox) {
        return label(sandbox.name());
    }

    private String label(String integration) {
        return services.registry().find(integration).map(i -> i.label()).orElse(integration);
    }
}
