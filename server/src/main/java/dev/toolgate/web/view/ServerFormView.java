package dev.toolgate.web.view;

import java.util.List;

/**
 * The create / edit MCP server form with its live preview.
 *
 * @param serverId empty when creating a new server
 */
public record ServerFormView(
        Chrome chrome,
        String accountId,
        String serverId,
        String accountLabel,
        String integrationLabel,
        String name,
        List<Choice> groups,
        List<Choice> methods,
        List<Choice> tags,
        boolean requireApiToken,
        String expiresAt,
        FormErrors errors,
        PreviewView preview) {
    public boolean editing() {
        return !serverId.isEmpty();
    }
}
