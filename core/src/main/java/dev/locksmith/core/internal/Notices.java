package dev.locksmith.core.internal;

import dev.locksmith.core.domain.User;
import dev.locksmith.core.port.Mailer;

import java.time.Instant;

/** The optional "your password was changed" notice, sent after the commit. Stateless; thread-safe. */
public final class Notices {
    private Notices() {
    }

    /**
     * Sends the notice when the host turned notices on, mail is configured and the user has an address;
     * otherwise does nothing. Failures propagate to the caller ({@link Services#run} logs them).
     */
    public static void passwordChanged(Services services, User user, Instant at, boolean bySelf) {
        if (!services.notifyPasswordChanges() || !services.mailer().isConfigured() || user.profile().email().isEmpty()) {
            return;
        }
        services.mailer().sendPasswordChanged(new Mailer.PasswordChanged(user.profile().email().get(),
                user.profile().publicName(), user.username(), at, bySelf));
    }
}
