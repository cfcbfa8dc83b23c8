package dev.locksmith.cli;

import dev.locksmith.core.domain.InvalidInputException;
import dev.locksmith.core.domain.Password;
import dev.locksmith.core.domain.Username;
import dev.locksmith.core.usecase.GenerateTemporaryPassword;
import dev.locksmith.core.usecase.SetPassword;
import java.io.PrintWriter;
import java.util.Arrays;
import java.util.Optional;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code locksmith set-password}: the delegated path, for administrators and users allowed to set passwords. */
@Command(
        name = "set-password",
        description = "Set another user's password. Checks who may set whose password, "
                + "then the policy (every violation is listed), then stores it, clears failed logins and any lock. "
                + "The password is asked twice at the terminal, read from standard input, or generated.")
final class SetPasswordCommand extends OneUserCommand {
    @Parameters(index = "0", paramLabel = "USERNAME", description = "Whose password.")
    void username(String given) {
        username = given;
    }

    @Option(
            names = "--email",
            description = "Email the new password to the user (forces --must-change). "
                    + "Refused before anything changes when mail is off or the user has no address.")
    boolean email;

    @Option(
            names = "--must-change",
            description = "The user must change the password at the next login "
                    + "(a temporary password: it expires after the policy's lifetime).")
    boolean mustChange;

    @Option(
            names = "--generate",
            description = "Generate a password that meets the policy. It is printed unless "
                    + "--email sends it to the user instead.")
    boolean generate;

    @Option(names = "--password-stdin", description = "Read the new password from the first line of standard input.")
    boolean passwordStdin;

    @Option(
            names = "--json",
            description = "With --generate: print one JSON document: username, password (null when "
                    + "emailed), emailed, mustChangePassword, temporaryPasswordExpiresAt.")
    boolean json;

    @Override
    void check() {
        super.check();
        generatedOrRead(generate, passwordStdin);
        if (json && !generate) {
            throw new InvalidInputException("--json", "goes with --generate (there is nothing else to print)");
        }
    }

    @Override
    int run(Session session) {
        Username actor = actor();
        Username user = target();
        Password password;
        char[] shown = null;
        if (generate) {
            password = session.locksmith()
                    .generateTemporaryPassword()
                    .execute(new GenerateTemporaryPassword.Command(actor, Optional.of(user)));
            if (!email) {
                shown = password.toCharArray();
            }
        } else {
            password = passwords().chosen(passwordStdin, "New password for " + user + ": ");
        }
        try {
            SetPassword.Result result = session.locksmith()
                    .setPassword()
                    .execute(new SetPassword.Command(actor, user, password, email, mustChange));
            PrintWriter out = out();
            if (json) {
                Json.print(JsonViews.generated(result, shown), out);
                return ExitCode.OK.code();
            }
            out.println("Password of " + result.target() + " set.");
            if (shown != null) {
                out.print("Generated password: ");
                out.println(shown);
            }
            if (result.emailed()) {
                out.println("Emailed to the user.");
            }
            if (result.mustChangePassword()) {
                out.println("The user must change it at the next login"
                        + result.temporaryPasswordExpiresAt()
                                .map(t -> "; it expires at " + Describe.time(t))
                                .orElse("") + ".");
            }
            return ExitCode.OK.code();
        } finally {
            if (shown != null) {
                Arrays.fill(shown, '\0');
            }
        }
    }
}
