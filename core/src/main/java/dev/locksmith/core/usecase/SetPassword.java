package dev.locksmith.core.usecase;

import dev.locksmith.core.domain.InvalidInputException;
import dev.locksmith.core.domain.MailException;
import dev.locksmith.core.domain.Password;
import dev.locksmith.core.domain.Username;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * Sets another user's password: the delegated path of administrators and privileged users. In order: the
 * authorization matrix; the mail preconditions when emailing (refused before anything else happens); the
 * whole policy, every violation at once (never a comparison with the target's current or earlier passwords,
 * which would let the setter test guesses of them); the new hash, computed with no database connection held;
 * then, in a short transaction that re-reads actor and target and authorizes again (a revoked, disabled or
 * must-change actor, or a target changed, deleted or re-created meanwhile, writes nothing; a changed target
 * starts the request again), the old hash pushed to history, "must change" set when asked or when emailing,
 * the temporary-password clock started, failed logins and lock cleared, the success audited, and the email
 * handed to the mail server last, before the commit and under the mailer's total deadline, so a refused
 * hand-over rolls everything back.
 *
 * <p>Mail and commit cannot be one atomic step. If the mail server's final answer is lost, the mailer reports
 * {@code MAIL_OUTCOME_UNKNOWN} and nothing is committed (the user may hold a password that does not work and
 * asks again); if the commit itself is lost after the mail server took the message, the caller gets
 * {@code OUTCOME_UNKNOWN}. In both cases the audit trail records that reason, never "nothing changed".
 * Implementations are thread-safe.
 */
public interface SetPassword {
    /**
     * Lifetime of an emailed password when the policy's temporary-password lifetime is off: an emailed
     * password is weaker than a reset link (OWASP ASVS 2.5.1), so it always expires.
     */
    public static final Duration EMAILED_PASSWORD_LIFETIME = Duration.ofDays(3);

    /**
     * The request. Ownership of {@code newPassword} passes to the use case, which wipes it when it returns
     * or throws; a host that must show the password copies it first.
     *
     * @param emailPassword send the new password to the user (forces {@code mustChange})
     * @param mustChange the user must change the password at next login
     */
    public record Command(
            Username actor, Username target, Password newPassword, boolean emailPassword, boolean mustChange) {
        public Command {
            InvalidInputException.requireNonNull(actor, "actor");
            InvalidInputException.requireNonNull(target, "target");
            InvalidInputException.requireNonNull(newPassword, "newPassword");
        }

        /**
         * The request with its options named: {@code Command.of(rep, alice, password, Option.EMAIL_PASSWORD)}.
         *
         * @throws InvalidInputException on a null argument or option
         */
        public static Command of(Username actor, Username target, Password newPassword, Option... options) {
            InvalidInputException.requireNonNull(options, "options");
            java.util.List<Option> chosen = java.util.Arrays.asList(options);
            if (chosen.contains(null)) {
                throw new InvalidInputException("options", "must not contain null");
            }
            return new Command(
                    actor,
                    target,
                    newPassword,
                    chosen.contains(Option.EMAIL_PASSWORD),
                    chosen.contains(Option.MUST_CHANGE));
        }
    }

    /** The request's options, as the reference page offers them. */
    public enum Option {
        /** Email the new password to the user (forces {@link #MUST_CHANGE}). */
        EMAIL_PASSWORD,
        /** The user must change the password at next login. */
        MUST_CHANGE
    }

    /** What was done. */
    public record Result(
            Username target,
            boolean mustChangePassword,
            Optional<Instant> temporaryPasswordExpiresAt,
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
    Result execute(Command command);
}
