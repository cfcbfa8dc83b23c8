package dev.locksmith.core;

import dev.locksmith.core.domain.AccessDeniedException;
import dev.locksmith.core.domain.InvalidInputException;
import dev.locksmith.core.domain.Operation;
import dev.locksmith.core.domain.PasswordHash;
import dev.locksmith.core.domain.PasswordPolicy;
import dev.locksmith.core.domain.Reason;
import dev.locksmith.core.domain.User;
import dev.locksmith.core.internal.Execution;
import dev.locksmith.core.internal.Notices;
import dev.locksmith.core.internal.PasswordChecks;
import dev.locksmith.core.internal.Services;
import dev.locksmith.core.usecase.ChangeOwnPassword;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/** The implementation of {@link ChangeOwnPassword}, built by {@link Locksmith}; not API. Thread-safe. */
final class ChangeOwnPasswordService implements ChangeOwnPassword {
    private final Services services;

    ChangeOwnPasswordService(Services services) {
        this.services = Objects.requireNonNull(services, "services");
    }

    @Override
    public void execute(Command command) {
        InvalidInputException.requireNonNull(command, "command");
        try {
            services.run(
                    Operation.CHANGE_OWN_PASSWORD,
                    Optional.of(command.actor()),
                    Optional.of(command.actor()),
                    run -> {
                        Optional<User> found = services.users().find(command.actor());
                        boolean local = found.isPresent()
                                && found.get().source().isLocal()
                                && services.claimant(run, command.actor()).isEmpty();
                        PasswordPolicy policy = services.policy();
                        PasswordChecks.Earlier earlier = local
                                ? services.checks().earlierPasswords(found.get(), policy)
                                : PasswordChecks.Earlier.none();
                        return () -> check(run, command, local ? found : Optional.empty(), found, policy, earlier);
                    },
                    (run, checked) -> {
                        User current = services.users()
                                .find(command.actor())
                                .filter(u -> u.id().equals(checked.user().id()))
                                .filter(u ->
                                        u.passwordHash().equals(checked.user().passwordHash()))
                                .orElseThrow(Services.Stale::new);
                        services.requireActor(run, command.actor(), Operation.CHANGE_OWN_PASSWORD);
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
    private Checked check(
            Execution run,
            Command command,
            Optional<User> local,
            Optional<User> found,
            PasswordPolicy policy,
            PasswordChecks.Earlier earlier) {
        Instant now = run.now();
        boolean verified = local.isPresent()
                ? services.verifier()
                        .verify(
                                command.currentPassword(),
                                local.get().passwordHash().orElseThrow())
                        .matched()
                : services.verifier().verifyDummy(command.currentPassword());
        String why = found.isEmpty()
                ? "UNKNOWN_USER"
                : local.isEmpty()
                        ? "NOT_LOCAL"
                        : !verified
                                ? "WRONG_PASSWORD"
                                : local.get().isLockedAt(now)
                                        ? "LOCKED"
                                        : local.get().temporaryPasswordExpiredAt(now)
                                                ? "TEMPORARY_PASSWORD_EXPIRED"
                                                : null;
        if (why != null) {
            run.detail("why", why);
            if (found.isEmpty()) {
                run.clearTarget();
            }
            if (local.isPresent() && !verified) {
                User user = local.get();
                run.withFailureEvent(() -> services.countFailedPasswordCheck(
                        user, policy, services.clock().instant()));
            }
            throw new AccessDeniedException(
                    Reason.DENIED_WRONG_CURRENT_PASSWORD,
                    "the current password is wrong",
                    java.util.Map.of("action", "CHANGE_OWN_PASSWORD"));
        }
        User user = local.get();
        if (!user.enabled()) {
            throw new AccessDeniedException(
                    Reason.DENIED_ACTOR_DISABLED,
                    "the acting user is disabled",
                    java.util.Map.of("action", "CHANGE_OWN_PASSWORD"));
        }
        services.checks().require(command.newPassword(), policy, user.username(), user.profile(), earlier);
        return new Checked(user, services.hasher().hash(command.newPassword()));
    }

    private record Checked(User user, PasswordHash hash) {}
}
