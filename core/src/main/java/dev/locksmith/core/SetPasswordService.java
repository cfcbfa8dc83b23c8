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
import dev.locksmith.core.internal.Services;
import dev.locksmith.core.port.Mailer;
import dev.locksmith.core.usecase.SetPassword;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/** The implementation of {@link SetPassword}, built by {@link Locksmith}; not API. Thread-safe. */
final class SetPasswordService implements SetPassword {

    private final Services services;

    SetPasswordService(Services services) {
        this.services = Objects.requireNonNull(services, "services");
    }

    @Override
    public Result execute(Command command) {
        InvalidInputException.requireNonNull(command, "command");
        Password password = command.newPassword();
        try {
            return services.run(
                    Operation.SET_PASSWORD,
                    Optional.of(command.actor()),
                    Optional.of(command.target()),
                    run -> {
                        run.detail("emailPassword", command.emailPassword());
                        Authorization.Actor actor = services.requireActor(run, command.actor(), Operation.SET_PASSWORD);
                        User target = services.requireTarget(run, actor, Operation.SET_PASSWORD, command.target());
                        if (command.emailPassword()) {
                            if (!services.mailer().isConfigured()) {
                                throw MailException.notConfigured();
                            }
                            requireMailable(target);
                        }
                        PasswordPolicy policy = services.policy();
                        return () -> {
                            // Never compared with the target's current or earlier passwords: that would let the
                            // setter test guesses of another user's password.
                            services.checks()
                                    .require(
                                            password,
                                            policy,
                                            target.username(),
                                            target.profile(),
                                            PasswordChecks.Earlier.none());
                            return new Checked(target, policy, services.hasher().hash(password));
                        };
                    },
                    (run, checked) -> write(run, command, password, checked));
        } finally {
            password.wipe();
        }
    }

    /** What the read and slow steps established. */
    private record Checked(User target, PasswordPolicy policy, PasswordHash hash) {}

    private static EmailAddress requireMailable(User target) {
        return target.profile().email().orElseThrow(() -> MailException.noAddress(target.username()));
    }

    private Result write(Execution run, Command command, Password password, Checked checked) {
        Authorization.Actor actor = services.requireActor(run, command.actor(), Operation.SET_PASSWORD);
        User target = services.requireUnchanged(run, actor, Operation.SET_PASSWORD, checked.target());
        if (command.emailPassword() && !services.mailer().isConfigured()) {
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
        target.passwordHash().ifPresent(old -> services.history().push(target.username(), old, now));
        User updated =
                services.users().update(target.passwordSetByOther(checked.hash(), now, mustChange, temporaryUntil));
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
                services.mailer().sendNewPassword(mail);
                services.users().resetFailedLogins(updated.id());
            });
        } else {
            services.users().resetFailedLogins(updated.id());
            run.afterCommit(() -> Notices.passwordChanged(services, updated, now, false));
        }
        return new Result(updated.username(), mustChange, temporaryUntil, command.emailPassword());
    }
}
