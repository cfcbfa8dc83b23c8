package dev.locksmith.cli;

import dev.locksmith.core.domain.Password;
import dev.locksmith.core.usecase.ChangeOwnPassword;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code locksmith passwd}: a local user changes their own password. */
@Command(
        name = "passwd",
        description = "Change your own password (local users only): the current one, then the new "
                + "one, which must meet the policy and differ from the current one.")
final class PasswdCommand extends ActingCommand {
    @Option(
            names = "--password-stdin",
            description = "Read the current password from the first line of standard "
                    + "input and the new one from the second.")
    boolean passwordStdin;

    @Override
    int run(Session session) {
        Password current = passwords().existing(passwordStdin, "Current password of " + actor() + ": ");
        Password chosen;
        try {
            chosen = passwords().chosen(passwordStdin, "New password: ");
        } catch (RuntimeException e) {
            current.wipe();
            throw e;
        }
        session.locksmith().changeOwnPassword().execute(new ChangeOwnPassword.Command(actor(), current, chosen));
        out().println("Password of " + actor() + " changed.");
        return ExitCode.OK.code();
    }
}
