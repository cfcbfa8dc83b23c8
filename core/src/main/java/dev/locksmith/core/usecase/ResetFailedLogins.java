package dev.locksmith.core.usecase;

import dev.locksmith.core.domain.InvalidInputException;
import dev.locksmith.core.domain.Username;

/**
 * Resets another user's failed-login count to 0 and clears any lock (administrators: anyone else;
 * privileged users: non-administrators, local or provider). Implementations are thread-safe.
 */
public interface ResetFailedLogins {

    /** Who resets whose count. */
    public record Command(Username actor, Username target) {
        public Command {
            InvalidInputException.requireNonNull(actor, "actor");
            InvalidInputException.requireNonNull(target, "target");
        }
    }

    /**
     * Resets the count and lock.
     *
     * @throws dev.locksmith.core.domain.AccessDeniedException when the matrix refuses
     * @throws dev.locksmith.core.domain.NotFoundException when the target does not exist
     */
    void execute(Command command);
}
