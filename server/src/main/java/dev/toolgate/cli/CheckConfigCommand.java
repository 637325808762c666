package dev.toolgate.cli;

import dev.toolgate.Services;
import dev.toolgate.config.ToolgateConfig;
import dev.toolgate.support.JdbcUrls;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** {@code toolgate check-config}: validates configuration and integration definitions without starting anything. */
@Command(
        name = "check-config",
        description = "Validate the configuration and integration definitions.",
        mixinStandardHelpOptions = true)
final class CheckConfigCommand implements Callable<Integer> {
    @Mixin
    ConfigOptions options;

    @Override
    public Integer call() {
        ToolgateConfig config = options.load(Map.of());
        var registry = Services.checkIntegrations(config);
        System.out.println("Configuration OK.");
        System.out.println("  port " + config.port() + " on " + config.host() + "; public base URL "
                + config.publicBase(config.port()));
        System.out.println("  storage: "
                + config.database()
                        .map(d -> "PostgreSQL " + JdbcUrls.redacted(d.url()) + " (pool of " + d.poolSize() + ")")
                        .orElse("embedded database in " + config.dataDir()));
        var ops = config.operations();
        System.out.println(
                "  operations: " + ops.logFormat().name().toLowerCase(java.util.Locale.ROOT) + " logs; /metrics "
                        + (ops.metricsToken().isPresent() ? "needs the metrics token" : "answers loopback clients only")
                        + "; audit entries kept " + ops.auditRetention().toDays() + " days; shutdown timeout "
                        + ops.shutdownTimeout().toSeconds() + " s");
        System.out.println("  integrations: "
                + registry.all().stream()
                        .map(i -> i.name() + " (" + i.resources().size() + " resources)")
                        .toList());
        return 0;
    }
}
