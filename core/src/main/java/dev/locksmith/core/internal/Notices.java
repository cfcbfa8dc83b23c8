package dev.locksmith.core.internal;

import dev.locksmith.core.domain.AuditEvent;
import dev.locksmith.core.domain.LocksmithException;
import dev.locksmith.core.domain.Operation;
import dev.locksmith.core.domain.User;
import dev.locksmith.core.port.Mailer;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;

/** The optional "your password was changed" notice, sent after the commit. Stateless; thread-safe. */
public final class Notices {
    private Notices() {}

    /**
     * Sends the notice when the host turned notices on, mail is configured and the user has an address;
     * otherwise does nothing. Runs after the change committed: a notice that cannot be sent changes nothing,
     * and is recorded in the audit trail ({@code PASSWORD_CHANGED_NOTICE}, FAILED, with the mail reason) as
     * well as logged, so an administrator can see who was not told.
     */
    public static void passwordChanged(Services services, User user, Instant at, boolean bySelf) {
        if (!services.notifyPasswordChanges()
                || !services.mailer().isConfigured()
                || user.profile().email().isEmpty()) {
            return;
        }
        try {
            services.mailer()
                    .sendPasswordChanged(new Mailer.PasswordChanged(
                            user.profile().email().get(), user.profile().publicName(), user.username(), at, bySelf));
        } catch (LocksmithException e) {
            services.recordLater(new AuditEvent(
                    services.clock().instant(),
                    Optional.empty(),
                    Operation.PASSWORD_CHANGED_NOTICE,
                    Optional.of(user.username()),
                    AuditEvent.Outcome.FAILED,
                    e.reason().name(),
                    Map.of("changedAt", at.toString())));
            throw e;
        }
    }
}
