package dev.locksmith.cli;

import dev.locksmith.core.domain.InvalidInputException;
import dev.locksmith.core.domain.Username;

/**
 * Base of the commands performed as a user on one user, named by the first argument ({@code USERNAME}). Each
 * command declares that argument itself, on a setter of {@link #username}, to describe it in its own words;
 * this class checks it before the store is opened. One instance per execution; not thread-safe.
 */
abstract class OneUserCommand extends ActingCommand {
    /** The first argument, as given. */
    String username;

    /** The user the command is on: the first argument, a valid username. */
    final Username target() {
        return Values.username(username, "USERNAME");
    }

    /** Refuses {@code --generate} with {@code --password-stdin}: a generated password reads none. */
    static void generatedOrRead(boolean generate, boolean passwordStdin) {
        if (generate && passwordStdin) {
            throw new InvalidInputException("--generate", "reads no password: drop --password-stdin");
        }
    }

    @Override
    void check() {
        super.check();
        target();
    }
}
