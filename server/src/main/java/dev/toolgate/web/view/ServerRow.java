package dev.toolgate.web.view;

/** An MCP server as listed on its account's page (never its token or URL). */
public record ServerRow(
        String id,
        String name,
        String methods,
        String tags,
        boolean secondFactor,
        String expires,
        String expiresInput,
        String created) {}
