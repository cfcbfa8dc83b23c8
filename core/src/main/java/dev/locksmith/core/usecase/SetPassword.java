package dev.locksmith.core.usecase;

import dev.locksmith.core.domain.AuditEvent;
import dev.locksmith.core.domain.Authorization;
import dev.locksmith.core.domain.EmailAddress;
import dev.locksmith.core.domain.InvalidInputException;
import dev.locksmith.core.domain.MailException;
import dev.locksmith.core.domain.Password;
import dev.locksmith.core.domain.PasswordHash;
import dev.locksmith.core.domain.PasswordPolicy;
import dev.locksmith.core.domain.User;
import dev.locksmith.core.domain.Username;
import dev.locksmith.core.internal.Notices;
import dev.locksmith.core.internal.PasswordChecks;
import dev.locksmith.core.internal.Services;
import dev.locksmith.core.port.Mailer;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * Sets another user's password: the delegated path of administrators and privileged users. In order: the
 * authorization matrix; the mail preconditions when emailing (refused before anything else happens); the
 * whole policy, every violation at once; then the new hash, the old one pushed to history, failed logins
 * and lock cleared, "must change" set when asked or when emailing, the temporary-password clock started,
 * the success audited, and the email sent last, inside the transaction, so a delivery failure rolls
 * everything back. The one window left is the commit itself: should it fail after the mail server took the
 * message (the database lost between the two), the user holds a password that was never stored; the old one
 * still works, and the caller gets the commit's error and can set another. Thread-safe.
 */
public final class SetPassword {
    /**
     * Lifetime of an emailed password when the policy's temporary-password lifetime is off: an emailed
     * password is weaker than a reset link (OWASP ASVS 2.5.1), so it always expires.
     */
    public static final Duration EMAILED_PASSWORD_LIFETIME = Duration.ofHours(72);

    private final Services services;

    /** Obtained from {@code Locksmith#setPassword()}; the constructor is not API. */
    @SuppressWarnings("exports")
    public SetPassword(Services services) {
        this.services = Objects.requireNonNull(services, "services");
    }

    /**
     * The request. Ownership of {@code newPassword} passes to the use case, which wipes it when it returns
     * or throws; a host that must show the password copies it first.
     *
     * @param emailPassword send the new password to the user (forces {@code mustChange})
     * @param mustChange the user must change the password at next login
     */
    public record Command(Username actor, Username target, Password newPassword, boolean emailPassword, boolean mustChange) {
        public Command {
            InvalidInputException.requireNonNull(actor, "actor");
            InvalidInputException.requireNonNull(target, "target");
            InvalidInputException.requireNonNull(newPassword, "newPassword");
        }
    }

    /** What was done. */
    public record Result(Username target, boolean mustChangePassword, Optional<Instant> temporaryPasswordExpiresAt,
                         boolean emailed) {
        public Result {
            Objects.requireNonNull(target, "target");
            Objects.requireNonNull(temporaryPasswordExpiresAt, "temporaryPasswordExpiresAt");
        }
    }

    /**
     * Sets the password.
     *
     * @throws dev.locksmith.core.domain.AccessDeniedException when the matrix refuses
     * @throws dev.locksmith.core.domain.NotFoundException when the target does not exist
     * @throws MailException when emailing was asked and mail is not configured, the target has no address, or
     *     delivery failed (nothing changed)
     * @throws dev.locksmith.core.domain.PolicyViolationException with every violation
     */
    public Result execute(Command command) {
        InvalidInputException.requireNonNull(command, "command");
        Password password = command.newPassword();
        try {
            return services.run(AuditEvent.Action.SET_PASSWORD, Optional.of(command.actor()), Optional.of(command.target()),
                    run -> {
                        run.detail("emailPassword", command.emailPassword());
                        Authorization.Actor actor = services.requireActor(command.actor(), Authorization.Action.SET_PASSWORD);
                        User target = services.requireTarget(actor, Authorization.Action.SET_PASSWORD, command.target());
                        EmailAddress address = null;
                        if (command.emailPassword()) {
                            if (!services.mailer().isConfigured()) {
                                throw MailException.notConfigured();
                            }
                            address = target.profile().email().orElseThrow(() -> MailException.noAddress(target.username()));
                        }
                        PasswordPolicy policy = services.policy();
                        services.checks().require(password, policy, target.username(), target.profile(),
                                target.passwordHash(), PasswordChecks.History.POLICY);

                        Instant now = run.now();
                        boolean mustChange = command.mustChange() || command.emailPassword();
                        Optional<Instant> temporaryUntil = mustChange
                                ? policy.temporaryLifetime().map(now::plus) : Optional.empty();
                        if (command.emailPassword() && temporaryUntil.isEmpty()) {
                            // A password sent by email always expires, even when the policy turned expiry off.
                            temporaryUntil = Optional.of(now.plus(EMAILED_PASSWORD_LIFETIME));
                        }
                        PasswordHash hash = services.hasher().hash(password);
                        target.passwordHash().ifPresent(old -> services.history().push(target.username(), old, now));
                        User updated = services.users().update(target.passwordSetByOther(hash, now, mustChange, temporaryUntil));
                        run.detail("mustChange", mustChange);
                        if (address != null) {
                            Mailer.NewPassword mail = new Mailer.NewPassword(address, updated.profile().publicName(),
                                    updated.username(), password, temporaryUntil);
                            run.beforeCommit(() -> services.mailer().sendNewPassword(mail));
                        } else {
                            run.afterCommit(() -> Notices.passwordChanged(services, updated, now, false));
                        }
                        return new Result(updated.username(), mustChange, temporaryUntil, address != null);
                    });
        } finally {
            password.wipe();
        }
    }
}
