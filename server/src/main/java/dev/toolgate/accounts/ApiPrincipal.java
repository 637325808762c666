package dev.toolgate.accounts;

import java.util.Objects;
import java.util.UUID;

/** Who is calling the admin API (or presenting a second factor to an MCP server): one API token of one environment. */
public record ApiPrincipal(UUID environmentId, String environmentName, UUID tokenId) {
    public ApiPrincipal {
        Objects.requireNonNull(environmentId);
        Objects.requireNonNull(environmentName);
        Objects.requireNonNull(tokenId);
    }
}
