package dev.locksmith.core;

import dev.locksmith.core.domain.AccessDeniedException;
import dev.locksmith.core.domain.InvalidInputException;
import dev.locksmith.core.domain.Operation;
import dev.locksmith.core.domain.Password;
import dev.locksmith.core.domain.PasswordHash;
import dev.locksmith.core.domain.PasswordPolicy;
import dev.locksmith.core.domain.Reason;
import dev.locksmith.core.domain.User;
import dev.locksmith.core.internal.Execution;
import dev.locksmith.core.internal.FailedPasswordChecks;
import dev.locksmith.core.internal.Notices;
import dev.locksmith.core.internal.PasswordChecks;
import dev.locksmith.core.internal.Policies;
import dev.locksmith.core.internal.UseCaseRunner;
import dev.locksmith.core.internal.Verifier;
import dev.locksmith.core.port.PasswordHistory;
import dev.locksmith.core.port.PolicyStore;
import dev.locksmith.core.port.UserAccounts;
import dev.locksmith.core.usecase.ChangeOwnPassword;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;

/** The implementation of {@link ChangeOwnPassword}, built by {@link Locksmith}; not API. Thread-safe. */
record ChangeOwnPasswordService(
        UseCaseRunner runner,
        UserAccounts users,
        PasswordHistory history,
        PolicyStore policies,
        PasswordChecks checks,
        Verifier verifier,
        FailedPasswordChecks failedChecks,
        Notices notices,
        Clock clock)
        implements ChangeOwnPassword {
    @Override
    public void execute(Command command) {
        InvalidInputException.requireNonNull(command, "command");
        try (Password currentPassword = command.currentPassword();
                Password newPassword = command.newPassword()) {
            runner.run(
                    Operation.CHANGE_OWN_PASSWORD,
                    Optional.of(command.actor()),
                    Optional.of(command.actor()),
                    run -> {
                        Optional<User> found = users.find(command.actor());
                        boolean local = found.isPresent()
                                && found.get().source().isLocal()
                                && runner.claimant(run, command.actor()).isEmpty();
                        PasswordPolicy policy = Policies.inForce(policies);
                        PasswordChecks.Earlier earlier =
                                local ? checks.earlierPasswords(found.get(), policy) : PasswordChecks.Earlier.none();
                        return () -> check(
                                run,
                                currentPassword,
                                newPassword,
                                local ? found : Optional.empty(),
                                found,
                                policy,
                                earlier);
                    },
                    (run, checked) -> {
                        User current = users.find(command.actor())
                                .filter(u -> u.id().equals(checked.user().id()))
                                .filter(u ->
                                        u.passwordHash().equals(checked.user().passwordHash()))
                                .orElseThrow(UseCaseRunner.Stale::new);
                        runner.requireActor(run, command.actor(), Operation.CHANGE_OWN_PASSWORD);
                        Instant now = run.now();
                        PasswordHash old = current.passwordHash().orElseThrow();
                        history.push(current.username(), old, now);
                        User updated = users.update(current.passwordChangedBySelf(checked.hash(), now));
                        users.resetFailedLogins(updated.id());
                        run.afterCommit(() -> notices.passwordChanged(updated, now, true));
                        return null;
                    });
        }
    }

    /** The slow step: the current password verified, the account's state, the policy, the new hash. */
    private Checked check(
            Execution run,
            Password currentPassword,
            Password newPassword,
            Optional<User> local,
            Optional<User> found,
            PasswordPolicy policy,
            PasswordChecks.Earlier earlier) {
        Instant now = run.now();
        boolean verified = local.isPresent()
                ? verifier.verify(currentPassword, local.get().passwordHash().orElseThrow())
                        .matched()
                : verifier.verifyDummy(currentPassword);
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
                run.withFailureEvent(() -> failedChecks.count(user, policy, clock.instant()));
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
        return new Checked(user, checks.hashOwnChange(newPassword, policy, user, earlier));
    }

    private record Checked(User user, PasswordHash hash) {}
}
