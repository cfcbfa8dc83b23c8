package dev.locksmith.smtp;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import dev.locksmith.core.domain.EmailAddress;
import dev.locksmith.core.port.Mailer;
import dev.locksmith.core.testing.contract.MailerContract;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Core's Mailer contract, run against SmtpMailer over SMTPS with authentication to a real GreenMail server. An
 * SmtpMailer always names a relay (a host without one gives Locksmith no mailer).
 */
class SmtpMailerContractTest extends MailerContract {

    @RegisterExtension
    static final GreenMailExtension GREEN_MAIL = Fixtures.greenMail();

    @Override
    protected Mailer mailer() {
        return new SmtpMailer(Fixtures.smtps(GREEN_MAIL.getSmtps().getPort()).build(), Fixtures.CLOCK);
    }

    @Override
    protected Mailer failingMailer() {
        try {
            return new SmtpMailer(Fixtures.smtps(Fixtures.closedPort()).build(), Fixtures.CLOCK);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    protected List<DeliveredMail> deliveredTo(EmailAddress address) {
        return Fixtures.receivedBy(GREEN_MAIL, address.value()).stream()
                .map(SmtpMailerContractTest::delivered)
                .collect(Collectors.toList());
    }

    private static DeliveredMail delivered(MimeMessage message) {
        try {
            return new DeliveredMail(
                    message.getSubject(), ReceivedMail.allHeaderForms(message), ReceivedMail.body(message));
        } catch (MessagingException e) {
            throw new IllegalStateException(e);
        }
    }
}
