package dev.locksmith.core.testing.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.locksmith.core.domain.EmailAddress;
import dev.locksmith.core.domain.LocksmithException;
import dev.locksmith.core.domain.MailException;
import dev.locksmith.core.domain.Password;
import dev.locksmith.core.domain.Reason;
import dev.locksmith.core.domain.Username;
import dev.locksmith.core.port.Mailer;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Test;

/**
 * The contract of core's {@link Mailer} port, tested only for what its Javadoc promises: a configured mailer
 * says so and a send returns once the message was accepted; the new password is in the body and in no header;
 * a "password changed" notice is delivered; a failed delivery is {@code MAIL_DELIVERY_FAILED} and no exception carries the
 * password; the caller's password is not wiped by the mailer (the caller wipes it); the mailer is thread-safe.
 *
 * <p>Subclasses supply the mailers and a way to read back what reached an address: a recording fake reads its
 * records, an SMTP adapter reads a real mail server's mailbox. Each test uses fresh addresses, so the
 * subclass may share one server between tests.
 */
public abstract class MailerContract {

    /**
     * What the contract can see of one delivered message.
     *
     * @param subject the subject, decoded
     * @param headers every header field as {@code "Name: value"}, both as received and decoded (RFC 2047)
     * @param body the body text, decoded
     */
    public record DeliveredMail(String subject, List<String> headers, String body) {
        public DeliveredMail {
            Objects.requireNonNull(subject, "subject");
            headers = List.copyOf(headers);
            Objects.requireNonNull(body, "body");
        }
    }

    /** A configured mailer whose deliveries {@link #deliveredTo} can read back. */
    protected abstract Mailer mailer();

    /** A configured mailer whose deliveries fail (its server is down or refuses the message). */
    protected abstract Mailer failingMailer();

    /** The messages delivered so far to {@code address} by {@link #mailer()}, oldest first. */
    protected abstract List<DeliveredMail> deliveredTo(EmailAddress address);

    // A password that cannot occur in a message by accident, with characters that need encoding in a header.
    private static final String SECRET = "Zq7-Vault_Ünïcødé-密码-✓-" + "x9Kp";

    private static EmailAddress freshAddress() {
        return EmailAddress.of("u" + UUID.randomUUID().toString().substring(0, 12) + "@locksmith.test");
    }

    private static Mailer.NewPassword newPassword(EmailAddress to, Password password, Optional<Instant> expiresAt) {
        return new Mailer.NewPassword(to, "Contract User", Username.of("contract.user"), password, expiresAt);
    }

    private static String text(Password password) {
        return new String(password.toCharArray());
    }

    /** A "your password was changed" notice for someone. */
    private static Mailer.PasswordChanged changed(EmailAddress to, boolean bySelf) {
        return new Mailer.PasswordChanged(to, "", Username.of("someone"), Instant.now(), bySelf);
    }

    /** Asserts that {@code send} throws a {@link MailException} for {@code reason}; returns it. */
    private static MailException refusedWith(Reason reason, ThrowingCallable send) {
        MailException refused = catchThrowableOfType(MailException.class, send);
        assertThat(refused).isNotNull();
        assertThat(refused.reason()).isEqualTo(reason);
        return refused;
    }

    @Test
    void a_configured_mailer_says_it_is_configured() {
        assertThat(mailer().isConfigured()).isTrue();
    }

    @Test
    void new_password_is_delivered_to_its_recipient_when_the_send_returns() {
        EmailAddress to = freshAddress();
        try (Password password = Password.of(SECRET)) {
            mailer().sendNewPassword(newPassword(to, password, Optional.empty()));
        }

        assertThat(deliveredTo(to)).hasSize(1);
    }

    @Test
    void new_password_is_in_the_body_and_in_no_header() {
        EmailAddress to = freshAddress();
        String expected;
        try (Password password = Password.of(SECRET)) {
            expected = text(password);
            mailer().sendNewPassword(newPassword(to, password, Optional.of(Instant.parse("2030-01-02T03:04:05Z"))));
        }

        DeliveredMail mail = deliveredTo(to).get(0);
        assertThat(mail.body()).contains(expected);
        assertThat(mail.subject()).doesNotContain(expected);
        assertThat(mail.headers()).isNotEmpty().noneMatch(header -> header.contains(expected));
    }

    @Test
    void new_password_without_expiry_is_delivered_too() {
        EmailAddress to = freshAddress();
        String expected;
        try (Password password = Password.of("plain-ascii-password-for-contract")) {
            expected = text(password);
            mailer().sendNewPassword(newPassword(to, password, Optional.empty()));
        }

        assertThat(deliveredTo(to))
                .singleElement()
                .satisfies(mail -> assertThat(mail.body()).contains(expected));
    }

    @Test
    void sending_leaves_the_password_to_the_caller_to_wipe() {
        EmailAddress to = freshAddress();
        Password password = Password.of(SECRET);

        mailer().sendNewPassword(newPassword(to, password, Optional.empty()));

        assertThat(password.isWiped()).isFalse();
        assertThat(text(password)).isEqualTo(SECRET);
        password.wipe();
    }

    @Test
    void password_changed_notice_is_delivered_whoever_changed_it() {
        EmailAddress self = freshAddress();
        EmailAddress other = freshAddress();
        Instant at = Instant.parse("2030-05-06T07:08:09Z");

        mailer().sendPasswordChanged(new Mailer.PasswordChanged(self, "Self Changer", Username.of("self"), at, true));
        mailer().sendPasswordChanged(new Mailer.PasswordChanged(other, "", Username.of("other"), at, false));

        assertThat(deliveredTo(self)).hasSize(1);
        assertThat(deliveredTo(other)).hasSize(1);
    }

    @Test
    void each_message_reaches_only_its_own_recipient() {
        EmailAddress first = freshAddress();
        EmailAddress second = freshAddress();
        EmailAddress bystander = freshAddress();
        String firstText;
        try (Password one = Password.of("first-recipient-password-1");
                Password two = Password.of("second-recipient-password-2")) {
            firstText = text(one);
            mailer().sendNewPassword(newPassword(first, one, Optional.empty()));
            mailer().sendNewPassword(newPassword(second, two, Optional.empty()));
        }

        assertThat(deliveredTo(first))
                .singleElement()
                .satisfies(mail -> assertThat(mail.body()).contains(firstText));
        assertThat(deliveredTo(second))
                .singleElement()
                .satisfies(mail -> assertThat(mail.body()).doesNotContain(firstText));
        assertThat(deliveredTo(bystander)).isEmpty();
    }

    @Test
    void a_failed_delivery_is_MAIL_DELIVERY_FAILED_and_carries_no_password() {
        EmailAddress to = freshAddress();
        MailException failed;
        String secret;
        try (Password password = Password.of(SECRET)) {
            secret = text(password);
            failed = refusedWith(
                    Reason.MAIL_DELIVERY_FAILED,
                    () -> failingMailer().sendNewPassword(newPassword(to, password, Optional.empty())));
        }

        assertThat(everythingPrintedAbout(failed)).doesNotContain(secret);
        assertThat(failed.parameters().values()).noneMatch(value -> value.contains(secret));
    }

    @Test
    void a_failed_password_changed_notice_is_MAIL_DELIVERY_FAILED() {
        EmailAddress to = freshAddress();

        refusedWith(Reason.MAIL_DELIVERY_FAILED, () -> failingMailer().sendPasswordChanged(changed(to, false)));
    }

    @Test
    void concurrent_sends_are_all_delivered() throws Exception {
        int senders = 6;
        List<EmailAddress> addresses = new ArrayList<>();
        List<Callable<Void>> sends = new ArrayList<>();
        Mailer mailer = mailer();
        for (int i = 0; i < senders; i++) {
            EmailAddress to = freshAddress();
            addresses.add(to);
            String secret = "concurrent-password-number-" + i;
            sends.add(() -> {
                try (Password password = Password.of(secret)) {
                    mailer.sendNewPassword(newPassword(to, password, Optional.empty()));
                }
                return null;
            });
        }
        ExecutorService pool = Executors.newFixedThreadPool(senders);
        try {
            for (Future<Void> done : pool.invokeAll(sends)) {
                done.get();
            }
        } finally {
            pool.shutdownNow();
            assertThat(pool.awaitTermination(30, TimeUnit.SECONDS)).isTrue();
        }

        for (int i = 0; i < senders; i++) {
            String secret = "concurrent-password-number-" + i;
            assertThat(deliveredTo(addresses.get(i)))
                    .singleElement()
                    .satisfies(mail -> assertThat(mail.body()).contains(secret));
        }
    }

    /** The exception's whole printed form: messages, causes, suppressed exceptions and their stack traces. */
    protected static String everythingPrintedAbout(LocksmithException failure) {
        StringWriter out = new StringWriter();
        failure.printStackTrace(new PrintWriter(out));
        return out.toString() + failure;
    }
}
