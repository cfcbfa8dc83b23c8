package dev.locksmith.core.port;

import dev.locksmith.core.domain.EmailAddress;
import dev.locksmith.core.domain.MailException;
import dev.locksmith.core.domain.Password;
import dev.locksmith.core.domain.Username;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * Sends mail to users. A send returns once the mail server accepted the message. Thread-safe.
 */
public interface Mailer {

    /** Whether a mail relay is configured; when not, core refuses "email password to user" up front. */
    boolean isConfigured();

    /**
     * Sends the user their new password. The password appears in the message body only.
     *
     * @throws MailException {@code MAIL_NOT_CONFIGURED} or {@code MAIL_DELIVERY_FAILED}
     */
    void sendNewPassword(NewPassword message);

    /**
     * Tells the user their password was changed (no password in it).
     *
     * @throws MailException {@code MAIL_NOT_CONFIGURED} or {@code MAIL_DELIVERY_FAILED}
     */
    void sendPasswordChanged(PasswordChanged message);

    /**
     * Sends the user a one-time password-reset link. The link carries the secret token: it appears in the
     * message body only, never in a header, a log or an exception message. The default refuses, for mailers
     * written before reset links existed.
     *
     * @throws MailException {@code MAIL_NOT_CONFIGURED} (the default), {@code MAIL_DELIVERY_FAILED} or
     *     {@code MAIL_OUTCOME_UNKNOWN}
     */
    default void sendResetLink(ResetLink message) {
        throw MailException.notConfigured();
    }

    /**
     * "Your new password" message.
     *
     * @param to recipient address
     * @param displayName recipient's public display name (may be empty)
     * @param username the login
     * @param password the new password (body only; caller wipes it after sending)
     * @param expiresAt when the temporary password stops working, if it does
     */
    record NewPassword(
            EmailAddress to, String displayName, Username username, Password password, Optional<Instant> expiresAt) {
        public NewPassword {
            Objects.requireNonNull(to, "to");
            Objects.requireNonNull(displayName, "displayName");
            Objects.requireNonNull(username, "username");
            Objects.requireNonNull(password, "password");
            Objects.requireNonNull(expiresAt, "expiresAt");
        }
    }

    /**
     * "Reset your password" message.
     *
     * @param to recipient address
     * @param displayName recipient's public display name (may be empty)
     * @param username the login
     * @param link the one-time link (a secret: body only; {@link #toString()} leaves it out)
     * @param expiresAt when the link stops working
     */
    record ResetLink(EmailAddress to, String displayName, Username username, String link, Instant expiresAt) {
        public ResetLink {
            Objects.requireNonNull(to, "to");
            Objects.requireNonNull(displayName, "displayName");
            Objects.requireNonNull(username, "username");
            Objects.requireNonNull(link, "link");
            Objects.requireNonNull(expiresAt, "expiresAt");
        }

        @Override
        public String toString() {
            return "ResetLink[to=" + to + ", username=" + username + ", expiresAt=" + expiresAt + "]";
        }
    }

    /**
     * "Your password was changed" notice.
     *
     * @param bySelf whether the user changed it themselves (else someone else set it)
     */
    record PasswordChanged(EmailAddress to, String displayName, Username username, Instant at, boolean bySelf) {
        public PasswordChanged {
            Objects.requireNonNull(to, "to");
            Objects.requireNonNull(displayName, "displayName");
            Objects.requireNonNull(username, "username");
            Objects.requireNonNull(at, "at");
        }
    }
}
