package dev.locksmith.core.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.locksmith.core.domain.EmailAddress;
import dev.locksmith.core.domain.MailException;
import dev.locksmith.core.domain.Password;
import dev.locksmith.core.domain.Reason;
import dev.locksmith.core.domain.Username;
import dev.locksmith.core.port.Mailer;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The one "mail not configured" of Locksmith: the mailer a host gets when it gives none. */
class NoMailTest {
    private static final EmailAddress TO = EmailAddress.of("alice@example.com");
    private final NoMail mailer = new NoMail();

    @Test
    void says_it_is_not_configured() {
        assertThat(mailer.isConfigured()).isFalse();
    }

    @Test
    void refuses_a_new_password_with_MAIL_NOT_CONFIGURED_and_leaves_the_password_alone() {
        try (Password password = Password.of("violet lanterns drift east")) {
            MailException refused = catchThrowableOfType(
                    MailException.class,
                    () -> mailer.sendNewPassword(
                            new Mailer.NewPassword(TO, "Alice", Username.of("alice"), password, Optional.empty())));

            assertThat(refused.reason()).isEqualTo(Reason.MAIL_NOT_CONFIGURED);
            assertThat(refused.getMessage()).doesNotContain("violet");
            assertThat(password.isWiped()).as("the caller wipes the password").isFalse();
        }
    }

    @Test
    void refuses_a_password_changed_notice_with_MAIL_NOT_CONFIGURED() {
        MailException refused = catchThrowableOfType(
                MailException.class,
                () -> mailer.sendPasswordChanged(
                        new Mailer.PasswordChanged(TO, "Alice", Username.of("alice"), Instant.EPOCH, true)));

        assertThat(refused.reason()).isEqualTo(Reason.MAIL_NOT_CONFIGURED);
    }
}
