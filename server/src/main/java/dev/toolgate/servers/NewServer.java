package dev.toolgate.servers;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/** A request to create an MCP server. */
public record NewServer(String name, ServerConfig config, Optional<Instant> expiresAt) {
    public NewServer {
        Objects.requireNonNull(name);
        Objects.requireNonNull(config);
        Objects.requireNonNull(expiresAt);
    }
}
