package dev.toolgate.web.view;

import java.util.List;

/**
 * The connect / edit account form. Credential values are never filled back in (they are write-only).
 *
 * @param accountId empty when connecting a new account
 */
public record AccountFormView(
        Chrome chrome,
        String accountId,
        List<Choice> integrations,
        String integrationLabel,
        List<CredentialField> credentials,
        String label,
        String baseUrl,
        FormErrors errors) {
    public boolean editing() {
        return !accountId.isEmpty();
    }
}
