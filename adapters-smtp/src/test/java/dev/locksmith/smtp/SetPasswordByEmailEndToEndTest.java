package dev.locksmith.smtp;

import static dev.locksmith.core.testing.TestUsers.aUser;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import dev.locksmith.core.domain.AuditEvent;
import dev.locksmith.core.domain.MailException;
import dev.locksmith.core.domain.Operation;
import dev.locksmith.core.domain.Password;
import dev.locksmith.core.domain.Reason;
import dev.locksmith.core.domain.User;
import dev.locksmith.core.domain.Username;
import dev.locksmith.core.testing.InMemoryDatabase;
import dev.locksmith.core.testing.LocksmithFixture;
import dev.locksmith.core.usecase.OpenChangePasswordForm;
import dev.locksmith.core.usecase.SetPassword;
import jakarta.mail.internet.MimeMessage;
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
 * "Set a user's password" with "email password to user", end to end through core's use case and the real
 * SMTP adapter: on success the user receives the password and must change it; on every kind of delivery
 * failure the password, the must-change flag and the failed-login count stay as they were, and the failure
 * is audited.
 */
class SetPasswordByEmailEndToEndTest {

    @RegisterExtension
    static final GreenMailExtension GREEN_MAIL = Fixtures.greenMail();

    private static final String NEW_PASSWORD = "violet lanterns drift east";

    /** A representative and a locked-out user with an address, on the in-memory stores, mailing through {@code mailer}. */
    private static LocksmithFixture fixtureMailingThrough(SmtpMailer mailer, String address) {
        LocksmithFixture fixture = LocksmithFixture.create(builder -> builder.mailer(mailer));
        fixture.given(aUser().named("rep").privileged());
        fixture.given(aUser().named("alice")
                .displayName("Alice Liddell")
                .email(address)
                .failedLogins(3));
        return fixture;
    }

    private static SetPassword.Command emailTo(String target) {
        return new SetPassword.Command(Username.of("rep"), Username.of(target), Password.of(NEW_PASSWORD), true, false);
    }

    @Test
    void the_user_receives_the_new_password_and_must_change_it() throws Exception {
        String address = Fixtures.freshAddress("alice").value();
        LocksmithFixture fixture = fixtureMailingThrough(
                new SmtpMailer(Fixtures.smtps(GREEN_MAIL.getSmtps().getPort()).build(), Fixtures.CLOCK), address);

        SetPassword.Result result = fixture.locksmith().setPassword().execute(emailTo("alice"));

        assertThat(result.emailed()).isTrue();
        assertThat(result.mustChangePassword()).isTrue();
        User alice = fixture.user("alice");
        assertThat(alice.mustChangePassword()).isTrue();
        assertThat(alice.failedLogins()).isZero();
        try (Password typed = Password.of(NEW_PASSWORD)) {
            assertThat(fixture.hasher().verify(typed, alice.passwordHash().orElseThrow()))
                    .isTrue();
        }
        List<MimeMessage> received = Fixtures.receivedBy(GREEN_MAIL, address);
        assertThat(received).hasSize(1);
        assertThat(ReceivedMail.body(received.get(0))).contains(NEW_PASSWORD).contains("alice");
        assertThat(received.get(0).getSubject()).doesNotContain(NEW_PASSWORD);
        assertThat(fixture.auditEvents()).last().satisfies(event -> {
            assertThat(event.action()).isEqualTo(Operation.SET_PASSWORD);
            assertThat(event.outcome()).isEqualTo(AuditEvent.Outcome.SUCCESS);
        });
    }

    @Test
    void the_form_offers_email_password_since_an_smtp_mailer_always_names_a_relay() {
        // A host without a relay gives no mailer at all; one with a relay, an SmtpMailer, which core trusts.
        LocksmithFixture fixture = fixtureMailingThrough(
                new SmtpMailer(Fixtures.smtps(GREEN_MAIL.getSmtps().getPort()).build(), Fixtures.CLOCK),
                Fixtures.freshAddress("alice").value());

        OpenChangePasswordForm.Result form = fixture.locksmith()
                .openChangePasswordForm()
                .execute(new OpenChangePasswordForm.Command(Username.of("rep"), Username.of("alice")));

        assertThat(form.emailPasswordOffered()).isTrue();
    }

    @Test
    void server_down_changes_nothing() throws IOException {
        assertDeliveryFailureChangesNothing(
                Fixtures.plain(Fixtures.closedPort()).build(), "connection failed");
    }

    @Test
    void wrong_relay_credentials_change_nothing() {
        assertDeliveryFailureChangesNothing(
                Fixtures.smtps(GREEN_MAIL.getSmtps().getPort())
                        .credentials(Fixtures.RELAY_USER, "wrong-Relay-Pass".toCharArray())
                        .build(),
                "authentication failed");
    }

    @Test
    void untrusted_certificate_changes_nothing() {
        assertDeliveryFailureChangesNothing(
                Fixtures.smtpsWithJdkTrust(GREEN_MAIL.getSmtps().getPort()).build(), "tls failed");
    }

    @Test
    void a_silent_server_times_out_and_changes_nothing() throws IOException {
        try (ServerSocket listener = new ServerSocket(0, 10, InetAddress.getLoopbackAddress())) {
            List<Socket> held = new CopyOnWriteArrayList<>();
            Thread acceptor = new Thread(
                    () -> {
                        try {
                            while (true) {
                                held.add(listener.accept());
                            }
                        } catch (IOException closed) {
                            // the listener was closed: the test is over
                        }
                    },
                    "silent-smtp");
            acceptor.setDaemon(true);
            acceptor.start();
            try {
                assertDeliveryFailureChangesNothing(
                        Fixtures.plain(listener.getLocalPort())
                                .readTimeout(Duration.ofSeconds(1))
                                .build(),
                        "timeout");
            } finally {
                for (Socket socket : held) {
                    socket.close();
                }
            }
        }
    }

    @Test
    void a_refused_recipient_changes_nothing() throws IOException {
        try (ScriptedSmtpServer server =
                Fixtures.startTlsRelay().refuseRecipients("gone@locksmith.test").start()) {
            assertDeliveryFailureChangesNothing(
                    Fixtures.startTls(server.port()).build(), "recipient refused", "gone@locksmith.test");
            assertThat(server.received()).isEmpty();
        }
    }

    @Test
    void a_tarpit_relay_ends_by_the_send_deadline_and_changes_nothing() throws IOException {
        try (ScriptedSmtpServer tarpit =
                ScriptedSmtpServer.builder().dripGreeting().start()) {
            assertDeliveryFailureChangesNothing(
                    Fixtures.plain(tarpit.port())
                            .readTimeout(Duration.ofSeconds(5))
                            .sendDeadline(Duration.ofSeconds(2))
                            .build(),
                    "deadline exceeded");
        }
    }

    @Test
    void a_relay_that_drops_the_connection_after_the_data_is_answered_as_an_unknown_outcome() throws IOException {
        try (ScriptedSmtpServer server =
                ScriptedSmtpServer.builder().dropAfterData().start()) {
            LocksmithFixture fixture = fixtureMailingThrough(
                    new SmtpMailer(
                            Fixtures.base()
                                    .encryption(SmtpSettings.Encryption.NONE)
                                    .plaintextToTrustedLocalRelay(true)
                                    .port(server.port())
                                    .build(),
                            Fixtures.CLOCK),
                    Fixtures.freshAddress("alice").value());

            MailException unknown = catchThrowableOfType(
                    MailException.class, () -> fixture.locksmith().setPassword().execute(emailTo("alice")));

            // The relay has the message: the caller is never told that nothing was sent.
            assertThat(server.received()).hasSize(1);
            assertThat(unknown.reason()).isEqualTo(Reason.MAIL_OUTCOME_UNKNOWN);
            assertThat(unknown.parameters()).containsEntry("problem", "reply lost");
            assertThat(fixture.auditEvents())
                    .last()
                    .satisfies(event -> assertThat(event.code()).isEqualTo(Reason.MAIL_OUTCOME_UNKNOWN.name()));
        }
    }

    private static void assertDeliveryFailureChangesNothing(SmtpSettings settings, String problem) {
        assertDeliveryFailureChangesNothing(
                settings, problem, Fixtures.freshAddress("alice").value());
    }

    private static void assertDeliveryFailureChangesNothing(SmtpSettings settings, String problem, String address) {
        LocksmithFixture fixture = fixtureMailingThrough(new SmtpMailer(settings, Fixtures.CLOCK), address);
        User before = fixture.user("alice");
        InMemoryDatabase.State stateBefore = fixture.database().state().withoutAudit();
        int eventsBefore = fixture.auditEvents().size();

        MailException failed = catchThrowableOfType(
                MailException.class, () -> fixture.locksmith().setPassword().execute(emailTo("alice")));

        assertThat(failed).isNotNull();
        assertThat(failed.reason()).isEqualTo(Reason.MAIL_DELIVERY_FAILED);
        assertThat(failed.parameters()).containsEntry("problem", problem);
        User after = fixture.user("alice");
        assertThat(after.passwordHash()).isEqualTo(before.passwordHash());
        assertThat(after.mustChangePassword())
                .isEqualTo(before.mustChangePassword())
                .isFalse();
        assertThat(after.failedLogins()).isEqualTo(3);
        assertThat(after.version()).isEqualTo(before.version());
        assertThat(fixture.history().recent(Username.of("alice"), 24)).isEmpty();
        List<AuditEvent> events = fixture.auditEvents();
        assertThat(events).hasSize(eventsBefore + 1);
        assertThat(events).last().satisfies(event -> {
            assertThat(event.action()).isEqualTo(Operation.SET_PASSWORD);
            assertThat(event.outcome()).isEqualTo(AuditEvent.Outcome.FAILED);
            assertThat(event.code()).isEqualTo(Reason.MAIL_DELIVERY_FAILED.name());
            assertThat(event.target()).contains(Username.of("alice"));
            assertThat(event.toString()).doesNotContain(NEW_PASSWORD);
        });
        assertThat(fixture.database().state().withoutAudit()).isEqualTo(stateBefore);
    }
}
