package dev.locksmith.core.usecase;

import dev.locksmith.core.domain.EmailAddress;
import dev.locksmith.core.domain.InvalidInputException;
import dev.locksmith.core.domain.PasswordPolicy;
import dev.locksmith.core.domain.Username;
import java.util.Objects;
import java.util.Optional;

/**
 * Opens another user's change-password form: the target's read-only fields, whether "email password to
 * user" can be offered (mail configured and the target has an address) and the policy a UI should show.
 * Changes nothing but the audit trail. Implementations are thread-safe.
 */
public interface OpenChangePasswordForm {

    /** Who opens whose form. */
    public record Command(Username actor, Username target) {
        public Command {
            InvalidInputException.requireNonNull(actor, "actor");
            InvalidInputException.requireNonNull(target, "target");
        }
    }

    /**
     * The form.
     *
     * @param emailPasswordOffered whether "email password to user" may be offered
     * @param policy the current password policy (requirements to show)
     */
    public record Result(
            Username username,
            String publicName,
            String privateName,
            Optional<EmailAddress> email,
            String comments,
            boolean emailPasswordOffered,
            PasswordPolicy policy) {
        public Result {
            Objects.requireNonNull(username, "username");
            Objects.requireNonNull(publicName, "publicName");
            Objects.requireNonNull(privateName, "privateName");
            Objects.requireNonNull(email, "email");
            Objects.requireNonNull(comments, "comments");
            Objects.requireNonNull(policy, "policy");
        }
    }

    /**
     * Opens the form.
     *
     * @throws dev.locksmith.core.domain.AccessDeniedException when the matrix refuses
     * @throws dev.locksmith.core.domain.NotFoundException when the target does not exist (only told to
     *     actors who may open forms at all)
     */
    Result execute(Command command);
}
