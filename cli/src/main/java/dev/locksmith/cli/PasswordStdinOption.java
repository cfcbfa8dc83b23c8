package dev.locksmith.cli;

import picocli.CommandLine.Option;

/**
 * The {@code --password-stdin} option of the commands that read one password (init, login): a picocli mixin,
 * so that the option is declared, and described, once. Without it the password is asked at the terminal.
 */
final class PasswordStdinOption {
    @Option(names = "--password-stdin", description = "Read the password from the first line of standard input.")
    boolean fromStdin;
}
