package dev.toolgate.servers;

import dev.toolgate.integration.IntegrationDefinition;
import dev.toolgate.support.FieldError;
import dev.toolgate.tools.ToolCatalogs;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** What a server's name, config and expiry must satisfy (SPEC §3). */
final class ServerRules {
    static final int MAX_NAME = 200;
    /** A shorter lifetime is almost certainly a mistake (e.g. a time zone slip) and would die before first use. */
    static final Duration MIN_LIFETIME = Duration.ofSeconds(60);

    private final ToolCatalogs catalogs;

    ServerRules(ToolCatalogs catalogs) {
        this.catalogs = catalogs;
    }

    static Optional<FieldError> name(String name) {
        if (name.isBlank()) {
            return Optional.of(new FieldError("name", "must not be blank"));
        }
        if (name.strip().length() > MAX_NAME) {
            return Optional.of(new FieldError("name", "must be at most " + MAX_NAME + " characters"));
        }
        return Optional.empty();
    }

    /** Entries that match nothing, else (only then) filters that together leave no tool. */
    List<FieldError> config(IntegrationDefinition integration, ServerConfig config) {
        List<FieldError> errors = new ArrayList<>(config.filter().check(integration));
        if (errors.isEmpty() && catalogs.filtered(integration, config.filter()).isEmpty()) {
            errors.add(new FieldError("config", emptyMessage(integration, config)));
        }
        return errors;
    }

    static Optional<FieldError> expiresAt(Instant expiresAt, Instant now) {
        if (expiresAt.isBefore(now.plus(MIN_LIFETIME))) {
            return Optional.of(new FieldError(
                    "expires_at",
                    "must be at least " + MIN_LIFETIME.toSeconds() + " seconds in the future (server time is " + now
                            + ")"));
        }
        return Optional.empty();
    }

    private static String emptyMessage(IntegrationDefinition integration, ServerConfig config) {
        List<String> filters = new ArrayList<>();
        if (!config.methods().isEmpty()) {
            filters.add("methods " + config.methods());
        }
        if (!config.tags().isEmpty()) {
            filters.add("tags " + config.tags());
        }
        if (filters.isEmpty()) {
            return "integration " + integration.name() + " has no documented tool to expose";
        }
        return String.join(" and ", filters) + " leave no tool of " + integration.name() + "; widen "
                + (filters.size() > 1 ? "either filter" : "the filter");
    }
}
