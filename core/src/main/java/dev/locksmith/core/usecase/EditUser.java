package dev.locksmith.core.usecase;

import dev.locksmith.core.domain.InvalidInputException;
import dev.locksmith.core.domain.Operation;
import dev.locksmith.core.domain.Permission;
import dev.locksmith.core.domain.Profile;
import dev.locksmith.core.domain.Username;
import java.util.Collections;
import java.util.EnumSet;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * An administrator edits a user's profile (display names, email, comments), enabled flag or permissions;
 * each present field replaces the stored one. Disabling also asks the matrix about
 * {@link Operation#DISABLE_USER} (never oneself, never the last enabled administrator) and taking
 * {@code ADMINISTRATOR} away asks about {@link Operation#REVOKE_ADMINISTRATOR}. Implementations are thread-safe.
 */
public interface EditUser {

    /** The changes; an empty field is left as it is. */
    public record Command(
            Username actor,
            Username target,
            Optional<Profile> profile,
            Optional<Boolean> enabled,
            Optional<Set<Permission>> permissions) {
        public Command {
            InvalidInputException.requireNonNull(actor, "actor");
            InvalidInputException.requireNonNull(target, "target");
            InvalidInputException.requireNonNull(profile, "profile");
            InvalidInputException.requireNonNull(enabled, "enabled");
            InvalidInputException.requireNonNull(permissions, "permissions");
            if (permissions.isPresent() && permissions.get().stream().anyMatch(Objects::isNull)) {
                throw new InvalidInputException("permissions", "must not contain null");
            }
            permissions = permissions.map(
                    p -> p.isEmpty() ? Set.<Permission>of() : Collections.unmodifiableSet(EnumSet.copyOf(p)));
        }

        /** Only the profile. */
        public static Command profile(Username actor, Username target, Profile profile) {
            return new Command(
                    actor,
                    target,
                    Optional.of(InvalidInputException.requireNonNull(profile, "profile")),
                    Optional.empty(),
                    Optional.empty());
        }

        /** Only the enabled flag. */
        public static Command enabled(Username actor, Username target, boolean enabled) {
            return new Command(actor, target, Optional.empty(), Optional.of(enabled), Optional.empty());
        }

        /** Only the permissions. */
        public static Command permissions(Username actor, Username target, Set<Permission> permissions) {
            return new Command(
                    actor,
                    target,
                    Optional.empty(),
                    Optional.empty(),
                    Optional.of(InvalidInputException.requireNonNull(permissions, "permissions")));
        }
    }

    /**
     * Applies the changes.
     *
     * @throws dev.locksmith.core.domain.AccessDeniedException when the matrix refuses
     * @throws dev.locksmith.core.domain.NotFoundException when the target does not exist
     */
    void execute(Command command);
}
