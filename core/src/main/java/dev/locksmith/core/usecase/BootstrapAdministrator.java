package dev.locksmith.core.usecase;

import dev.locksmith.core.domain.AccessDeniedException;
import dev.locksmith.core.domain.ConflictException;
import dev.locksmith.core.domain.InvalidInputException;
import dev.locksmith.core.domain.Operation;
import dev.locksmith.core.domain.Password;
import dev.locksmith.core.domain.Permission;
import dev.locksmith.core.domain.Profile;
import dev.locksmith.core.domain.Username;

/**
 * Creates the first administrator of an appliance whose store has no enabled administrator (a fresh
 * install, or one whose every administrator was disabled outside this library). There is no actor: whoever
 * can run this holds the store. Once an enabled administrator exists it is always denied, so it can never
 * be used to gain rights on a running appliance. The new user is local, enabled, holds
 * {@link Permission#ADMINISTRATOR}, and its password passes the whole policy. Audited as
 * {@link Operation#BOOTSTRAP_ADMINISTRATOR} with no actor. Implementations are thread-safe.
 */
public interface BootstrapAdministrator {

    /**
     * The first administrator. Ownership of {@code password} passes to the use case, which wipes it when it
     * returns or throws.
     */
    public record Command(Username username, Profile profile, Password password) {
        public Command {
            InvalidInputException.requireNonNull(username, "username");
            InvalidInputException.requireNonNull(profile, "profile");
            InvalidInputException.requireNonNull(password, "password");
        }
    }

    /**
     * Creates the administrator.
     *
     * @throws AccessDeniedException {@code DENIED_NOT_PERMITTED} when an enabled administrator exists,
     *     {@code DENIED_TARGET_MANAGED_BY_PROVIDER} when a security provider claims the username (its password
     *     could not be checked here)
     * @throws ConflictException {@code ALREADY_EXISTS} when the username is taken, {@code CONFLICT} when a
     *     concurrent bootstrap created another administrator first
     * @throws dev.locksmith.core.domain.PolicyViolationException with every violation of the password
     */
    void execute(Command command);
}
