package dev.toolgate.upstream;

import dev.toolgate.integration.IntegrationDefinition;
import java.net.URI;
import java.util.Objects;

/**
 * Everything needed to call one integrated account's upstream.
 *
 * @param integration the integration definition
 * @param baseUrl the account's base-URL override, or the integration's base URL
 * @param credentials decrypted credentials
 */
public record AccountAccess(IntegrationDefinition integration, URI baseUrl, Credentials credentials) {
    public AccountAccess {
        Objects.requireNonNull(integration, "integration");
        Objects.requireNonNull(baseUrl, "baseUrl");
        Objects.requireNonNull(credentials, "credentials");
    }
}
