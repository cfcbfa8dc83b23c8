package dev.locksmith.smtp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import dev.locksmith.core.domain.EmailAddress;
import dev.locksmith.core.domain.MailException;
import dev.locksmith.core.domain.Password;
import dev.locksmith.core.domain.Reason;
import dev.locksmith.core.domain.Username;
import dev.locksmith.core.port.Mailer;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Date;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * SmtpMailer against a real SMTP server (GreenMail, in-process, over loopback): plain SMTP and SMTPS with
 * authentication, and the exact headers and bodies of every kind of message.
 */
class SmtpMailerGreenMailTest {

    @RegisterExtension
    static final GreenMailExtension GREEN_MAIL = Fixtures.greenMail();

    private static final String PASSWORD = "Tr0ub4dor&3=Ünïcødé-pässwörd";
    private static final Optional<Instant> EXPIRES = Optional.of(Fixtures.EXPIRES);

    private static SmtpMailer plainMailer() {
        return new SmtpMailer(Fixtures.plain(GREEN_MAIL.getSmtp().getPort()).build(), Fixtures.CLOCK);
    }

    private static SmtpMailer smtpsMailer() {
        return new SmtpMailer(Fixtures.smtps(GREEN_MAIL.getSmtps().getPort()).build(), Fixtures.CLOCK);
    }

    /** Sends "Your new password" through {@code mailer} and returns the one message that reached {@code to}. */
    private static MimeMessage newPasswordTo(
            SmtpMailer mailer,
            EmailAddress to,
            String displayName,
            String username,
            String password,
            Optional<Instant> expiresAt) {
        try (Password secret = Password.of(password)) {
            mailer.sendNewPassword(new Mailer.NewPassword(to, displayName, Username.of(username), secret, expiresAt));
        }
        return onlyMessageTo(to);
    }

    /**
     * Sends "Your password was changed" over SMTPS, for a change at 08:00 UTC on 27 November 2026 (by the user
     * themselves if {@code bySelf}), and returns the one message that reached {@code to}.
     */
    private static MimeMessage passwordChangedTo(EmailAddress to, String displayName, String username, boolean bySelf) {
        smtpsMailer()
                .sendPasswordChanged(new Mailer.PasswordChanged(
                        to, displayName, Username.of(username), Instant.parse("2026-11-27T08:00:00Z"), bySelf));
        return onlyMessageTo(to);
    }

    private static MimeMessage onlyMessageTo(EmailAddress to) {
        List<MimeMessage> received = Fixtures.receivedBy(GREEN_MAIL, to.value());
        assertThat(received).hasSize(1);
        return received.get(0);
    }

    /**
     * GreenMail drops the CR LF that ends the last line of the data (it treats it as part of the end-of-data
     * mark, which RFC 5321 section 4.1.1.4 says it is not); the bytes on the wire are checked exactly in
     * {@link SmtpMailerStartTlsTest}.
     */
    private static String storedByGreenMail(String body) {
        assertThat(body).endsWith("\r\n");
        return body.substring(0, body.length() - 2);
    }

    @Test
    void new_password_over_plain_smtp_with_authentication_has_exact_headers_and_body() throws Exception {
        EmailAddress to = Fixtures.freshAddress("zoe");
        MimeMessage message = newPasswordTo(plainMailer(), to, "Zoë Müller", "Zoe", PASSWORD, EXPIRES);

        assertThat(ReceivedMail.header(message, "From")).isEqualTo("Locksmith Appliance <noreply@locksmith.test>");
        assertThat(ReceivedMail.header(message, "To")).isEqualTo("=?UTF-8?Q?Zo=C3=AB_M=C3=BCller?= <" + to + ">");
        InternetAddress[] recipients = ReceivedMail.addresses(message, "To");
        assertThat(recipients).hasSize(1);
        assertThat(recipients[0].getPersonal()).isEqualTo("Zoë Müller");
        assertThat(recipients[0].getAddress()).isEqualTo(to.value());
        assertThat(ReceivedMail.header(message, "Subject")).isEqualTo("Your new password");
        assertThat(ReceivedMail.header(message, "Content-Type")).isEqualTo("text/plain; charset=UTF-8");
        assertThat(ReceivedMail.header(message, "Content-Transfer-Encoding")).isIn("quoted-printable", "base64");
        assertThat(ReceivedMail.header(message, "MIME-Version")).isEqualTo("1.0");
        assertThat(ReceivedMail.header(message, "Auto-Submitted")).isEqualTo("auto-generated");
        assertThat(ReceivedMail.header(message, "Message-ID")).matches("<[0-9a-f-]{36}@locksmith\\.test>");
        assertThat(message.getSentDate()).isEqualTo(Date.from(Fixtures.NOW));
        // GreenMail adds Return-Path and Received; everything else is what the mailer wrote.
        assertThat(ReceivedMail.headerNames(message))
                .containsExactlyInAnyOrder(
                        "Return-Path",
                        "Received",
                        "Date",
                        "From",
                        "To",
                        "Message-ID",
                        "Subject",
                        "MIME-Version",
                        "Content-Type",
                        "Content-Transfer-Encoding",
                        "Auto-Submitted");
        assertThat(message.getHeader("Return-Path")[0]).isEqualTo("<noreply@locksmith.test>");
        assertThat(ReceivedMail.body(message))
                .isEqualTo(storedByGreenMail(Fixtures.newPasswordBody("Hello Zoë Müller,", "zoe", PASSWORD)));
    }

    @Test
    void the_new_password_is_in_the_body_and_nowhere_else() {
        MimeMessage message = newPasswordTo(
                plainMailer(), Fixtures.freshAddress("body-only"), "Body Only", "bodyonly", PASSWORD, EXPIRES);

        assertThat(ReceivedMail.body(message)).contains(PASSWORD);
        assertThat(ReceivedMail.allHeaderForms(message)).noneMatch(header -> header.contains(PASSWORD));
    }

    @Test
    void new_password_over_smtps_with_authentication_arrives_intact() {
        EmailAddress to = Fixtures.freshAddress("smtps");
        MimeMessage message = newPasswordTo(smtpsMailer(), to, "Zoë Müller", "zoe", PASSWORD, EXPIRES);

        assertThat(ReceivedMail.header(message, "To")).isEqualTo("=?UTF-8?Q?Zo=C3=AB_M=C3=BCller?= <" + to + ">");
        assertThat(ReceivedMail.header(message, "Content-Type")).isEqualTo("text/plain; charset=UTF-8");
        assertThat(ReceivedMail.body(message))
                .isEqualTo(storedByGreenMail(Fixtures.newPasswordBody("Hello Zoë Müller,", "zoe", PASSWORD)));
        assertThat(ReceivedMail.allHeaderForms(message)).noneMatch(header -> header.contains(PASSWORD));
    }

    @Test
    void new_password_without_expiry_and_without_display_name() {
        EmailAddress to = Fixtures.freshAddress("plain");
        MimeMessage message =
                newPasswordTo(plainMailer(), to, "", "horse", "correct horse battery staple", Optional.empty());

        assertThat(ReceivedMail.header(message, "To")).isEqualTo(to.value());
        assertThat(ReceivedMail.body(message))
                .isEqualTo(storedByGreenMail("Hello,\r\n"
                        + "\r\n"
                        + "A new password was set for your account.\r\n"
                        + "\r\n"
                        + "Username: horse\r\n"
                        + "New password: correct horse battery staple\r\n"
                        + "\r\n"
                        + "You must change this password the next time you log in.\r\n"
                        + "\r\n"
                        + "Log in at: https://appliance.example/login\r\n"
                        + "\r\n"
                        + "If you did not expect this message, tell your administrator.\r\n"));
    }

    @Test
    void expiry_is_also_given_in_the_configured_zone() {
        SmtpMailer mailer = new SmtpMailer(
                Fixtures.plain(GREEN_MAIL.getSmtp().getPort())
                        .zone(ZoneId.of("Europe/Paris"))
                        .build(),
                Fixtures.CLOCK);
        MimeMessage message = newPasswordTo(mailer, Fixtures.freshAddress("zone"), "", "zone", PASSWORD, EXPIRES);

        assertThat(ReceivedMail.body(message))
                .contains(
                        "It expires on Tuesday 1 December 2026, 11:15 Europe/Paris (UTC+01:00) (2026-12-01T10:15:30Z).");
    }

    @Test
    void password_changed_by_the_user_is_a_notice_without_password() {
        EmailAddress to = Fixtures.freshAddress("self");
        MimeMessage message = passwordChangedTo(to, "Ada Lovelace", "ada", true);

        assertThat(ReceivedMail.header(message, "Subject")).isEqualTo("Your password was changed");
        assertThat(ReceivedMail.header(message, "To")).isEqualTo("Ada Lovelace <" + to + ">");
        assertThat(ReceivedMail.header(message, "Content-Type")).isEqualTo("text/plain; charset=UTF-8");
        assertThat(ReceivedMail.body(message))
                .isEqualTo(storedByGreenMail("Hello Ada Lovelace,\r\n"
                        + "\r\n"
                        + "The password of your account ada was changed on Friday 27 November 2026, 08:00 UTC"
                        + " (2026-11-27T08:00:00Z).\r\n"
                        + "\r\n"
                        + "You changed it yourself. If you did not, tell your administrator at once.\r\n"
                        + "\r\n"
                        + "Log in at: https://appliance.example/login\r\n"));
    }

    @Test
    void password_set_by_someone_else_says_so() {
        assertThat(ReceivedMail.body(passwordChangedTo(Fixtures.freshAddress("other"), "", "bob", false)))
                .isEqualTo(storedByGreenMail("Hello,\r\n"
                        + "\r\n"
                        + "The password of your account bob was changed on Friday 27 November 2026, 08:00 UTC"
                        + " (2026-11-27T08:00:00Z).\r\n"
                        + "\r\n"
                        + "It was set by an administrator or a help-desk representative.\r\n"
                        + "If you did not ask for this, tell your administrator.\r\n"
                        + "\r\n"
                        + "Log in at: https://appliance.example/login\r\n"));
    }

    @Test
    void test_message_names_the_relay_and_the_login_page() {
        EmailAddress to = Fixtures.freshAddress("admin");
        int port = GREEN_MAIL.getSmtps().getPort();
        smtpsMailer().sendTestMessage(to);

        MimeMessage message = onlyMessageTo(to);
        assertThat(ReceivedMail.header(message, "Subject")).isEqualTo("Test message from Locksmith");
        assertThat(ReceivedMail.header(message, "To")).isEqualTo(to.value());
        assertThat(ReceivedMail.body(message))
                .isEqualTo(storedByGreenMail(
                        "This is a test message from Locksmith, sent on Saturday 28 November 2026, 10:15 UTC"
                                + " (2026-11-28T10:15:30Z).\r\n"
                                + "\r\n"
                                + "It was handed to the mail relay localhost, port " + port + ", encryption SMTPS.\r\n"
                                + "If you can read it, the mail settings work.\r\n"
                                + "\r\n"
                                + "Login page in messages: https://appliance.example/login\r\n"));
    }

    @Test
    void display_name_with_address_syntax_stays_one_quoted_mailbox() {
        EmailAddress to = Fixtures.freshAddress("quoted");
        String trick = "Doe, John <attacker@evil.test>; \"x\"";
        plainMailer()
                .sendPasswordChanged(new Mailer.PasswordChanged(to, trick, Username.of("john"), Fixtures.NOW, true));

        InternetAddress[] recipients = ReceivedMail.addresses(onlyMessageTo(to), "To");
        assertThat(recipients).hasSize(1);
        assertThat(recipients[0].getAddress()).isEqualTo(to.value());
        assertThat(recipients[0].getPersonal()).isEqualTo(trick);
        assertThat(Fixtures.receivedBy(GREEN_MAIL, "attacker@evil.test")).isEmpty();
    }

    @Test
    void non_ascii_sender_name_and_long_names_are_encoded() {
        EmailAddress to = Fixtures.freshAddress("names");
        String longName = "Ελένη Παπαδοπούλου-Αλεξανδροπούλου του Κωνσταντίνου, Τμήμα Υποστήριξης Πελατών";
        SmtpMailer mailer = new SmtpMailer(
                Fixtures.plain(GREEN_MAIL.getSmtp().getPort())
                        .fromName("Schlüsseldienst – Gerät 7")
                        .build(),
                Fixtures.CLOCK);

        mailer.sendPasswordChanged(new Mailer.PasswordChanged(to, longName, Username.of("eleni"), Fixtures.NOW, true));

        MimeMessage message = onlyMessageTo(to);
        assertThat(ReceivedMail.rawHeaders(message))
                .allMatch(line -> line.chars().allMatch(c -> c < 0x80));
        assertThat(ReceivedMail.header(message, "From")).startsWith("=?UTF-8?");
        assertThat(ReceivedMail.addresses(message, "From")[0].getPersonal()).isEqualTo("Schlüsseldienst – Gerät 7");
        assertThat(ReceivedMail.addresses(message, "To")[0].getPersonal()).isEqualTo(longName);
        assertThat(ReceivedMail.body(message)).startsWith("Hello " + longName + ",\r\n");
    }

    @Test
    void internationalized_domain_travels_in_its_ascii_form() {
        EmailAddress to = EmailAddress.of("zoe@bücher.example");
        plainMailer()
                .sendPasswordChanged(new Mailer.PasswordChanged(to, "Zoë", Username.of("zoe"), Fixtures.NOW, true));

        MimeMessage message = onlyMessageTo(EmailAddress.of("zoe@xn--bcher-kva.example"));
        assertThat(ReceivedMail.header(message, "To")).isEqualTo("=?UTF-8?Q?Zo=C3=AB?= <zoe@xn--bcher-kva.example>");
    }

    @Test
    void non_ascii_local_part_needs_smtputf8_which_greenmail_does_not_offer() {
        EmailAddress to = EmailAddress.of("zoë-" + System.nanoTime() + "@locksmith.test");
        MailException failed;
        try (Password password = Password.of(PASSWORD)) {
            failed = catchThrowableOfType(
                    MailException.class,
                    () -> plainMailer()
                            .sendNewPassword(
                                    new Mailer.NewPassword(to, "Zoë", Username.of("zoe"), password, Optional.empty())));
        }

        assertThat(failed.reason()).isEqualTo(Reason.MAIL_DELIVERY_FAILED);
        assertThat(failed.parameters()).containsEntry("problem", "smtputf8 not offered");
        assertThat(Fixtures.receivedBy(GREEN_MAIL, to.value())).isEmpty();
    }
}
