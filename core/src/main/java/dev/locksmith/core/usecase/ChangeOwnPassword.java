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
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * A local user changes their own password, giving the current one. The new one must differ from the
 * current one (always) and from the policy's history, and pass the rest of the policy. Clears "must
 * change", the temporary-password expiry, the failed-login count and any lock. A wrong current password is
 * denied, audited and counted as a failed login (with the policy's lockout); a locked account, or an expired
 * temporary password, is denied too. Thread-safe.
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
     *     {@code DENIED_WRONG_CURRENT_PASSWORD} when the current password does not verify (counted as a failed
     *     login, so guessing through this path locks the account like guessing at the login), when the
     *     account is locked, or when its temporary password expired
     * @throws dev.locksmith.core.domain.PolicyViolationException with every violation
     */
    public void execute(Command command) {
        InvalidInputException.requireNonNull(command, "command");
        AtomicBoolean wrongPassword = new AtomicBoolean();
        try {
            services.run(AuditEvent.Action.CHANGE_OWN_PASSWORD, Optional.of(command.actor()), Optional.of(command.actor()),
                    run -> {
                        Authorization.Actor actor = services.requireActor(command.actor(), Authorization.Action.CHANGE_OWN_PASSWORD);
                        User user = actor.user();
                        Instant now = run.now();
                        PasswordHash current = user.passwordHash().orElseThrow();
                        // The current password is a password check like a login: a wrong one counts as a failed
                        // login, and a locked account cannot be changed through it (no uncounted guessing oracle).
                        // An expired temporary password no longer counts as the current password.
                        boolean verified = services.hasher().verify(command.currentPassword(), current);
                        if (!verified) {
                            wrongPassword.set(true);
                        }
                        if (!verified || user.isLockedAt(now) || user.temporaryPasswordExpiredAt(now)) {
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
        } catch (AccessDeniedException denied) {
            if (wrongPassword.get()) {
                countFailedCheck(command.actor());
            }
            throw denied;
        } finally {
            command.currentPassword().wipe();
            command.newPassword().wipe();
        }
    }

    /** Commits one failed password check (and the lock it may cause) after the denied change rolled back. */
    private void countFailedCheck(Username username) {
        Instant now = services.clock().instant();
        services.transactions().run(() -> services.countFailedPasswordCheck(username, now));
    }
}
