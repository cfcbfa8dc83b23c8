package dev.locksmith.smtp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import dev.locksmith.core.domain.EmailAddress;
import dev.locksmith.core.domain.MailException;
import dev.locksmith.core.domain.Password;
import dev.locksmith.core.domain.Reason;
import dev.locksmith.core.domain.Username;
import dev.locksmith.core.port.Mailer;
import java.io.IOException;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Every send ends by its deadline, and its answer says what the relay may have received: before the message data
 * was complete, {@code MAIL_DELIVERY_FAILED} (nothing sent); after it, a lost or late final reply is
 * {@code MAIL_OUTCOME_UNKNOWN}, never "nothing sent"; a 4xx/5xx reply to the data stays a definite refusal.
 * Against {@link ScriptedSmtpServer}, a real SMTP server on loopback that misbehaves on request.
 */
class SmtpMailerDeadlineTest {

    private static final String PASSWORD = "Deadline-Pässwörd-5521";
    /** Bounds a hang (the assertions fail instead of waiting for ever); it does not time speed. */
    private static final Duration BOUND = Duration.ofSeconds(20);

    /** Plain SMTP to the scripted relay, with the given read timeout and send deadline. */
    private static SmtpSettings settings(ScriptedSmtpServer server, Duration readTimeout, Duration deadline) {
        return Fixtures.base()
                .encryption(SmtpSettings.Encryption.NONE)
                .plaintextToTrustedLocalRelay(true)
                .port(server.port())
                .readTimeout(readTimeout)
                .sendDeadline(deadline)
                .build();
    }

    /** Sends a new password that must fail; checks the reason and problem and that no secret leaked. */
    private static MailException failedSend(SmtpSettings settings, Reason reason, String problem) {
        Fixtures.FailedSend sent =
                Fixtures.failedNewPassword(settings, EmailAddress.of("dee@locksmith.test"), PASSWORD, BOUND);
        MailException failed = sent.failure();

        assertThat(failed.reason()).isEqualTo(reason);
        assertThat(failed.parameters()).containsExactlyEntriesOf(Map.of("problem", problem));
        assertThat(Fixtures.printed(failed)).doesNotContain(PASSWORD);
        Fixtures.assertCausesSanitized(failed);
        assertThat(sent.logs()).isNotEmpty().noneMatch(text -> text.contains(PASSWORD));
        return failed;
    }

    /**
     * Asserts that the mailer closed its connection to {@code tarpit}, not just abandoned it: the tarpit notices
     * within its next drip, well within {@link #BOUND}.
     */
    private static void assertConnectionClosed(ScriptedSmtpServer tarpit) {
        assertTimeoutPreemptively(BOUND, () -> {
            while (!tarpit.dripEnded()) {
                Thread.sleep(50);
            }
        });
    }

    @Test
    void a_tarpit_relay_is_cut_off_at_the_send_deadline_and_nothing_was_sent() throws Exception {
        // Each byte comes well within the read timeout, so only the deadline can end this.
        try (ScriptedSmtpServer tarpit =
                ScriptedSmtpServer.builder().dripGreeting().start()) {
            MailException failed = failedSend(
                    settings(tarpit, Duration.ofSeconds(5), Duration.ofSeconds(2)),
                    Reason.MAIL_DELIVERY_FAILED,
                    "deadline exceeded");

            assertThat(failed).hasMessage("mail delivery failed: deadline exceeded");
            assertThat(failed.getCause()).hasMessageContaining("send deadline of PT2S passed");
            assertConnectionClosed(tarpit);
            assertThat(tarpit.received()).isEmpty();
        }
    }

    @Test
    void a_tarpit_after_starttls_and_authentication_is_cut_off_at_the_send_deadline_too() throws Exception {
        try (ScriptedSmtpServer tarpit = ScriptedSmtpServer.builder()
                .offerStartTls()
                .requireAuthentication(Fixtures.RELAY_USER, Fixtures.RELAY_PASSWORD)
                .dripDataReply()
                .start()) {
            failedSend(
                    Fixtures.startTls(tarpit.port())
                            .readTimeout(Duration.ofSeconds(5))
                            .sendDeadline(Duration.ofSeconds(3))
                            .build(),
                    Reason.MAIL_DELIVERY_FAILED,
                    "deadline exceeded");

            assertThat(tarpit.commands()).containsSubsequence("STARTTLS", "AUTH ***", "DATA");
            assertConnectionClosed(tarpit);
        }
    }

    @Test
    void an_interrupted_caller_stops_waiting_and_keeps_its_interrupt() throws Exception {
        try (ScriptedSmtpServer tarpit =
                ScriptedSmtpServer.builder().dripGreeting().start()) {
            SmtpMailer mailer =
                    new SmtpMailer(settings(tarpit, Duration.ofSeconds(5), Duration.ofSeconds(60)), Fixtures.CLOCK);
            AtomicReference<MailException> failure = new AtomicReference<>();
            AtomicBoolean stillInterrupted = new AtomicBoolean();
            Thread caller = new Thread(() -> {
                try {
                    mailer.sendTestMessage(EmailAddress.of("dee@locksmith.test"));
                } catch (MailException e) {
                    failure.set(e);
                    stillInterrupted.set(Thread.currentThread().isInterrupted());
                }
            });

            caller.start();
            Thread.sleep(500);
            caller.interrupt();
            caller.join(BOUND.toMillis());

            assertThat(caller.isAlive()).isFalse();
            assertThat(failure.get().reason()).isEqualTo(Reason.MAIL_DELIVERY_FAILED);
            assertThat(failure.get().parameters()).containsEntry("problem", "interrupted");
            assertThat(stillInterrupted).isTrue();
        }
    }

    @Test
    void a_connection_dropped_after_the_message_data_is_outcome_unknown() throws IOException {
        try (ScriptedSmtpServer server =
                ScriptedSmtpServer.builder().dropAfterData().start()) {
            MailException unknown = failedSend(
                    settings(server, Duration.ofSeconds(5), Duration.ofSeconds(10)),
                    Reason.MAIL_OUTCOME_UNKNOWN,
                    "reply lost");

            assertThat(unknown).hasMessage("mail outcome unknown: reply lost");
            assertThat(unknown.reason().kind()).isEqualTo(Reason.Kind.OUTCOME_UNKNOWN);
            // The relay did get the whole message: "nothing was sent" would have been false.
            assertThat(server.received()).hasSize(1);
        }
    }

    @ParameterizedTest(name = "reply after {0} s, read timeout {1} s, send deadline {2} s")
    @CsvSource({"4, 10, 2", "3, 1, 15"})
    void a_final_reply_later_than_the_send_deadline_or_the_read_timeout_is_outcome_unknown(
            long replyAfter, long readTimeout, long deadline) throws IOException {
        try (ScriptedSmtpServer server = ScriptedSmtpServer.builder()
                .replyToDataAfter(Duration.ofSeconds(replyAfter))
                .start()) {
            failedSend(
                    settings(server, Duration.ofSeconds(readTimeout), Duration.ofSeconds(deadline)),
                    Reason.MAIL_OUTCOME_UNKNOWN,
                    "reply timeout");

            assertThat(server.received()).hasSize(1);
        }
    }

    @Test
    void a_refusal_of_the_message_data_is_a_definite_delivery_failure() throws IOException {
        try (ScriptedSmtpServer server = ScriptedSmtpServer.builder()
                .replyToData("554 5.7.1 Message rejected as spam")
                .start()) {
            MailException refused = failedSend(
                    settings(server, Duration.ofSeconds(5), Duration.ofSeconds(10)),
                    Reason.MAIL_DELIVERY_FAILED,
                    "message refused");

            assertThat(refused.getCause())
                    .hasMessage("org.eclipse.angus.mail.smtp.SMTPSendFailedException: command reply 554");
        }
    }

    @Test
    void a_slow_final_reply_within_the_deadline_is_a_success() throws Exception {
        try (ScriptedSmtpServer server = ScriptedSmtpServer.builder()
                        .replyToDataAfter(Duration.ofSeconds(1))
                        .start();
                Password password = Password.of(PASSWORD)) {
            SmtpMailer mailer =
                    new SmtpMailer(settings(server, Duration.ofSeconds(5), Duration.ofSeconds(10)), Fixtures.CLOCK);

            assertTimeoutPreemptively(
                    BOUND,
                    () -> mailer.sendNewPassword(new Mailer.NewPassword(
                            EmailAddress.of("dee@locksmith.test"),
                            "Dee",
                            Username.of("dee"),
                            password,
                            Optional.empty())));

            assertThat(server.received()).hasSize(1);
            assertThat(server.commands()).containsSubsequence("DATA", "QUIT");
        }
    }
}
