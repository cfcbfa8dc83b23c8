package dev.locksmith.core.usecase;

import dev.locksmith.core.domain.InvalidInputException;
import dev.locksmith.core.domain.Username;

/**
 * Makes another user change their password at next login, without setting it. Same matrix as
 * {@link SetPassword}. Implementations are thread-safe.
 */
public interface RequirePasswordChange {

    /** Who requires whom to change their password. */
    public record Command(Username actor, Username target) {
        public Command {
            InvalidInputException.requireNonNull(actor, "actor");
            InvalidInputException.requireNonNull(target, "target");
        }
    }

    /**
     * Sets "must change password" on the target.
     *
     * @throws dev.locksmith.core.domain.AccessDeniedException when the matrix refuses
     * @throws dev.locksmith.core.domain.NotFoundException when the target does not exist
     */
    void execute(Command command);
}
