package dev.locksmith.smtp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import dev.locksmith.core.domain.EmailAddress;
import dev.locksmith.core.domain.MailException;
import dev.locksmith.core.domain.Password;
import dev.locksmith.core.domain.Reason;
import dev.locksmith.core.domain.Username;
import dev.locksmith.core.port.Mailer;
import jakarta.mail.internet.MimeMessage;
import java.nio.charset.StandardCharsets;
import java.security.KeyStore;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * SmtpMailer against {@link ScriptedSmtpServer}, a real SMTP server on loopback that offers what GreenMail 2.1
 * does not: STARTTLS and SMTPUTF8. Also checks the exact bytes of the body as they crossed the wire.
 */
class SmtpMailerStartTlsTest {

    private static final String PASSWORD = "Start-TLS-Pässwörd-42";

    /** A mailer with STARTTLS settings for {@code server}, trusting the test certificate. */
    private static SmtpMailer mailerFor(ScriptedSmtpServer server) {
        return new SmtpMailer(Fixtures.startTls(server.port()).build(), Fixtures.CLOCK);
    }

    /** Sends user zoe's new password, {@link #PASSWORD}, to {@code to} (named {@code name}) through {@code server}. */
    private static void sendNewPassword(ScriptedSmtpServer server, String to, String name) {
        try (Password password = Password.of(PASSWORD)) {
            mailerFor(server)
                    .sendNewPassword(new Mailer.NewPassword(
                            EmailAddress.of(to), name, Username.of("zoe"), password, Optional.of(Fixtures.EXPIRES)));
        }
    }

    @Test
    void starttls_with_authentication_delivers_the_message_over_tls() throws Exception {
        try (ScriptedSmtpServer server = Fixtures.startTlsRelay().start()) {
            sendNewPassword(server, "zoe@locksmith.test", "Zoë Müller");

            assertThat(server.received()).singleElement().satisfies(received -> {
                assertThat(received.overTls()).isTrue();
                assertThat(received.authenticated()).isTrue();
                assertThat(received.mailFrom()).isEqualTo("<noreply@locksmith.test>");
                assertThat(received.rcptTo()).containsExactly("zoe@locksmith.test");
                MimeMessage message = ReceivedMail.parse(received.data());
                assertThat(ReceivedMail.header(message, "To"))
                        .isEqualTo("=?UTF-8?Q?Zo=C3=AB_M=C3=BCller?= <zoe@locksmith.test>");
                assertThat(ReceivedMail.header(message, "Subject")).isEqualTo("Your new password");
                assertThat(ReceivedMail.header(message, "Content-Type")).isEqualTo("text/plain; charset=UTF-8");
                assertThat(ReceivedMail.allHeaderForms(message)).noneMatch(header -> header.contains(PASSWORD));
                // Exactly the body on the wire, final line end included.
                assertThat(ReceivedMail.body(message))
                        .isEqualTo(Fixtures.newPasswordBody("Hello Zoë Müller,", "zoe", PASSWORD));
            });
            assertThat(server.commands()).containsSubsequence("STARTTLS", "AUTH ***", "DATA", "QUIT");
            assertThat(server.commands()).contains("EHLO client.locksmith.test");
        }
    }

    @Test
    void the_password_crosses_the_wire_only_inside_the_body() throws Exception {
        try (ScriptedSmtpServer server = Fixtures.startTlsRelay().start()) {
            sendNewPassword(server, "zoe@locksmith.test", "Zoë");

            byte[] data = server.received().get(0).data();
            String wire = new String(data, StandardCharsets.UTF_8);
            int bodyStart = wire.indexOf("\r\n\r\n");
            assertThat(wire.substring(0, bodyStart)).doesNotContain(PASSWORD);
            assertThat(server.commands()).noneMatch(command -> command.contains(PASSWORD));
            assertThat(ReceivedMail.body(ReceivedMail.parse(data))).contains(PASSWORD);
        }
    }

    @Test
    void starttls_refused_certificate_fails_before_credentials_are_sent() throws Exception {
        try (ScriptedSmtpServer server = Fixtures.startTlsRelay().start()) {
            // JDK default trust: the test certificate is self-signed and unknown to it.
            SmtpMailer mailer = new SmtpMailer(
                    Fixtures.jdkTrust(SmtpSettings.Encryption.STARTTLS, server.port())
                            .build(),
                    Fixtures.CLOCK);

            MailException failed = catchThrowableOfType(
                    MailException.class, () -> mailer.sendTestMessage(EmailAddress.of("admin@locksmith.test")));

            assertThat(failed.reason()).isEqualTo(Reason.MAIL_DELIVERY_FAILED);
            assertThat(failed.parameters()).containsEntry("problem", "tls failed");
            assertThat(server.commands()).doesNotContain("AUTH ***");
            assertThat(server.received()).isEmpty();
        }
    }

    @Test
    void a_pinned_certificate_that_expires_while_the_host_runs_is_no_longer_trusted() throws Exception {
        // A server certificate that expires a few seconds from now, pinned while it is still valid.
        KeyStore serverStore = TestTls.selfSignedStore("-1d+8S", 1);
        X509Certificate pinned = (X509Certificate) serverStore.getCertificate("dated");
        try (ScriptedSmtpServer server = ScriptedSmtpServer.builder()
                .offerStartTls()
                .serverKeyStore(serverStore)
                .start()) {
            SmtpSettings.Builder settings = Fixtures.base()
                    .encryption(SmtpSettings.Encryption.STARTTLS)
                    .port(server.port())
                    .trustCertificates(pinned);
            SmtpMailer mailer = new SmtpMailer(settings.build(), Fixtures.CLOCK);
            SmtpMailer accepting = new SmtpMailer(
                    settings.acceptTrustedCertificatesOutsideValidity(true).build(), Fixtures.CLOCK);
            mailer.sendTestMessage(EmailAddress.of("admin@locksmith.test"));
            assertThat(server.received()).hasSize(1);

            Instant expired = pinned.getNotAfter().toInstant().plusSeconds(1);
            assertTimeoutPreemptively(Duration.ofSeconds(30), () -> {
                while (Instant.now().isBefore(expired)) {
                    Thread.sleep(100);
                }
            });
            MailException failed = catchThrowableOfType(
                    MailException.class, () -> mailer.sendTestMessage(EmailAddress.of("admin@locksmith.test")));

            assertThat(failed.reason()).isEqualTo(Reason.MAIL_DELIVERY_FAILED);
            assertThat(failed.parameters()).containsEntry("problem", "tls failed");
            assertThat(server.received()).hasSize(1);
            // Java itself does not check a trust anchor's dates: accepted explicitly, the expired one still works.
            accepting.sendTestMessage(EmailAddress.of("admin@locksmith.test"));
            assertThat(server.received()).hasSize(2);
        }
    }

    @Test
    void non_ascii_local_part_travels_with_smtputf8_when_the_server_offers_it() throws Exception {
        try (ScriptedSmtpServer server =
                Fixtures.startTlsRelay().offerSmtpUtf8().start()) {
            sendNewPassword(server, "zoë@bücher.example", "Zoë Müller");

            ScriptedSmtpServer.Received received = server.received().get(0);
            assertThat(received.mailFrom()).isEqualTo("<noreply@locksmith.test> SMTPUTF8");
            assertThat(received.rcptTo()).containsExactly("zoë@bücher.example");
            MimeMessage message = ReceivedMail.parse(received.data());
            // The address is UTF-8 (RFC 6532); the display name is still an RFC 2047 word.
            assertThat(ReceivedMail.header(message, "To"))
                    .isEqualTo("=?UTF-8?Q?Zo=C3=AB_M=C3=BCller?= <zoë@bücher.example>");
            assertThat(ReceivedMail.body(message)).contains("New password: " + PASSWORD + "\r\n");
        }
    }

    @Test
    void a_refused_recipient_is_MAIL_DELIVERY_FAILED() throws Exception {
        try (ScriptedSmtpServer server =
                Fixtures.startTlsRelay().refuseRecipients("gone@locksmith.test").start()) {
            MailException failed = catchThrowableOfType(
                    MailException.class, () -> sendNewPassword(server, "gone@locksmith.test", "Gone"));

            assertThat(failed.reason()).isEqualTo(Reason.MAIL_DELIVERY_FAILED);
            assertThat(failed.parameters()).containsEntry("problem", "recipient refused");
            assertThat(server.received()).isEmpty();
            assertThat(failed).hasMessage("mail delivery failed: recipient refused");
            // The cause keeps the reply code, not the server text (which names the address).
            assertThat(failed.getCause())
                    .hasRootCauseMessage("org.eclipse.angus.mail.smtp.SMTPAddressFailedException: RCPT reply 550");
        }
    }
}
