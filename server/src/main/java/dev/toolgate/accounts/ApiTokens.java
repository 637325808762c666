package dev.toolgate.accounts;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Issues, authenticates and revokes admin API tokens (stored as HMAC only; lookups cached). Thread-safe. */
public final class ApiTokens {

    /** Creates the environment if it does not exist yet, then a token in it. */
    public IssuedApiToken create(String environmentName, String label) {
        throw new UnsupportedOperationException("implemented by the storage work");
    }

    /** A new token in an existing environment. */
    public IssuedApiToken create(UUID environmentId, String label) {
        throw new UnsupportedOperationException("implemented by the storage work");
    }

    /** The principal of a presented token; empty for unknown or revoked tokens. Constant-time on the hash. */
    public Optional<ApiPrincipal> authenticate(String token) {
        throw new UnsupportedOperationException("implemented by the storage work");
    }

    public List<ApiTokenInfo> list(UUID environmentId) {
        throw new UnsupportedOperationException("implemented by the storage work");
    }

    /** Revokes the token; it fails authentication from this moment on. False when no such token in the environment. */
    public boolean revoke(UUID environmentId, UUID tokenId) {
        throw new UnsupportedOperationException("implemented by the storage work");
    }
}
