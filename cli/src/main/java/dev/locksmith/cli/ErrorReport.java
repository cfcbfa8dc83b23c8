package dev.locksmith.cli;

import dev.locksmith.core.domain.LocksmithException;
import java.io.PrintWriter;
import java.util.Optional;
import picocli.CommandLine;

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
            Optional<String> explained =
                    root(command).flatMap(LocksmithCommand::store).flatMap(store -> DatabaseErrors.explain(e, store));
            if (explained.isPresent()) {
                // The sentence replaces the adapter's message; the SQLState stays as detail for whoever digs.
                err.println("  " + explained.get());
                DatabaseErrors.sqlState(e).ifPresent(state -> err.println("  (SQLState " + state + ")"));
            } else {
                lines.stream().skip(1).forEach(err::println);
            }
            int code = ExitCode.of(e.reason()).code();
            if (code == ExitCode.USAGE.code()) {
                err.println("Try '" + name + " --help'.");
            }
            err.flush();
            return code;
        }
        err.println(name + ": internal error: " + ex.getClass().getName()
                + (ex.getMessage() == null ? "" : ": " + ex.getMessage()));
        if (debug(command)) {
            ex.printStackTrace(err);
        } else {
            err.println("  (run with --debug before the command for the stack trace)");
        }
        err.flush();
        return ExitCode.INTERNAL.code();
    }

    private static boolean debug(CommandLine command) {
        return root(command).map(LocksmithCommand::debug).orElse(false);
    }

    private static Optional<LocksmithCommand> root(CommandLine command) {
        return command.getCommandSpec().root().userObject() instanceof LocksmithCommand root
                ? Optional.of(root)
                : Optional.empty();
    }
}
