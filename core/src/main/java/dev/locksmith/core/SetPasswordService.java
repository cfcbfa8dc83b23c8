package dev.locksmith.core;

import dev.locksmith.core.domain.Authorization;
import dev.locksmith.core.domain.EmailAddress;
import dev.locksmith.core.domain.InvalidInputException;
import dev.locksmith.core.domain.MailException;
import dev.locksmith.core.domain.Operation;
import dev.locksmith.core.domain.Password;
import dev.locksmith.core.domain.PasswordHash;
import dev.locksmith.core.domain.PasswordPolicy;
import dev.locksmith.core.domain.User;
import dev.locksmith.core.internal.Execution;
import dev.locksmith.core.internal.Notices;
import dev.locksmith.core.internal.PasswordChecks;
import dev.locksmith.core.internal.Policies;
import dev.locksmith.core.internal.UseCaseRunner;
import dev.locksmith.core.port.Mailer;
import dev.locksmith.core.port.PasswordHistory;
import dev.locksmith.core.port.PolicyStore;
import dev.locksmith.core.port.UserAccounts;
import dev.locksmith.core.usecase.SetPassword;
import java.time.Instant;
import java.util.Optional;

/** The implementation of {@link SetPassword}, built by {@link Locksmith}; not API. Thread-safe. */
record SetPasswordService(
        UseCaseRunner runner,
        UserAccounts users,
        PasswordHistory history,
        PolicyStore policies,
        PasswordChecks checks,
        Mailer mailer,
        Notices notices)
        implements SetPassword {
    @Override
    public Result execute(Command command) {
        InvalidInputException.requireNonNull(command, "command");
        try (Password password = command.newPassword()) {
            return runner.run(
                    Operation.SET_PASSWORD,
                    Optional.of(command.actor()),
                    Optional.of(command.target()),
                    run -> {
                        run.detail("emailPassword", command.emailPassword());
                        Authorization.Actor actor = runner.requireActor(run, command.actor(), Operation.SET_PASSWORD);
                        User target = runner.requireTarget(run, actor, Operation.SET_PASSWORD, command.target());
                        if (command.emailPassword()) {
                            if (!mailer.isConfigured()) {
                                throw MailException.notConfigured();
                            }
                            requireMailable(target);
                        }
                        PasswordPolicy policy = Policies.inForce(policies);
                        // Never compared with the target's current or earlier passwords: that would let the setter
                        // test guesses of another user's password.
                        return () -> new Checked(
                                target,
                                policy,
                                checks.hashCompliant(password, policy, target.username(), target.profile()));
                    },
                    (run, checked) -> write(run, command, password, checked));
        }
    }

    /** What the read and slow steps established. */
    private record Checked(User target, PasswordPolicy policy, PasswordHash hash) {}

    private static EmailAddress requireMailable(User target) {
        return target.profile().email().orElseThrow(() -> MailException.noAddress(target.username()));
    }

    private Result write(Execution run, Command command, Password password, Checked checked) {
        Authorization.Actor actor = runner.requireActor(run, command.actor(), Operation.SET_PASSWORD);
        User target = runner.requireUnchanged(run, actor, Operation.SET_PASSWORD, checked.target());
        if (command.emailPassword() && !mailer.isConfigured()) {
            throw MailException.notConfigured();
        }
        Instant now = run.now();
        PasswordPolicy policy = checked.policy();
        boolean mustChange = command.mustChange() || command.emailPassword();
        Optional<Instant> temporaryUntil =
                mustChange ? policy.temporaryLifetime().map(now::plus) : Optional.empty();
        if (command.emailPassword() && temporaryUntil.isEmpty()) {
            // A password sent by email always expires, even when the policy turned expiry off.
            temporaryUntil = Optional.of(now.plus(EMAILED_PASSWORD_LIFETIME));
        }
        target.passwordHash().ifPresent(old -> history.push(target.username(), old, now));
        User updated = users.update(target.passwordSetByOther(checked.hash(), now, mustChange, temporaryUntil));
        run.detail("mustChange", mustChange);
        if (command.emailPassword()) {
            Mailer.NewPassword mail = new Mailer.NewPassword(
                    requireMailable(target),
                    updated.profile().publicName(),
                    updated.username(),
                    password,
                    temporaryUntil);
            // Last before the commit, under the mailer's total deadline: a refused hand-over rolls everything back.
            // The login state is cleared after the mail, so logins never wait for the mail server on its row.
            run.beforeCommit(() -> {
                mailer.sendNewPassword(mail);
                users.resetFailedLogins(updated.id());
            });
        } else {
            users.resetFailedLogins(updated.id());
            run.afterCommit(() -> notices.passwordChanged(updated, now, false));
        }
        return new Result(updated.username(), mustChange, temporaryUntil, command.emailPassword());
    }
}
