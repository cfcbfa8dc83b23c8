package dev.locksmith.core.usecase;

import dev.locksmith.core.domain.InvalidInputException;
import dev.locksmith.core.domain.Password;
import dev.locksmith.core.domain.PolicyViolationException;
import dev.locksmith.core.domain.Username;
import java.security.SecureRandom;
import java.util.Optional;

/**
 * Generates a random temporary password (from {@link SecureRandom}) that satisfies the current policy:
 * at least {@value #MIN_GENERATED_LENGTH} characters or the policy's minimum, every character class the
 * policy asks for, and not on the blocklist nor holding a banned word (drawn again until it passes). For
 * administrators and privileged users, for hosts that offer "generate". Implementations are thread-safe.
 */
public interface GenerateTemporaryPassword {
    /** Shortest generated password, whatever the policy allows. */
    public static final int MIN_GENERATED_LENGTH = 16;

    /**
     * Who asks, and optionally for whom (then the user's own data is excluded too).
     */
    public record Command(Username actor, Optional<Username> target) {
        public Command {
            InvalidInputException.requireNonNull(actor, "actor");
            InvalidInputException.requireNonNull(target, "target");
        }

        /** A password for no one in particular. */
        public static Command of(Username actor) {
            return new Command(actor, Optional.empty());
        }
    }

    /**
     * Generates the password. The caller owns the result and should wipe it when done (handing it to
     * {@link SetPassword} does that).
     *
     * @throws dev.locksmith.core.domain.AccessDeniedException when the actor may not set passwords
     * @throws dev.locksmith.core.domain.NotFoundException when a target was named and does not exist
     * @throws dev.locksmith.core.domain.AccessDeniedException when a target was named whose password the actor
     *     may not set (administrators for a privileged user, provider users, the actor itself)
     * @throws PolicyViolationException when no generated password could satisfy the policy (for example a
     *     banned word of one common character)
     */
    Password execute(Command command);
}
