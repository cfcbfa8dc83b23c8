package dev.locksmith.core.usecase;

import dev.locksmith.core.domain.InvalidInputException;
import dev.locksmith.core.domain.Password;
import dev.locksmith.core.domain.UnavailableException;
import dev.locksmith.core.domain.Username;
import java.util.Objects;

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
 * audit trail. Implementations are thread-safe.
 */
public interface RedeemResetLink {

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
    Result execute(Command command);
}
