package dev.toolgate.cli;

import picocli.CommandLine.Command;

/** {@code toolgate token ...}: API token management from the shell. */
@Command(
        name = "token",
        description = "Manage admin API tokens.",
        mixinStandardHelpOptions = true,
        subcommands = TokenCreateCommand.class)
final class TokenCommand {}
