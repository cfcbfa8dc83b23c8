package dev.locksmith.smtp;

import com.icegreen.greenmail.configuration.GreenMailConfiguration;
import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetup;
import dev.locksmith.core.domain.EmailAddress;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;
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
        return base().encryption(SmtpSettings.Encryption.SMTPS)
                .port(port)
                .credentials(RELAY_USER, RELAY_PASSWORD.toCharArray())
                .trustCertificates(TestTls.certificate());
    }

    /** STARTTLS with authentication, trusting the test certificate. */
    static SmtpSettings.Builder startTls(int port) {
        return base().encryption(SmtpSettings.Encryption.STARTTLS)
                .port(port)
                .credentials(RELAY_USER, RELAY_PASSWORD.toCharArray())
                .trustCertificates(TestTls.certificate());
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
