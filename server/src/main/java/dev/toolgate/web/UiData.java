package dev.toolgate.web;

import dev.toolgate.accounts.IntegratedAccount;
import dev.toolgate.accounts.IntegratedAccounts;
import dev.toolgate.integration.IntegrationDefinition;
import dev.toolgate.integration.IntegrationRegistry;
import dev.toolgate.servers.McpServer;
import dev.toolgate.servers.McpServers;
import dev.toolgate.support.Page;
import dev.toolgate.tools.ToolCatalogs;
import dev.toolgate.web.view.AccountRow;
import dev.toolgate.web.view.AccountView;
import dev.toolgate.web.view.Chrome;
import dev.toolgate.web.view.CreatedServer;
import dev.toolgate.web.view.CredentialField;
import dev.toolgate.web.view.FormErrors;
import dev.toolgate.web.view.ServerRow;
import io.javalin.http.Context;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

/** Reads what pages show from the services, always within the signed-in environment, and shapes view models. */
final class UiData {
    private static final int PAGE = 50;

    private final IntegratedAccounts accounts;
    private final McpServers servers;
    private final IntegrationRegistry registry;
    private final ToolCatalogs catalogs;

    UiData(IntegratedAccounts accounts, McpServers servers, IntegrationRegistry registry, ToolCatalogs catalogs) {
        this.accounts = accounts;
        this.servers = servers;
        this.registry = registry;
        this.catalogs = catalogs;
    }

    IntegratedAccounts accounts() {
        return accounts;
    }

    McpServers servers() {
        return servers;
    }

    ToolCatalogs catalogs() {
        return catalogs;
    }

    Chrome chrome(UiSession session, String active) {
        return new Chrome(session.principal().environmentName(), session.csrf(), active);
    }

    Collection<IntegrationDefinition> integrations() {
        return registry.all();
    }

    Optional<IntegrationDefinition> integration(String name) {
        return registry.find(name);
    }

    IntegrationDefinition firstIntegration() {
        return registry.all().iterator().next();
    }

    static List<CredentialField> credentialFields(IntegrationDefinition definition) {
        return definition.auth().credentialFields().stream()
                .map(f -> new CredentialField(
                        f,
                        switch (f) {
                            case "api_key" -> "API key";
                            case "username" -> "Username";
                            case "password" -> "Password";
                            default -> f;
                        },
                        !f.equals("username")))
                .toList();
    }

    Page<AccountRow> accounts(UiSession session, Optional<String> cursor) {
        try {
            return accounts.list(session.principal().environmentId(), cursor, PAGE)
                    .map(a -> row(session, a));
        } catch (dev.toolgate.support.InvalidRequestException e) {
            return accounts.list(session.principal().environmentId(), Optional.empty(), PAGE)
                    .map(a -> row(session, a));
        }
    }

    /** The account named by the {@code {id}} path parameter in the session's environment, or a 404 page. */
    IntegratedAccount account(UiSession session, Context ctx) {
        return UiRequests.uuid(ctx, "id")
                .flatMap(id -> accounts.get(session.principal().environmentId(), id))
                .orElseThrow(() -> new UiNotFound("Integrated account"));
    }

    List<McpServer> serversOf(UiSession session, IntegratedAccount account) {
        return servers.list(session.principal().environmentId(), account.id(), Optional.empty(), 1000)
                .map(Page::items)
                .orElse(List.of());
    }

    AccountView accountView(
            UiSession session, IntegratedAccount account, String notice, CreatedServer created, FormErrors errors) {
        List<ServerRow> rows =
                serversOf(session, account).stream().map(UiData::serverRow).toList();
        return new AccountView(
                chrome(session, "accounts"),
                row(session, account),
                account.baseUrl().map(Object::toString).orElse(""),
                account.credentialFields(),
                rows,
                notice,
                created,
                errors);
    }

    private AccountRow row(UiSession session, IntegratedAccount account) {
        String label = registry.find(account.integration())
                .map(IntegrationDefinition::label)
                .orElse(account.integration());
        return new AccountRow(
                account.id().toString(),
                account.integration(),
                label,
                account.label(),
                UiForms.shown(account.createdAt()),
                serversOf(session, account).size());
    }

    private static ServerRow serverRow(McpServer server) {
        var config = server.config();
        return new ServerRow(
                server.id().toString(),
                server.name(),
                config.methods().isEmpty() ? "all" : String.join(", ", config.methods()),
                config.tags().isEmpty() ? "all" : String.join(", ", config.tags()),
                config.requireApiTokenAuth(),
                server.expiresAt().map(UiForms::shown).orElse("never"),
                server.expiresAt().map(UiForms::input).orElse(""),
                UiForms.shown(server.createdAt()));
    }
}
