package dev.locksmith.cli;

import java.io.InputStream;
import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;

/**
 * What the command takes from its surroundings: standard input (for {@code --password-stdin}), environment
 * variables (database and mail passwords), the terminal (passwords without echo) and the adapters it wires.
 * {@link #system()} is the real process; tests build their own. Immutable; as thread-safe as its parts.
 *
 * @param stdin standard input
 * @param variables environment variable lookup (null when unset)
 * @param terminal the interactive terminal, if there is one
 * @param adapters the hasher, blocklist and strength estimator to wire
 * @param workingDirectory what relative paths given on the command line or in the environment are relative to
 */
public record Environment(
        InputStream stdin,
        Function<String, String> variables,
        Optional<Terminal> terminal,
        Adapters adapters,
        Path workingDirectory) {

    /** Environment variable holding the database password for {@code --jdbc-user}. */
    public static final String JDBC_PASSWORD_VARIABLE = "LOCKSMITH_JDBC_PASSWORD";

    public Environment {
        Objects.requireNonNull(stdin, "stdin");
        Objects.requireNonNull(variables, "variables");
        Objects.requireNonNull(terminal, "terminal");
        Objects.requireNonNull(adapters, "adapters");
        Objects.requireNonNull(workingDirectory, "workingDirectory");
    }

    /** An environment whose relative paths are relative to the process's working directory. */
    public Environment(
            InputStream stdin, Function<String, String> variables, Optional<Terminal> terminal, Adapters adapters) {
        this(stdin, variables, terminal, adapters, Path.of(""));
    }

    /** An environment like this one whose relative paths are relative to {@code folder} (tests). */
    public Environment in(Path folder) {
        return new Environment(stdin, variables, terminal, adapters, folder);
    }

    /** The running process: its standard input, environment, console, and the production adapters. */
    public static Environment system() {
        // On Java 17 (the baseline) System.console() is null without a terminal; later JDKs differ, see isTerminal.
        @SuppressWarnings("SystemConsoleNull")
        java.io.Console console = System.console();
        Optional<Terminal> terminal = console == null
                ? Optional.empty()
                : Optional.of(new Terminal() {
                    @Override
                    public char[] readPassword(String prompt) {
                        return console.readPassword("%s", prompt);
                    }

                    @Override
                    public String readLine(String prompt) {
                        return console.readLine("%s", prompt);
                    }
                });
        return new Environment(System.in, System::getenv, terminal, ProductionAdapters.create());
    }

    /** The value of an environment variable, if set and not empty. */
    Optional<String> variable(String name) {
        return Optional.ofNullable(variables.apply(name)).filter(v -> !v.isEmpty());
    }
}
