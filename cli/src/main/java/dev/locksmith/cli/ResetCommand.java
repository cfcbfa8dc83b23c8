package dev.locksmith.cli;

import dev.locksmith.core.usecase.ResetFailedLogins;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code locksmith reset}: failed-login count to zero, lock cleared. */
@Command(name = "reset", aliases = "unlock", description = "Reset a user's failed-login count to 0 and clear any lock.")
final class ResetCommand extends OneUserCommand {
    @Parameters(index = "0", paramLabel = "USERNAME", description = "Whose failed logins.")
    void username(String given) {
        username = given;
    }

    @Override
    int run(Session session) {
        session.locksmith().resetFailedLogins().execute(new ResetFailedLogins.Command(actor(), target()));
        out().println("Failed logins of " + target() + " reset; not locked.");
        return ExitCode.OK.code();
    }
}
