package dev.locksmith.core.internal;

import dev.locksmith.core.domain.AuditEvent;
import dev.locksmith.core.domain.LocksmithException;
import dev.locksmith.core.domain.Operation;
import dev.locksmith.core.domain.User;
import dev.locksmith.core.port.Mailer;
import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;

/** The optional "your password was changed" notice, sent after the commit. Thread-safe. */
public final class Notices {
    private final Mailer mailer;
    private final boolean enabled;
    private final AuditBacklog backlog;
    private final Clock clock;

    /**
     * @param enabled whether the host asked for the notices
     * @param backlog where a notice that could not be sent is audited
     */
    public Notices(Mailer mailer, boolean enabled, AuditBacklog backlog, Clock clock) {
        this.mailer = mailer;
        this.enabled = enabled;
        this.backlog = backlog;
        this.clock = clock;
    }

    /**
     * Sends the notice when the host turned notices on, mail is configured and the user has an address;
     * otherwise does nothing. Runs after the change committed: a notice that cannot be sent changes nothing,
     * and is recorded in the audit trail ({@code PASSWORD_CHANGED_NOTICE}, FAILED, with the mail reason) as
     * well as logged, so an administrator can see who was not told.
     */
    public void passwordChanged(User user, Instant at, boolean bySelf) {
        if (!enabled || !mailer.isConfigured() || user.profile().email().isEmpty()) {
            return;
        }
        try {
            mailer.sendPasswordChanged(new Mailer.PasswordChanged(
                    user.profile().email().get(), user.profile().publicName(), user.username(), at, bySelf));
        } catch (LocksmithException e) {
            backlog.recordLater(new AuditEvent(
                    clock.instant(),
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
