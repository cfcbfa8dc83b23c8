package dev.locksmith.core.usecase;

import dev.locksmith.core.domain.AccessDeniedException;
import dev.locksmith.core.domain.AuditEvent;
import dev.locksmith.core.domain.Authorization;
import dev.locksmith.core.domain.InvalidInputException;
import dev.locksmith.core.domain.Password;
import dev.locksmith.core.domain.PasswordHash;
import dev.locksmith.core.domain.PasswordPolicy;
import dev.locksmith.core.domain.Reason;
import dev.locksmith.core.domain.User;
import dev.locksmith.core.domain.Username;
import dev.locksmith.core.internal.Notices;
import dev.locksmith.core.internal.PasswordChecks;
import dev.locksmith.core.internal.Services;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * A local user changes their own password, giving the current one. The new one must differ from the
 * current one (always) and from the policy's history, and pass the rest of the policy. Clears "must
 * change", the temporary-password expiry, the failed-login count and any lock. A wrong current password (or
 * an expired temporary one) is denied and audited; it does not count as a failed login. Thread-safe.
 */
public final class ChangeOwnPassword {
    private final Services services;

    /** Obtained from {@code Locksmith#changeOwnPassword()}; the constructor is not API. */
    @SuppressWarnings("exports")
    public ChangeOwnPassword(Services services) {
        this.services = Objects.requireNonNull(services, "services");
    }

    /**
     * The request. Ownership of both passwords passes to the use case, which wipes them when it returns or
     * throws.
     */
    public record Command(Username actor, Password currentPassword, Password newPassword) {
        public Command {
            InvalidInputException.requireNonNull(actor, "actor");
            InvalidInputException.requireNonNull(currentPassword, "currentPassword");
            InvalidInputException.requireNonNull(newPassword, "newPassword");
        }
    }

    /**
     * Changes the password.
     *
     * @throws AccessDeniedException {@code DENIED_NOT_LOCAL} for provider users,
     *     {@code DENIED_WRONG_CURRENT_PASSWORD} when the current password does not verify
     * @throws dev.locksmith.core.domain.PolicyViolationException with every violation
     */
    public void execute(Command command) {
        InvalidInputException.requireNonNull(command, "command");
        try {
            services.run(AuditEvent.Action.CHANGE_OWN_PASSWORD, Optional.of(command.actor()), Optional.of(command.actor()),
                    run -> {
                        Authorization.Actor actor = services.requireActor(command.actor(), Authorization.Action.CHANGE_OWN_PASSWORD);
                        User user = actor.user();
                        Instant now = run.now();
                        PasswordHash current = user.passwordHash().orElseThrow();
                        // An expired temporary password no longer counts as the current password.
                        if (!services.hasher().verify(command.currentPassword(), current) || user.temporaryPasswordExpiredAt(now)) {
                            throw new AccessDeniedException(Reason.DENIED_WRONG_CURRENT_PASSWORD,
                                    "the current password is wrong", java.util.Map.of("action", "CHANGE_OWN_PASSWORD"));
                        }
                        PasswordPolicy policy = services.policy();
                        services.checks().require(command.newPassword(), policy, user.username(), user.profile(),
                                Optional.of(current), PasswordChecks.History.CURRENT_AND_POLICY);
                        PasswordHash hash = services.hasher().hash(command.newPassword());
                        services.history().push(user.username(), current, now);
                        User updated = services.users().update(user.passwordChangedBySelf(hash, now));
                        run.afterCommit(() -> Notices.passwordChanged(services, updated, now, true));
                        return null;
                    });
        } finally {
            command.currentPassword().wipe();
            command.newPassword().wipe();
        }
    }
}
