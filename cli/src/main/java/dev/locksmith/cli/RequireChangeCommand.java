package dev.locksmith.cli;

import dev.locksmith.core.usecase.RequirePasswordChange;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code locksmith require-change}: "must change password at next login" on its own. */
@Command(name = "require-change", description = "Make a user change their password at the next login.")
final class RequireChangeCommand extends OneUserCommand {
    @Parameters(index = "0", paramLabel = "USERNAME", description = "Who must change their password.")
    void username(String given) {
        username = given;
    }

    @Override
    int run(Session session) {
        session.locksmith().requirePasswordChange().execute(new RequirePasswordChange.Command(actor(), target()));
        out().println(username + " must change the password at the next login.");
        return ExitCode.OK.code();
    }
}
