package dev.locksmith.cli;

import dev.locksmith.core.usecase.RequirePasswordChange;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code locksmith require-change}: "must change password at next login" on its own. */
@Command(name = "require-change", description = "Make a user change their password at the next login.")
final class RequireChangeCommand extends ActingCommand {
    @Parameters(index = "0", paramLabel = "USERNAME", description = "Who must change their password.")
    String target;

    @Override
    void check() {
        super.check();
        Values.username(target, "USERNAME");
    }

    @Override
    int run(Session session) {
        session.locksmith()
                .requirePasswordChange()
                .execute(new RequirePasswordChange.Command(actor(), Values.username(target, "USERNAME")));
        out().println(target + " must change the password at the next login.");
        return ExitCode.OK.code();
    }
}
