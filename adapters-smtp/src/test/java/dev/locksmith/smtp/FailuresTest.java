package dev.locksmith.smtp;

import static org.assertj.core.api.Assertions.assertThat;

import dev.locksmith.core.domain.MailException;
import jakarta.mail.AuthenticationFailedException;
import jakarta.mail.MessagingException;
import java.net.SocketTimeoutException;
import org.junit.jupiter.api.Test;

/** The sanitized cause chain keeps codes and JDK texts, and drops server texts that may echo secrets. */
class FailuresTest {

    @Test
    void a_server_reply_that_echoes_credentials_is_reduced_to_its_codes() {
        // A (broken or hostile) server echoing the AUTH line back: base64 of "\0relay\0Relay-Secret".
        String echo = "535 5.7.8 bad credentials <AUTH PLAIN AHJlbGF5AFJlbGF5LVNlY3JldA==>";
        MailException failure = Failures.deliveryFailed(new AuthenticationFailedException(echo));

        assertThat(failure.parameters()).containsEntry("problem", "authentication failed");
        assertThat(failure.getCause()).hasMessage("jakarta.mail.AuthenticationFailedException: reply 535 5.7.8");
        assertThat(Fixtures.printed(failure))
                .doesNotContain("AHJlbGF5AFJlbGF5LVNlY3JldA==")
                .doesNotContain("bad credentials");
    }

    @Test
    void a_mail_library_message_without_reply_code_is_dropped_but_jdk_texts_are_kept() {
        MessagingException failure = new MessagingException(
                "Exception reading response: New password: hunter2", new SocketTimeoutException("Read timed out"));

        MailException translated = Failures.deliveryFailed(failure);

        assertThat(translated.parameters()).containsEntry("problem", "timeout");
        assertThat(translated.getCause())
                .hasMessage("jakarta.mail.MessagingException")
                .hasRootCauseMessage("java.net.SocketTimeoutException: Read timed out");
        assertThat(Fixtures.printed(translated)).doesNotContain("hunter2");
        // The original stack trace is kept for diagnosis.
        assertThat(translated.getCause().getStackTrace()).isEqualTo(failure.getStackTrace());
    }

    @Test
    void an_unrecognized_failure_is_a_server_error() {
        assertThat(Failures.classify(new MessagingException("500 what?"))).isEqualTo(DeliveryProblem.SERVER_ERROR);
    }
}
