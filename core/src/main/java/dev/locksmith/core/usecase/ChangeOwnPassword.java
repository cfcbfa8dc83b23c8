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
import dev.locksmith.core.internal.Execution;
import dev.locksmith.core.internal.Notices;
import dev.locksmith.core.internal.PasswordChecks;
import dev.locksmith.core.internal.Services;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * A local user changes their own password, giving the current one. The new one must differ from the
 * current one (always) and from the policy's history, and pass the rest of the policy. Clears "must
 * change", the temporary-password expiry, the failed-login count and any lock. It is the one use case an
 * actor who must change their password may run.
 *
 * <p>The current password is checked like a login, so this path is no oracle: a wrong one is denied
 * {@code DENIED_WRONG_CURRENT_PASSWORD}, audited and counted as a failed login (with the policy's lockout);
 * an unknown user, a directory user, and a locked account get that same answer whatever password is given,
 * after a verification of the same cost (the detail goes to the audit trail); an expired temporary password
 * no longer counts as the current password. Only a right current password on a disabled account answers
 * {@code DENIED_ACTOR_DISABLED}. Verification and hashing run with no database connection held; the write
 * re-reads the user and starts again if the password changed meanwhile. Thread-safe.
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
     * @throws AccessDeniedException {@code DENIED_WRONG_CURRENT_PASSWORD} when the current password does not
     *     verify, the user is unknown or provider-managed, the account is locked or its temporary password
     *     expired; {@code DENIED_ACTOR_DISABLED} for a right password on a disabled account
     * @throws dev.locksmith.core.domain.PolicyViolationException with every violation
     * @throws dev.locksmith.core.domain.UnavailableException {@code PROVIDER_UNREACHABLE} when a directory that
     *     might manage the user cannot be asked
     */
    public void execute(Command command) {
        InvalidInputException.requireNonNull(command, "command");
        try {
            services.run(AuditEvent.Action.CHANGE_OWN_PASSWORD, Optional.of(command.actor()), Optional.of(command.actor()),
                    run -> {
                        Optional<User> found = services.users().find(command.actor());
                        boolean local = found.isPresent() && found.get().source().isLocal()
                                && services.claimant(run, command.actor()).isEmpty();
                        PasswordPolicy policy = services.policy();
                        PasswordChecks.Earlier earlier = local
                                ? services.checks().earlierPasswords(found.get(), policy) : PasswordChecks.Earlier.none();
                        return () -> check(run, command, local ? found : Optional.empty(), found, policy, earlier);
                    },
                    (run, checked) -> {
                        User current = services.users().find(command.actor())
                                .filter(u -> u.id().equals(checked.user().id()))
                                .filter(u -> u.passwordHash().equals(checked.user().passwordHash()))
                                .orElseThrow(Services.Stale::new);
                        services.requireActor(run, command.actor(), Authorization.Action.CHANGE_OWN_PASSWORD);
                        Instant now = run.now();
                        PasswordHash old = current.passwordHash().orElseThrow();
                        services.history().push(current.username(), old, now);
                        User updated = services.users().update(current.passwordChangedBySelf(checked.hash(), now));
                        services.users().resetFailedLogins(updated.id());
                        run.afterCommit(() -> Notices.passwordChanged(services, updated, now, true));
                        return null;
                    });
        } finally {
            command.currentPassword().wipe();
            command.newPassword().wipe();
        }
    }

    /** The slow step: the current password verified, the account's state, the policy, the new hash. */
    private Checked check(Execution run, Command command, Optional<User> local, Optional<User> found,
                          PasswordPolicy policy, PasswordChecks.Earlier earlier) {
        Instant now = run.now();
        boolean verified = local.isPresent()
                ? services.verifier().verify(command.currentPassword(), local.get().passwordHash().orElseThrow()).matched()
                : services.verifier().verifyDummy(command.currentPassword());
        String why = found.isEmpty() ? "UNKNOWN_USER" : local.isEmpty() ? "NOT_LOCAL"
                : !verified ? "WRONG_PASSWORD" : local.get().isLockedAt(now) ? "LOCKED"
                : local.get().temporaryPasswordExpiredAt(now) ? "TEMPORARY_PASSWORD_EXPIRED" : null;
        if (why != null) {
            run.detail("why", why);
            if (found.isEmpty()) {
                run.clearTarget();
            }
            if (local.isPresent() && !verified) {
                User user = local.get();
                run.withFailureEvent(() -> services.countFailedPasswordCheck(user, policy, services.clock().instant()));
            }
            throw new AccessDeniedException(Reason.DENIED_WRONG_CURRENT_PASSWORD, "the current password is wrong",
                    java.util.Map.of("action", "CHANGE_OWN_PASSWORD"));
        }
        User user = local.get();
        if (!user.enabled()) {
            throw new AccessDeniedException(Reason.DENIED_ACTOR_DISABLED, "the acting user is disabled",
                    java.util.Map.of("action", "CHANGE_OWN_PASSWORD"));
        }
        services.checks().require(command.newPassword(), policy, user.username(), user.profile(), earlier);
        return new Checked(user, services.hasher().hash(command.newPassword()));
    }

    private record Checked(User user, PasswordHash hash) {
    }
}
