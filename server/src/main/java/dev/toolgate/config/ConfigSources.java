package dev.toolgate.config;

import java.nio.file.Path;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Where configuration comes from, in rising precedence: built-in defaults, the config file, environment variables,
 * command-line flags.
 *
 * @param file a JSON or YAML config file
 * @param environment the process environment (only {@code TOOLGATE_*} variables are read)
 * @param flags command-line flags by setting key ({@code port}, {@code data_dir}, {@code public_base_url}, ...)
 */
public record ConfigSources(Optional<Path> file, Map<String, String> environment, Map<String, String> flags) {
    public ConfigSources {
        Objects.requireNonNull(file);
        environment = Map.copyOf(environment);
        flags = Map.copyOf(flags);
    }
}
