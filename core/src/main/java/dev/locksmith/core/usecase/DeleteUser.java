package dev.locksmith.core.usecase;

import dev.locksmith.core.domain.InvalidInputException;
import dev.locksmith.core.domain.Username;

/**
 * An administrator deletes a user (never oneself, never the last enabled administrator); the user's password
 * history is forgotten with it. The audit trail keeps its events. Implementations are thread-safe.
 */
public interface DeleteUser {

    /** Who deletes whom. */
    public record Command(Username actor, Username target) {
        public Command {
            InvalidInputException.requireNonNull(actor, "actor");
            InvalidInputException.requireNonNull(target, "target");
        }
    }

    /**
     * Deletes the user.
     *
     * @throws dev.locksmith.core.domain.AccessDeniedException when the matrix refuses
     * @throws dev.locksmith.core.domain.NotFoundException when the target does not exist
     */
    void execute(Command command);
}
