package dev.locksmith.core.fakes;

import dev.locksmith.core.domain.EmailAddress;
import dev.locksmith.core.port.Mailer;
import dev.locksmith.core.testing.RecordingMailer;
import dev.locksmith.core.testing.contract.MailerContract;
import java.util.ArrayList;
import java.util.List;

/** The mail port's contract, run against core's recording fake. */
class RecordingMailerContractTest extends MailerContract {
    private final RecordingMailer mailer = new RecordingMailer();

    @Override
    protected Mailer mailer() {
        return mailer;
    }

    @Override
    protected Mailer failingMailer() {
        return new RecordingMailer().failDelivery(true);
    }

    @Override
    protected List<DeliveredMail> deliveredTo(EmailAddress address) {
        List<DeliveredMail> delivered = new ArrayList<>();
        mailer.newPasswords().stream()
                .filter(sent -> sent.to().equals(address))
                .forEach(sent -> delivered.add(new DeliveredMail(
                        "Your new password",
                        List.of("To: " + sent.displayName() + " <" + sent.to() + ">", "Subject: Your new password"),
                        "Username: " + sent.username() + "\nPassword: " + sent.password() + "\n")));
        mailer.passwordChangedNotices().stream()
                .filter(notice -> notice.to().equals(address))
                .forEach(notice -> delivered.add(new DeliveredMail(
                        "Your password was changed",
                        List.of(
                                "To: " + notice.displayName() + " <" + notice.to() + ">",
                                "Subject: Your password was changed"),
                        "Username: " + notice.username() + "\n")));
        return delivered;
    }
}
