package dev.locksmith.cli;

import dev.locksmith.core.domain.EmailAddress;
import dev.locksmith.core.domain.Password;
import dev.locksmith.core.domain.Profile;
import dev.locksmith.core.domain.Reason;
import dev.locksmith.core.domain.Username;
import dev.locksmith.core.usecase.BootstrapAdministrator;
import java.util.Optional;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code locksmith init}: the first administrator of a store without one. */
@Command(
        name = "init",
        description = "Create the first administrator on a store without an enabled administrator "
                + "(a fresh install). Refused (exit 3) once one exists. Asks for the password twice.")
final class InitCommand extends StoreCommand {
    @Option(names = "--admin", required = true, paramLabel = "USERNAME", description = "Username of the administrator.")
    String admin;

    @Option(names = "--name", paramLabel = "NAME", description = "Display name (default: the username).")
    String name;

    @Option(names = "--email", paramLabel = "ADDRESS", description = "Email address.")
    String email;

    @Mixin
    PasswordStdinOption password = new PasswordStdinOption();

    @Override
    void check() {
        Values.username(admin, "--admin");
    }

    @Override
    boolean createsStore() {
        return true;
    }

    @Override
    int run(Session session) {
        Username username = Values.username(admin, "--admin");
        if (session.administratorExists()) {
            // Refused before any password is read: there is nothing to type it for.
            java.io.PrintWriter err = spec.commandLine().getErr();
            err.println(spec.qualifiedName() + ": this store already has an administrator ["
                    + Reason.DENIED_NOT_PERMITTED + "]");
            err.println("  add users with 'locksmith user create --as ADMINISTRATOR'");
            err.flush();
            return ExitCode.DENIED.code();
        }
        String display = name == null ? username.value() : name;
        Profile profile =
                new Profile(display, display, Optional.ofNullable(email).map(EmailAddress::of), "");
        Password chosen = passwords().chosen(password.fromStdin, "Password of " + username + ": ");
        session.locksmith()
                .bootstrapAdministrator()
                .execute(new BootstrapAdministrator.Command(username, profile, chosen));
        out().println("Created administrator " + username + ".");
        return ExitCode.OK.code();
    }
}
