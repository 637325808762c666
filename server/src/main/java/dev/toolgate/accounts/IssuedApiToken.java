package dev.toolgate.accounts;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * A newly created API token. {@code token} is the only time the secret exists outside the caller's hands: the server
 * keeps just its HMAC.
 */
public record IssuedApiToken(
        UUID id, UUID environmentId, String environmentName, String label, String token, Instant createdAt) {
    public IssuedApiToken {
        Objects.requireNonNull(id);
        Objects.requireNonNull(environmentId);
        Objects.requireNonNull(environmentName);
        Objects.requireNonNull(label);
        Objects.requireNonNull(token);
        Objects.requireNonNull(createdAt);
    }

    @Override
    public String toString() {
        return "IssuedApiToken[id=" + id + ", environment=" + environmentName + ", token=(hidden)]";
    }
}
