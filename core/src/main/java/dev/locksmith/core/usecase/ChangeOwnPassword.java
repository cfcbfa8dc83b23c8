package dev.locksmith.core.usecase;

import dev.locksmith.core.domain.AccessDeniedException;
import dev.locksmith.core.domain.InvalidInputException;
import dev.locksmith.core.domain.Password;
import dev.locksmith.core.domain.Username;

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
 * re-reads the user and starts again if the password changed meanwhile. Implementations are thread-safe.
 */
public interface ChangeOwnPassword {

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
    void execute(Command command);
}
