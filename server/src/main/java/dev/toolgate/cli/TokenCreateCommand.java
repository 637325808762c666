package dev.toolgate.cli;

import dev.toolgate.Services;
import java.time.Clock;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code toolgate token create --environment NAME}: creates the environment if needed and prints a new API token alone
 * on the last line of standard output (scripts read it with {@code tail -n 1}). Works while the server runs.
 */
@Command(
        name = "create",
        description = "Create an API token (and its environment if needed).",
        mixinStandardHelpOptions = true)
final class TokenCreateCommand implements Callable<Integer> {
    @Mixin
    ConfigOptions options;

    @Option(
            names = "--environment",
            required = true,
            paramLabel = "NAME",
            description = "Environment (tenant) the token belongs to; created if it does not exist.")
    String environment;

    @Option(names = "--label", description = "A note to recognise the token by. Default: created by CLI.")
    String label = "created by CLI";

    @Override
    public Integer call() {
        if (!environment.matches("[A-Za-z0-9][A-Za-z0-9_.-]{0,63}")) {
            System.err.println(
                    "--environment: use 1-64 letters, digits, '_', '.' or '-', starting with a letter or digit");
            return 2;
        }
        try (Services services = Services.open(options.load(Map.of()), Clock.systemUTC())) {
            var issued = services.apiTokens().create(environment, label);
            System.out.println("Created API token '" + issued.label() + "' (id " + issued.id() + ") in environment '"
                    + issued.environmentName() + "'. It is shown only once; store it now:");
            System.out.println(issued.token());
            return 0;
        }
    }
}
