package dev.locksmith.smtp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import com.icegreen.greenmail.configuration.GreenMailConfiguration;
import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetup;
import dev.locksmith.core.domain.EmailAddress;
import dev.locksmith.core.domain.InvalidInputException;
import dev.locksmith.core.domain.MailException;
import dev.locksmith.core.domain.Password;
import dev.locksmith.core.domain.Username;
import dev.locksmith.core.port.Mailer;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;

/** Shared test data and servers: a GreenMail with plain SMTP and SMTPS (test certificate), and settings for it. */
final class Fixtures {
    static final String FROM = "noreply@locksmith.test";
    static final String FROM_NAME = "Locksmith Appliance";
    static final String LOGIN_URL = "https://appliance.example/login";
    static final String RELAY_USER = "relay";
    static final String RELAY_PASSWORD = "relay-Secret-7781";
    static final Instant NOW = Instant.parse("2026-11-28T10:15:30Z");
    /** When the temporary passwords of the tests' messages expire. */
    static final Instant EXPIRES = Instant.parse("2026-12-01T10:15:30Z");

    static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);
    static final Duration TIMEOUT = Duration.ofSeconds(5);

    static {
        // GreenMail's SMTPS threads end with an uncaught exception when a client refuses their certificate, which
        // the TLS failure tests make happen on purpose: kept off the build's output. Any other uncaught exception
        // still goes where it went.
        Thread.UncaughtExceptionHandler previous = Thread.getDefaultUncaughtExceptionHandler();
        Thread.setDefaultUncaughtExceptionHandler((thread, failure) -> {
            if (thread.getName().startsWith("smtps:") && hasSslCause(failure)) {
                return;
            }
            if (previous != null) {
                previous.uncaughtException(thread, failure);
            } else {
                thread.getThreadGroup().uncaughtException(thread, failure);
            }
        });
    }

    private Fixtures() {}

    private static boolean hasSslCause(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof javax.net.ssl.SSLException) {
                return true;
            }
        }
        return false;
    }

    /** One GreenMail per test class, with plain SMTP and SMTPS on free ports and the relay account. */
    static GreenMailExtension greenMail() {
        TestTls.installForGreenMail();
        ServerSetup smtp = new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_SMTP);
        ServerSetup smtps = new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_SMTPS);
        return new GreenMailExtension(new ServerSetup[] {smtp, smtps})
                .withConfiguration(
                        GreenMailConfiguration.aConfig().withUser("relay@locksmith.test", RELAY_USER, RELAY_PASSWORD))
                .withPerMethodLifecycle(false);
    }

    /** Settings every test starts from: sender, login URL, short timeouts, a fixed EHLO name. */
    static SmtpSettings.Builder base() {
        return SmtpSettings.builder()
                .fromAddress(FROM)
                .fromName(FROM_NAME)
                .host("localhost")
                .loginUrl(LOGIN_URL)
                .timeouts(TIMEOUT)
                .heloName("client.locksmith.test");
    }

    /** Plain SMTP with authentication (allowed explicitly: a relay on loopback is a trusted local one). */
    static SmtpSettings.Builder plain(int port) {
        return base().encryption(SmtpSettings.Encryption.NONE)
                .plaintextToTrustedLocalRelay(true)
                .port(port)
                .credentials(RELAY_USER, RELAY_PASSWORD.toCharArray())
                .allowPlaintextAuthentication(true);
    }

    /** SMTPS with authentication, trusting the test certificate. */
    static SmtpSettings.Builder smtps(int port) {
        return smtpsWithJdkTrust(port).trustCertificates(TestTls.certificate());
    }

    /** SMTPS with authentication and the JDK's default trust, which refuses the self-signed test certificate. */
    static SmtpSettings.Builder smtpsWithJdkTrust(int port) {
        return jdkTrust(SmtpSettings.Encryption.SMTPS, port);
    }

    /** STARTTLS with authentication, trusting the test certificate. */
    static SmtpSettings.Builder startTls(int port) {
        return jdkTrust(SmtpSettings.Encryption.STARTTLS, port).trustCertificates(TestTls.certificate());
    }

    /**
     * TLS ({@code encryption}) with authentication and the JDK's default trust, which does not know the
     * self-signed test certificate.
     */
    static SmtpSettings.Builder jdkTrust(SmtpSettings.Encryption encryption, int port) {
        return base().encryption(encryption).port(port).credentials(RELAY_USER, RELAY_PASSWORD.toCharArray());
    }

    /** A scripted relay that offers STARTTLS and wants the relay account, as {@link #startTls} settings expect. */
    static ScriptedSmtpServer.Builder startTlsRelay() {
        return ScriptedSmtpServer.builder().offerStartTls().requireAuthentication(RELAY_USER, RELAY_PASSWORD);
    }

    /**
     * The body of "Your new password" with the expiry {@link #EXPIRES}, exactly as the mailer writes it (every line
     * ending in CR LF).
     */
    static String newPasswordBody(String greeting, String username, String password) {
        return greeting + "\r\n"
                + "\r\n"
                + "A new password was set for your account.\r\n"
                + "\r\n"
                + "Username: " + username + "\r\n"
                + "New password: " + password + "\r\n"
                + "\r\n"
                + "You must change this password the next time you log in.\r\n"
                + "It expires on Tuesday 1 December 2026, 10:15 UTC (2026-12-01T10:15:30Z).\r\n"
                + "\r\n"
                + "Log in at: https://appliance.example/login\r\n"
                + "\r\n"
                + "If you did not expect this message, tell your administrator.\r\n";
    }

    /** What a send that had to fail left: its exception and the texts logged meanwhile. */
    record FailedSend(MailException failure, List<String> logs) {}

    /**
     * Sends {@code password} in a new-password message to {@code to} through {@code settings}; the send must fail
     * within {@code bound}, which bounds a hang and times no speed. Returns the failure and what was logged.
     */
    static FailedSend failedNewPassword(SmtpSettings settings, EmailAddress to, String password, Duration bound) {
        SmtpMailer mailer = new SmtpMailer(settings, CLOCK);
        try (LogCapture logs = new LogCapture();
                Password secret = Password.of(password)) {
            MailException failed = assertTimeoutPreemptively(
                    bound,
                    () -> catchThrowableOfType(
                            MailException.class,
                            () -> mailer.sendNewPassword(new Mailer.NewPassword(
                                    to, "Fay Lure", Username.of("fay"), secret, Optional.empty()))));
            assertThat(failed).as("a MailException").isNotNull();
            return new FailedSend(failed, logs.texts());
        }
    }

    /** The field that {@code builder.build()} refuses (asserting that it does). */
    static String refusedField(SmtpSettings.Builder builder) {
        InvalidInputException refused = catchThrowableOfType(InvalidInputException.class, builder::build);
        assertThat(refused).as("build() refuses").isNotNull();
        return refused.field();
    }

    /** A failure as {@code printStackTrace} prints it, causes and all. */
    static String printed(Throwable failure) {
        StringWriter out = new StringWriter();
        failure.printStackTrace(new PrintWriter(out));
        return out.toString();
    }

    /** No mail-library exception crosses the port: every cause of {@code failure} is a sanitized copy. */
    static void assertCausesSanitized(Throwable failure) {
        for (Throwable cause = failure.getCause(); cause != null; cause = cause.getCause()) {
            assertThat(cause).isInstanceOf(MailFailure.class);
        }
    }

    static EmailAddress freshAddress(String prefix) {
        return EmailAddress.of(prefix + "-" + UUID.randomUUID().toString().substring(0, 8) + "@locksmith.test");
    }

    /** The messages GreenMail received whose To header names {@code address}. */
    static List<MimeMessage> receivedBy(GreenMailExtension greenMail, String address) {
        return Arrays.stream(greenMail.getReceivedMessages())
                .filter(message -> Arrays.stream(ReceivedMail.addresses(message, "To"))
                        .map(InternetAddress::getAddress)
                        .anyMatch(address::equalsIgnoreCase))
                .collect(Collectors.toList());
    }

    /** A loopback port with nothing listening on it (bound, then released). */
    static int closedPort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }
}
