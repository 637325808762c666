package dev.toolgate.servers;

import dev.toolgate.support.FieldUpdate;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/** Changes to an MCP server; a new config is validated like a create. {@code expiresAt} may be cleared. */
public record ServerPatch(Optional<String> name, Optional<ServerConfig> config, FieldUpdate<Instant> expiresAt) {
    public ServerPatch {
        Objects.requireNonNull(name);
        Objects.requireNonNull(config);
        Objects.requireNonNull(expiresAt);
    }
}
