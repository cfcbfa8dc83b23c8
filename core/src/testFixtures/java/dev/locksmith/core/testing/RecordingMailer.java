package dev.locksmith.core.testing;

import dev.locksmith.core.domain.EmailAddress;
import dev.locksmith.core.domain.InvalidInputException;
import dev.locksmith.core.domain.MailException;
import dev.locksmith.core.domain.Username;
import dev.locksmith.core.port.Mailer;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * {@link Mailer} that records what it was asked to send. The password of a "new password" message is copied
 * at send time, because core wipes it afterwards. It can be switched to "not configured" (sends then throw
 * {@code MAIL_NOT_CONFIGURED}) or to failing delivery ({@code MAIL_DELIVERY_FAILED}, nothing recorded).
 * Thread-safe.
 */
public final class RecordingMailer implements Mailer {

    /** A recorded "your new password" message. */
    public record SentNewPassword(
            EmailAddress to, String displayName, Username username, String password, Optional<Instant> expiresAt) {
        @Override
        public String toString() {
            // the recorder is test code, but keep its own promise: no password in toString
            return "SentNewPassword[to=" + to + ", username=" + username + ", expiresAt=" + expiresAt + "]";
        }
    }

    private final List<SentNewPassword> newPasswords = new CopyOnWriteArrayList<>();
    private final List<PasswordChanged> passwordChanged = new CopyOnWriteArrayList<>();
    private final List<ResetLink> resetLinks = new CopyOnWriteArrayList<>();
    private volatile boolean configured = true;
    private volatile boolean failing;

    /** Makes the mailer report itself as not configured (or configured again). */
    public RecordingMailer configured(boolean value) {
        configured = value;
        return this;
    }

    /** Makes every send fail with {@code MAIL_DELIVERY_FAILED} (or succeed again). */
    public RecordingMailer failDelivery(boolean value) {
        failing = value;
        return this;
    }

    @Override
    public boolean isConfigured() {
        return configured;
    }

    @Override
    public void sendNewPassword(NewPassword message) {
        InvalidInputException.requireNonNull(message, "message");
        check();
        char[] chars = message.password().toCharArray();
        try {
            newPasswords.add(new SentNewPassword(
                    message.to(), message.displayName(), message.username(), new String(chars), message.expiresAt()));
        } finally {
            Arrays.fill(chars, '\0');
        }
    }

    @Override
    public void sendPasswordChanged(PasswordChanged message) {
        InvalidInputException.requireNonNull(message, "message");
        check();
        passwordChanged.add(Objects.requireNonNull(message));
    }

    @Override
    public void sendResetLink(ResetLink message) {
        InvalidInputException.requireNonNull(message, "message");
        check();
        resetLinks.add(message);
    }

    /** Every "reset link" message sent, oldest first. */
    public List<ResetLink> resetLinks() {
        return List.copyOf(resetLinks);
    }

    /** Every "new password" message sent, oldest first. */
    public List<SentNewPassword> newPasswords() {
        return List.copyOf(newPasswords);
    }

    /** Every "password changed" notice sent, oldest first. */
    public List<PasswordChanged> passwordChangedNotices() {
        return List.copyOf(passwordChanged);
    }

    private void check() {
        if (!configured) {
            throw MailException.notConfigured();
        }
        if (failing) {
            throw MailException.deliveryFailed("simulated delivery failure", null);
        }
    }
}
