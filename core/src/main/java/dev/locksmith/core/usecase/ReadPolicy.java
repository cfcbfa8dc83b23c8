package dev.locksmith.core.usecase;

import dev.locksmith.core.domain.InvalidInputException;
import dev.locksmith.core.domain.PasswordPolicy;
import dev.locksmith.core.domain.Username;

/** Any enabled user reads the password policy (the NIST default until one is saved). Implementations are thread-safe. */
public interface ReadPolicy {

    /** Who reads. */
    public record Command(Username actor) {
        public Command {
            InvalidInputException.requireNonNull(actor, "actor");
        }
    }

    /**
     * The current policy.
     *
     * @throws dev.locksmith.core.domain.AccessDeniedException when the actor is unknown or disabled
     */
    PasswordPolicy execute(Command command);
}
