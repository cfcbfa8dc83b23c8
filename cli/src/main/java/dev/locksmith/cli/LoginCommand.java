package dev.locksmith.cli;

import dev.locksmith.core.domain.Username;
import dev.locksmith.core.usecase.Authenticate;
import dev.locksmith.core.usecase.AuthenticationOutcome;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code locksmith login}: verify a login and print its outcome. */
@Command(
        name = "login",
        description =
                "Check a username and password as the appliance's login page would, and print "
                        + "the outcome: AUTHENTICATED, MUST_CHANGE_PASSWORD or PASSWORD_EXPIRED (exit 0), or REJECTED, LOCKED, "
                        + "TEMPORARY_PASSWORD_EXPIRED, DISABLED or USE_PROVIDER (exit 9). A wrong password counts as a failed login.")
final class LoginCommand extends StoreCommand {
    @Parameters(index = "0", paramLabel = "USERNAME", description = "Who logs in.")
    String username;

    @Mixin
    PasswordStdinOption password = new PasswordStdinOption();

    @Option(names = "--json", description = "Print one JSON document: outcome, username, provider.")
    boolean json;

    @Override
    void check() {
        Values.username(username, "USERNAME");
    }

    @Override
    int run(Session session) {
        Username user = Values.username(username, "USERNAME");
        AuthenticationOutcome outcome = session.locksmith()
                .authenticate()
                .execute(new Authenticate.Command(
                        user, passwords().existing(password.fromStdin, "Password of " + user + ": ")));
        if (json) {
            Json.print(JsonViews.login(outcome), out());
        } else {
            out().println(Describe.outcome(outcome));
        }
        // Never in JSON mode: standard output is then one JSON document and nothing else.
        if (!json
                && (outcome instanceof AuthenticationOutcome.MustChangePassword
                        || outcome instanceof AuthenticationOutcome.PasswordExpired)) {
            out().println("Next: locksmith passwd --as " + user);
        }
        return outcome.loggedIn() || outcome.passwordChangeRequired()
                ? ExitCode.OK.code()
                : ExitCode.LOGIN_FAILED.code();
    }
}
