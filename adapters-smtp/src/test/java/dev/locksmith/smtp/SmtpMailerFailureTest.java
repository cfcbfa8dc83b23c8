package dev.locksmith.smtp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import dev.locksmith.core.domain.EmailAddress;
import dev.locksmith.core.domain.MailException;
import dev.locksmith.core.domain.Reason;
import dev.locksmith.core.domain.Username;
import dev.locksmith.core.port.Mailer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Every way a delivery fails (server down, bad credentials, TLS refused, STARTTLS not offered, silence) becomes
 * {@code MAIL_DELIVERY_FAILED} with its problem, within a bounded time, and neither the exception (message,
 * parameters, causes, stack) nor any log record holds the user's new password or the relay password.
 */
class SmtpMailerFailureTest {

    @RegisterExtension
    static final GreenMailExtension GREEN_MAIL = Fixtures.greenMail();

    private static final String PASSWORD = "Failure-Case-Pässwörd-913";
    /** A failure must surface well within this, given one-second timeouts; it bounds a hang, it does not time speed. */
    private static final Duration BOUND = Duration.ofSeconds(20);

    private static final Duration SHORT = Duration.ofSeconds(1);

    /** Sends a new password that must fail; checks the reason, the problem and that no secret leaked. */
    private static MailException failedDelivery(SmtpSettings settings, String problem) {
        EmailAddress to = Fixtures.freshAddress("failing");
        Fixtures.FailedSend sent = Fixtures.failedNewPassword(settings, to, PASSWORD, BOUND);
        MailException failed = sent.failure();

        assertThat(failed.reason()).isEqualTo(Reason.MAIL_DELIVERY_FAILED);
        assertThat(failed.parameters()).containsExactlyEntriesOf(java.util.Map.of("problem", problem));
        assertThat(failed).hasMessage("mail delivery failed: " + problem);
        assertThat(Fixtures.printed(failed))
                .doesNotContain(PASSWORD)
                .doesNotContain(Fixtures.RELAY_PASSWORD)
                .doesNotContain("wrong-Relay-Pass");
        Fixtures.assertCausesSanitized(failed);
        assertThat(sent.logs())
                .isNotEmpty()
                .noneMatch(text -> text.contains(PASSWORD)
                        || text.contains(Fixtures.RELAY_PASSWORD)
                        || text.contains("wrong-Relay-Pass"));
        assertThat(Fixtures.receivedBy(GREEN_MAIL, to.value())).isEmpty();
        return failed;
    }

    @Test
    void server_down_is_connection_failed() throws IOException {
        failedDelivery(Fixtures.plain(Fixtures.closedPort()).build(), "connection failed");
    }

    @Test
    void server_down_over_smtps_is_connection_failed() throws IOException {
        failedDelivery(Fixtures.smtps(Fixtures.closedPort()).build(), "connection failed");
    }

    @Test
    void wrong_relay_password_is_authentication_failed() {
        MailException failed = failedDelivery(
                Fixtures.smtps(GREEN_MAIL.getSmtps().getPort())
                        .credentials(Fixtures.RELAY_USER, "wrong-Relay-Pass".toCharArray())
                        .build(),
                "authentication failed");

        assertThat(failed.getCause()).hasMessage("jakarta.mail.AuthenticationFailedException: reply 535 5.7.8");
    }

    @Test
    void untrusted_certificate_is_tls_failed() {
        // No trusted certificates configured: the JDK's default trust does not know the test certificate.
        failedDelivery(
                Fixtures.smtpsWithJdkTrust(GREEN_MAIL.getSmtps().getPort()).build(), "tls failed");
    }

    @Test
    void certificate_for_another_host_name_is_tls_failed() {
        // The certificate is trusted but names localhost only, and the relay is addressed as 127.0.0.1.
        failedDelivery(
                Fixtures.smtps(GREEN_MAIL.getSmtps().getPort())
                        .host("127.0.0.1")
                        .build(),
                "tls failed");
    }

    @Test
    void smtps_to_a_plain_smtp_server_is_tls_failed() {
        failedDelivery(Fixtures.smtps(GREEN_MAIL.getSmtp().getPort()).build(), "tls failed");
    }

    @Test
    void starttls_required_but_not_offered_fails_before_authenticating() throws IOException {
        // GreenMail's plain SMTP offers no STARTTLS.
        failedDelivery(Fixtures.startTls(GREEN_MAIL.getSmtp().getPort()).build(), "starttls not offered");

        try (ScriptedSmtpServer server = ScriptedSmtpServer.builder()
                .requireAuthentication(Fixtures.RELAY_USER, Fixtures.RELAY_PASSWORD)
                .start()) {
            failedDelivery(Fixtures.startTls(server.port()).build(), "starttls not offered");
            assertThat(server.commands()).doesNotContain("AUTH ***").noneMatch(c -> c.startsWith("MAIL"));
        }
    }

    @Test
    void a_server_that_accepts_and_never_answers_is_timeout() throws IOException {
        try (SilentServer silent = new SilentServer()) {
            failedDelivery(Fixtures.plain(silent.port()).readTimeout(SHORT).build(), "timeout");
            assertThat(silent.accepted()).isEqualTo(1);
        }
    }

    @Test
    void a_server_whose_connection_queue_is_full_is_timeout() throws IOException {
        // A listener that never accepts, with a backlog of one: once the queue is full the kernel drops new
        // connection attempts, so connecting hangs until the connect timeout.
        try (ServerSocket listener = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            List<Socket> fillers = new CopyOnWriteArrayList<>();
            try {
                boolean full = false;
                for (int i = 0; i < 64 && !full; i++) {
                    Socket probe = new Socket();
                    fillers.add(probe);
                    try {
                        probe.connect(listener.getLocalSocketAddress(), 200);
                    } catch (java.net.SocketTimeoutException e) {
                        full = true;
                    }
                }
                assertThat(full).as("the listener's queue filled up").isTrue();

                failedDelivery(
                        Fixtures.plain(listener.getLocalPort())
                                .connectTimeout(SHORT)
                                .build(),
                        "timeout");
            } finally {
                for (Socket filler : fillers) {
                    filler.close();
                }
            }
        }
    }

    @Test
    void a_server_that_never_completes_the_tls_handshake_is_timeout() throws IOException {
        try (SilentServer silent = new SilentServer()) {
            failedDelivery(Fixtures.smtps(silent.port()).readTimeout(SHORT).build(), "timeout");
        }
    }

    @Test
    void header_injection_fails_before_a_connection_is_attempted_even_when_the_relay_is_down() throws IOException {
        SmtpMailer mailer = new SmtpMailer(Fixtures.plain(Fixtures.closedPort()).build(), Fixtures.CLOCK);

        Throwable refused = catchThrowableOfType(
                RuntimeException.class,
                () -> mailer.sendPasswordChanged(new Mailer.PasswordChanged(
                        EmailAddress.of("x@locksmith.test"),
                        "X\r\nBcc: y@evil.test",
                        Username.of("x"),
                        Fixtures.NOW,
                        true)));

        assertThat(refused).isInstanceOf(dev.locksmith.core.domain.InvalidInputException.class);
    }

    /** A loopback server that accepts connections and never writes a byte. */
    private static final class SilentServer implements AutoCloseable {
        private final ServerSocket listener = new ServerSocket(0, 10, InetAddress.getLoopbackAddress());
        private final List<Socket> held = new CopyOnWriteArrayList<>();
        private final Thread thread = new Thread(this::accept, "silent-smtp");

        SilentServer() throws IOException {
            thread.setDaemon(true);
            thread.start();
        }

        int port() {
            return listener.getLocalPort();
        }

        int accepted() {
            return held.size();
        }

        private void accept() {
            try {
                while (true) {
                    held.add(listener.accept());
                }
            } catch (IOException closed) {
                // close() ends the loop
            }
        }

        @Override
        public void close() throws IOException {
            listener.close();
            for (Socket socket : held) {
                socket.close();
            }
        }
    }
}
