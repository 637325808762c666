package dev.toolgate.accounts;

import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/**
 * A connected account of an integration, as the admin API shows it: never its credential values.
 *
 * @param credentialFields names of the credential fields stored (e.g. {@code [api_key]})
 * @param baseUrl base-URL override (sandbox/test mode), if any
 */
public record IntegratedAccount(
        UUID id,
        UUID environmentId,
        String integration,
        String label,
        List<String> credentialFields,
        Optional<URI> baseUrl,
        Instant createdAt,
        Instant updatedAt) {
    public IntegratedAccount {
        Objects.requireNonNull(id);
        Objects.requireNonNull(environmentId);
        Objects.requireNonNull(integration);
        Objects.requireNonNull(label);
        credentialFields = List.copyOf(credentialFields);
        Objects.requireNonNull(baseUrl);
        Objects.requireNonNull(createdAt);
        Objects.requireNonNull(updatedAt);
    }
}
