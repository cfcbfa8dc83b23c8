package dev.locksmith.core.usecase;

import dev.locksmith.core.domain.AuditEvent;
import dev.locksmith.core.domain.InvalidInputException;
import dev.locksmith.core.domain.Password;
import dev.locksmith.core.domain.PasswordHash;
import dev.locksmith.core.domain.PasswordPolicy;
import dev.locksmith.core.domain.Reason;
import dev.locksmith.core.domain.UnavailableException;
import dev.locksmith.core.domain.User;
import dev.locksmith.core.domain.Username;
import dev.locksmith.core.internal.Execution;
import dev.locksmith.core.internal.Notices;
import dev.locksmith.core.internal.PasswordChecks;
import dev.locksmith.core.internal.ResetLinks;
import dev.locksmith.core.internal.Services;
import dev.locksmith.core.port.ResetTokens;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * Redeems a one-time password-reset link ({@link IssueResetLink}): whoever holds the token sets the user's new
 * password. The policy applies as for the user's own change, history included (the current password and the
 * policy's previous ones are refused); the change clears "must change", the temporary-password expiry, the
 * failed-login count and any lock, and voids every other link of the user.
 *
 * <p>A token that is malformed, unknown, used, expired, or whose user was deleted (even if re-created under the
 * same name), became provider-managed, was disabled, or had its password changed since the link was issued is
 * refused with one answer, {@code INVALID_INPUT} on the field {@code token}; the audit trail records which. Single
 * use: of two concurrent redemptions exactly one succeeds. The check and the hashing run with no database
 * connection held; the write re-reads the user and the token. The token never reaches a log, a message or the
 * audit trail. Thread-safe.
 */
public final class RedeemResetLink {
    private final Services services;
    private final Optional<ResetTokens> tokens;

    /** Obtained from {@code Locksmith#redeemResetLink()}; the constructor is not API. */
    @SuppressWarnings("exports")
    public RedeemResetLink(Services services, Optional<ResetTokens> tokens) {
        this.services = Objects.requireNonNull(services, "services");
        this.tokens = Objects.requireNonNull(tokens, "tokens");
    }

    /**
     * The request. Ownership of {@code newPassword} passes to the use case, which wipes it when it returns or
     * throws. {@link #toString()} leaves the token out.
     *
     * @param token the link's {@code token} parameter
     */
    public record Command(String token, Password newPassword) {
        public Command {
            InvalidInputException.requireNonNull(token, "token");
            InvalidInputException.requireNonNull(newPassword, "newPassword");
        }

        @Override
        public String toString() {
            return "RedeemResetLink.Command[token=(redacted), newPassword=(redacted)]";
        }
    }

    /** Whose password was set. */
    public record Result(Username username) {
        public Result {
            Objects.requireNonNull(username, "username");
        }
    }

    /**
     * Sets the new password and uses up the link.
     *
     * @throws InvalidInputException on the field {@code token} when the link does not work (any reason)
     * @throws dev.locksmith.core.domain.PolicyViolationException with every violation of the new password (the
     *     link still works)
     * @throws UnavailableException {@code UNAVAILABLE} when the host configured no reset-token store
     */
    public Result execute(Command command) {
        InvalidInputException.requireNonNull(command, "command");
        Password password = command.newPassword();
        try {
            ResetTokens store = tokens.orElseThrow(() -> new UnavailableException(Reason.UNAVAILABLE,
                    "reset links are not configured (no reset-token store)", null));
            return services.run(AuditEvent.Action.REDEEM_RESET_LINK, Optional.empty(), Optional.empty(),
                    run -> {
                        String hash = tokenHash(run, command.token());
                        ResetTokens.ResetToken stored = store.find(hash).orElseThrow(() -> refuse(run, "UNKNOWN_OR_USED"));
                        run.target(stored.username());
                        User user = readUser(run, stored);
                        PasswordPolicy policy = services.policy();
                        PasswordChecks.Earlier earlier = services.checks().earlierPasswords(user, policy);
                        return () -> {
                            services.checks().require(password, policy, user.username(), user.profile(), earlier);
                            return new Checked(hash, user, services.hasher().hash(password));
                        };
                    },
                    (run, checked) -> {
                        User current = services.users().find(checked.user().username())
                                .filter(u -> u.id().equals(checked.user().id()))
                                .filter(u -> u.passwordHash().equals(checked.user().passwordHash()))
                                .filter(User::enabled)
                                .orElseThrow(Services.Stale::new);
                        if (!store.remove(checked.tokenHash())) {
                            throw refuse(run, "UNKNOWN_OR_USED");
                        }
                        Instant now = run.now();
                        PasswordHash old = current.passwordHash().orElseThrow();
                        services.history().push(current.username(), old, now);
                        User updated = services.users().update(current.passwordChangedBySelf(checked.hash(), now));
                        services.users().resetFailedLogins(updated.id());
                        store.removeAll(updated.id());
                        run.afterCommit(() -> Notices.passwordChanged(services, updated, now, true));
                        return new Result(updated.username());
                    });
        } finally {
            password.wipe();
        }
    }

    private static String tokenHash(Execution run, String token) {
        try {
            return ResetLinks.hash(token);
        } catch (InvalidInputException e) {
            throw refuse(run, "MALFORMED");
        }
    }

    /** The link's user as it is now, if the link still works for it. */
    private User readUser(Execution run, ResetTokens.ResetToken stored) {
        if (stored.expiredAt(run.now())) {
            throw refuse(run, "EXPIRED");
        }
        User user = services.users().find(stored.username())
                .filter(u -> u.id().equals(stored.user()))
                .orElseThrow(() -> refuse(run, "USER_GONE"));
        if (!user.source().isLocal() || services.claimant(run, user.username()).isPresent()) {
            throw refuse(run, "NOT_LOCAL");
        }
        if (!ResetLinks.credential(user).equals(stored.credential())) {
            throw refuse(run, "PASSWORD_CHANGED");
        }
        if (!user.enabled()) {
            throw refuse(run, "DISABLED");
        }
        return user;
    }

    private static InvalidInputException refuse(Execution run, String why) {
        run.detail("why", why);
        return new InvalidInputException("token", "the reset link is invalid, used or expired");
    }

    private record Checked(String tokenHash, User user, PasswordHash hash) {
    }
}
