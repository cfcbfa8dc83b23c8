package dev.locksmith.cli;

import dev.locksmith.core.usecase.ResetFailedLogins;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code locksmith reset}: failed-login count to zero, lock cleared. */
@Command(name = "reset", aliases = "unlock", description = "Reset a user's failed-login count to 0 and clear any lock.")
final class ResetCommand extends ActingCommand {
    @Parameters(index = "0", paramLabel = "USERNAME", description = "Whose failed logins.")
    String target;

    @Override
    void check() {
        super.check();
        Values.username(target, "USERNAME");
    }

    @Override
    int run(Session session) {
        session.locksmith()
                .resetFailedLogins()
                .execute(new ResetFailedLogins.Command(actor(), Values.username(target, "USERNAME")));
        out().println("Failed logins of " + Values.username(target, "USERNAME") + " reset; not locked.");
        return ExitCode.OK.code();
    }
}
