package dev.locksmith.cli;

import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.function.Supplier;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * Base of the commands that work on the store: opens a {@link Session} as the global options say, runs, and
 * closes it. Exceptions go to {@link ErrorReport}. One instance per execution; not thread-safe.
 */
abstract class StoreCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Override
    public final Integer call() {
        check();
        try (Session session = root().openSession(createsStore())) {
            return run(session);
        }
    }

    /** Validates the arguments before the store is opened (cheap failures first). */
    void check() {}

    /** Whether this command may create a missing embedded store (only {@code init}). */
    boolean createsStore() {
        return false;
    }

    /** The command's work; returns the exit code. */
    abstract int run(Session session);

    final LocksmithCommand root() {
        return (LocksmithCommand) spec.root().userObject();
    }

    final PrintWriter out() {
        return spec.commandLine().getOut();
    }

    /**
     * The output of a command with {@code --json}: the JSON document when {@code json}, else the text's lines;
     * exit 0 either way.
     */
    final int print(boolean json, Supplier<?> document, Supplier<List<String>> text) {
        if (json) {
            Json.print(document.get(), out());
        } else {
            text.get().forEach(out()::println);
        }
        return ExitCode.OK.code();
    }

    final PasswordInput passwords() {
        return root().passwords();
    }
}
