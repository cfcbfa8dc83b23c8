package dev.locksmith.cli;

import dev.locksmith.core.usecase.OpenChangePasswordForm;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code locksmith form}: the change-password form of a user. */
@Command(
        name = "form",
        description = "Show the change-password form of a user: the read-only fields, whether "
                + "'email password to user' can be offered, and the policy a new password must meet.")
final class FormCommand extends ActingCommand {
    @Parameters(index = "0", paramLabel = "USERNAME", description = "Whose form.")
    String target;

    @picocli.CommandLine.Option(names = "--json", description = "Print one JSON document (fields in the README).")
    boolean json;

    @Override
    void check() {
        super.check();
        Values.username(target, "USERNAME");
    }

    @Override
    int run(Session session) {
        OpenChangePasswordForm.Result form = session.locksmith()
                .openChangePasswordForm()
                .execute(new OpenChangePasswordForm.Command(actor(), Values.username(target, "USERNAME")));
        if (json) {
            Json.print(JsonViews.form(form), out());
            return ExitCode.OK.code();
        }
        Describe.form(form, "").forEach(out()::println);
        return ExitCode.OK.code();
    }
}
