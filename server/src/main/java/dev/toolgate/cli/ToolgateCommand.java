package dev.toolgate.cli;

import dev.toolgate.Toolgate;
import dev.toolgate.config.ConfigException;
import dev.toolgate.support.ToolgateException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.Set;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The {@code toolgate} command line: {@code serve} (default), {@code demo}, {@code token create}, {@code check-config},
 * {@code migrate}, {@code rotate-keys}.
 */
@Command(
        name = "toolgate",
        mixinStandardHelpOptions = true,
        version = "toolgate " + Toolgate.VERSION,
        description = "Scoped MCP servers for connected API accounts.",
        subcommands = {
            ServeCommand.class,
            DemoCommand.class,
            TokenCommand.class,
            CheckConfigCommand.class,
            MigrateCommand.class,
            RotateKeysCommand.class
        })
public final class ToolgateCommand {
    private static final Set<String> TOP_LEVEL = Set.of("-h", "--help", "-V", "--version");

    /** Runs the command line and returns the exit code (0 ok, 2 bad usage or configuration, 1 failure). */
    public static int run(String... args) {
        return run(
                new PrintWriter(System.out, true, StandardCharsets.UTF_8),
                new PrintWriter(System.err, true, StandardCharsets.UTF_8),
                args);
    }

    /** As {@link #run(String...)}, writing to {@code out} and {@code err} (commands that print through picocli). */
    public static int run(PrintWriter out, PrintWriter err, String... args) {
        String[] effective = args.length == 0 || (args[0].startsWith("-") && !TOP_LEVEL.contains(args[0]))
                ? prepend("serve", args)
                : args;
        CommandLine cli = new CommandLine(new ToolgateCommand());
        cli.setOut(out);
        cli.setErr(err);
        cli.setExecutionExceptionHandler((e, commandLine, parseResult) -> {
            if (e instanceof ConfigException) {
                err.println(e.getMessage());
                err.println("Fix the settings above (see README, Configuration) and run again.");
                return 2;
            }
            if (e instanceof ToolgateException) {
                err.println("toolgate: " + e.getMessage());
                return 1;
            }
            throw e;
        });
        return cli.execute(effective);
    }

    private static String[] prepend(String first, String[] rest) {
        String[] result = new String[rest.length + 1];
        result[0] = first;
        System.arraycopy(rest, 0, result, 1, rest.length);
        return result;
    }
}
