package dev.toolgate;

import dev.toolgate.cli.ToolgateCommand;

/** Entry point of {@code toolgate.jar}. */
public final class Main {
    private Main() {}

    public static void main(String[] args) {
        int code = ToolgateCommand.run(args);
        if (code != 0 || args.length == 0 || !isServe(args)) {
            System.exit(code);
        }
    }

    private static boolean isServe(String[] args) {
        return args[0].equals("serve") || args[0].equals("demo") || args[0].startsWith("-");
    }
}
