package dev.locksmith.cli;

import dev.locksmith.core.usecase.OpenChangePasswordForm;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

/** {@code locksmith form}: the change-password form of a user. */
@Command(
        name = "form",
        description = "Show the change-password form of a user: the read-only fields, whether "
                + "'email password to user' can be offered, and the policy a new password must meet.")
final class FormCommand extends OneUserCommand {
    @Parameters(index = "0", paramLabel = "USERNAME", description = "Whose form.")
    void username(String given) {
        username = given;
    }

    @Mixin
    JsonOption output = new JsonOption();

    @Override
    int run(Session session) {
        OpenChangePasswordForm.Result form = session.locksmith()
                .openChangePasswordForm()
                .execute(new OpenChangePasswordForm.Command(actor(), target()));
        return print(output.json, () -> JsonViews.form(form), () -> Describe.form(form, ""));
    }
}
