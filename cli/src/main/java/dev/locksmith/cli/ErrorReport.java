package dev.locksmith.cli;

import dev.locksmith.core.domain.LocksmithException;
import picocli.CommandLine;

import java.io.PrintWriter;

/**
 * Turns an exception out of a command into a message on standard error and an exit code: a
 * {@link LocksmithException} (an expected refusal or failure) prints its reason, message and every policy
 * violation, never a stack trace, and exits with {@link ExitCode#of}; anything else is a bug, reported by its
 * class and message with exit code {@link ExitCode#INTERNAL} (and its stack trace with {@code --debug}).
 * Messages of Locksmith's exceptions never carry a password. Stateless; thread-safe.
 */
final class ErrorReport implements CommandLine.IExecutionExceptionHandler {

    @Override
    public int handleExecutionException(Exception ex, CommandLine command, CommandLine.ParseResult parseResult) {
        PrintWriter err = command.getErr();
        String name = command.getCommandSpec().qualifiedName();
        if (ex instanceof LocksmithException e) {
            var lines = Describe.error(e);
            err.println(name + ": " + lines.get(0));
            lines.stream().skip(1).forEach(err::println);
            err.flush();
            return ExitCode.of(e.reason());
        }
        err.println(name + ": internal error: " + ex.getClass().getName()
                + (ex.getMessage() == null ? "" : ": " + ex.getMessage()));
        if (debug(command)) {
            ex.printStackTrace(err);
        } else {
            err.println("  (run with --debug before the command for the stack trace)");
        }
        err.flush();
        return ExitCode.INTERNAL;
    }

    private static boolean debug(CommandLine command) {
        return command.getCommandSpec().root().userObject() instanceof LocksmithCommand root && root.debug();
    }
}
