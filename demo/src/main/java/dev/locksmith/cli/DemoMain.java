package dev.locksmith.cli;

import java.util.Map;

/**
 * The demo jar's entry point: the production command line with the {@code demo} command added after the
 * built-in ones. Wired here by name, as every other command is, so the production jar has no way to find it.
 */
public final class DemoMain {
    /** The subcommands the demo jar adds to the production ones. */
    static final Map<String, Class<?>> COMMANDS = Map.of("demo", DemoCommand.class);

    private DemoMain() {}

    /** Runs the command line, {@code demo} included, and exits with its code. */
    public static void main(String[] args) {
        LocksmithCommand.exit(new LocksmithCommand(Environment.system(), COMMANDS), args);
    }
}
