package dev.locksmith.smtp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import dev.locksmith.core.domain.EmailAddress;
import dev.locksmith.core.domain.MailException;
import dev.locksmith.core.domain.Reason;
import dev.locksmith.core.domain.Username;
import dev.locksmith.core.port.Mailer;
import jakarta.mail.internet.MimeMessage;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The "Reset your password" message through a real SMTP server (GreenMail, in-process, over loopback). */
class SmtpResetLinkTest {

    @RegisterExtension
    static final GreenMailExtension GREEN_MAIL = Fixtures.greenMail();

    private static final String LINK =
            "https://appliance.example/console/reset?token=q8Lw0mZ4YpX2c9VnR1aB7dK3sT6uH5eJ0fG4iW8oP2y";
    private static final Instant EXPIRES = Instant.parse("2026-11-28T11:15:30Z");

    @Test
    void the_link_and_its_expiry_are_in_the_body_only() throws Exception {
        SmtpMailer mailer =
                new SmtpMailer(Fixtures.plain(GREEN_MAIL.getSmtp().getPort()).build(), Fixtures.CLOCK);
        EmailAddress to = Fixtures.freshAddress("erin");
        mailer.sendResetLink(new Mailer.ResetLink(to, "Erin Example", Username.of("erin"), LINK, EXPIRES));

        List<MimeMessage> received = Fixtures.receivedBy(GREEN_MAIL, to.value());
        assertThat(received).hasSize(1);
        MimeMessage message = received.get(0);
        assertThat(message.getSubject()).isEqualTo("Reset your password");
        String body = ReceivedMail.body(message);
        assertThat(body)
                .startsWith("Hello Erin Example,\r\n\r\nA password reset was requested for your account erin.\r\n")
                .contains("\r\n" + LINK + "\r\n")
                .contains("(2026-11-28T11:15:30Z)")
                .contains("Your current password keeps working until you use the link.");
        java.util.Enumeration<jakarta.mail.Header> headers = message.getAllHeaders();
        while (headers.hasMoreElements()) {
            jakarta.mail.Header header = headers.nextElement();
            assertThat(header.getValue()).as(header.getName()).doesNotContain("token=");
        }
    }

    @Test
    void a_refused_delivery_does_not_carry_the_link() throws Exception {
        Mailer.ResetLink message =
                new Mailer.ResetLink(EmailAddress.of("erin@example.com"), "", Username.of("erin"), LINK, EXPIRES);
        SmtpMailer closed = new SmtpMailer(Fixtures.plain(Fixtures.closedPort()).build(), Fixtures.CLOCK);
        MailException failed = catchThrowableOfType(MailException.class, () -> closed.sendResetLink(message));
        assertThat(failed.reason()).isEqualTo(Reason.MAIL_DELIVERY_FAILED);
        for (Throwable t = failed; t != null; t = t.getCause()) {
            assertThat(String.valueOf(t.getMessage())).doesNotContain("token=");
        }
        assertThat(message.toString()).doesNotContain("token=");
    }
}
