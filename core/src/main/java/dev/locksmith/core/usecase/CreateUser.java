package dev.locksmith.core.usecase;

import dev.locksmith.core.domain.ConflictException;
import dev.locksmith.core.domain.InvalidInputException;
import dev.locksmith.core.domain.Password;
import dev.locksmith.core.domain.Permission;
import dev.locksmith.core.domain.Profile;
import dev.locksmith.core.domain.Username;
import java.util.Collections;
import java.util.EnumSet;
import java.util.Objects;
import java.util.Set;

/**
 * An administrator creates a local user with an initial password, checked against the policy. When
 * {@code mustChangePassword} is set, the initial password is temporary (it expires after the policy's
 * temporary lifetime). Implementations are thread-safe.
 */
public interface CreateUser {

    /**
     * The new user. Ownership of {@code initialPassword} passes to the use case, which wipes it when it
     * returns or throws.
     */
    public record Command(
            Username actor,
            Username username,
            Profile profile,
            Set<Permission> permissions,
            Password initialPassword,
            boolean mustChangePassword) {
        public Command {
            InvalidInputException.requireNonNull(actor, "actor");
            InvalidInputException.requireNonNull(username, "username");
            InvalidInputException.requireNonNull(profile, "profile");
            InvalidInputException.requireNonNull(permissions, "permissions");
            InvalidInputException.requireNonNull(initialPassword, "initialPassword");
            if (permissions.stream().anyMatch(Objects::isNull)) {
                throw new InvalidInputException("permissions", "must not contain null");
            }
            permissions = permissions.isEmpty() ? Set.of() : Collections.unmodifiableSet(EnumSet.copyOf(permissions));
        }

        /** A user who keeps the initial password (no change required at first login). */
        public static Command of(
                Username actor,
                Username username,
                Profile profile,
                Set<Permission> permissions,
                Password initialPassword) {
            return new Command(actor, username, profile, permissions, initialPassword, false);
        }

        /** A user whose initial password is temporary: it must be changed at first login, and may expire. */
        public static Command withTemporaryPassword(
                Username actor,
                Username username,
                Profile profile,
                Set<Permission> permissions,
                Password initialPassword) {
            return new Command(actor, username, profile, permissions, initialPassword, true);
        }
    }

    /**
     * Creates the user.
     *
     * @throws dev.locksmith.core.domain.AccessDeniedException unless the actor is an enabled administrator
     * @throws ConflictException {@code ALREADY_EXISTS} when the username is taken
     * @throws dev.locksmith.core.domain.PolicyViolationException with every violation of the initial password
     */
    void execute(Command command);
}
