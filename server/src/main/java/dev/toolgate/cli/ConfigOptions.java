package dev.toolgate.cli;

import dev.toolgate.config.ConfigLoader;
import dev.toolgate.config.ConfigSources;
import dev.toolgate.config.ToolgateConfig;
import dev.toolgate.observability.Logging;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import picocli.CommandLine.Option;

/** Options every command shares: where the config file and the data live. */
final class ConfigOptions {
    @Option(names = "--config", paramLabel = "FILE", description = "JSON or YAML config file.")
    Path configFile;

    @Option(
            names = "--data-dir",
            paramLabel = "DIR",
            description = "Data directory (embedded database, keys). Default ./data.")
    String dataDir;

    /**
     * Loads the configuration: defaults, file, TOOLGATE_* environment, then the given flags; switches the logs to JSON
     * lines when {@code log_format} says so.
     */
    ToolgateConfig load(Map<String, String> moreFlags) {
        Map<String, String> flags = new HashMap<>(moreFlags);
        if (dataDir != null) {
            flags.put("data_dir", dataDir);
        }
        ToolgateConfig config =
                new ConfigLoader().load(new ConfigSources(Optional.ofNullable(configFile), System.getenv(), flags));
        if (config.operations().logFormat() == ToolgateConfig.LogFormat.JSON) {
            Logging.useJson();
        }
        return config;
    }
}
