package dev.toolgate.web.view;

import java.util.List;

/** The create MCP server form with its live preview. */
public record ServerFormView(
        Chrome chrome,
        String accountId,
        String accountLabel,
        String integrationLabel,
        String name,
        List<Choice> groups,
        List<Choice> methods,
        List<Choice> tags,
        boolean requireApiToken,
        String expiresAt,
        FormErrors errors,
        PreviewView preview) {}
