package dev.toolgate.web.view;

import java.util.List;

/** An account's page with its MCP Servers tab; {@code created} is non-null right after a server was created. */
public record AccountView(
        Chrome chrome,
        AccountRow account,
        String baseUrl,
        List<String> credentialFields,
        List<ServerRow> servers,
        String notice,
        CreatedServer created,
        FormErrors errors) {}
