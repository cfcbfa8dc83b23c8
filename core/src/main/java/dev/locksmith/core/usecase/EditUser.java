package dev.locksmith.core.usecase;

import dev.locksmith.core.domain.AuditEvent;
import dev.locksmith.core.domain.Authorization;
import dev.locksmith.core.domain.InvalidInputException;
import dev.locksmith.core.domain.Permission;
import dev.locksmith.core.domain.Profile;
import dev.locksmith.core.domain.User;
import dev.locksmith.core.domain.Username;
import dev.locksmith.core.internal.Services;

import java.util.Collections;
import java.util.EnumSet;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * An administrator edits a user's profile (display names, email, comments), enabled flag or permissions;
 * each present field replaces the stored one. Disabling also asks the matrix about
 * {@link Authorization.Action#DISABLE_USER} (never oneself, never the last enabled administrator) and taking
 * {@code ADMINISTRATOR} away asks about {@link Authorization.Action#REVOKE_ADMINISTRATOR}. Thread-safe.
 */
public final class EditUser {
    private final Services services;

    /** Obtained from {@code Locksmith#editUser()}; the constructor is not API. */
    @SuppressWarnings("exports")
    public EditUser(Services services) {
        this.services = Objects.requireNonNull(services, "services");
    }

    /** The changes; an empty field is left as it is. */
    public record Command(Username actor, Username target, Optional<Profile> profile, Optional<Boolean> enabled,
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
            permissions = permissions.map(p -> p.isEmpty() ? Set.<Permission>of() : Collections.unmodifiableSet(EnumSet.copyOf(p)));
        }

        /** Only the profile. */
        public static Command profile(Username actor, Username target, Profile profile) {
            return new Command(actor, target, Optional.of(InvalidInputException.requireNonNull(profile, "profile")),
                    Optional.empty(), Optional.empty());
        }

        /** Only the enabled flag. */
        public static Command enabled(Username actor, Username target, boolean enabled) {
            return new Command(actor, target, Optional.empty(), Optional.of(enabled), Optional.empty());
        }

        /** Only the permissions. */
        public static Command permissions(Username actor, Username target, Set<Permission> permissions) {
            return new Command(actor, target, Optional.empty(), Optional.empty(),
                    Optional.of(InvalidInputException.requireNonNull(permissions, "permissions")));
        }
    }

    /**
     * Applies the changes.
     *
     * @throws dev.locksmith.core.domain.AccessDeniedException when the matrix refuses
     * @throws dev.locksmith.core.domain.NotFoundException when the target does not exist
     */
    public void execute(Command command) {
        InvalidInputException.requireNonNull(command, "command");
        services.run(AuditEvent.Action.EDIT_USER, Optional.of(command.actor()), Optional.of(command.target()), run -> {
            Authorization.Actor actor = services.requireActor(run, command.actor(), Authorization.Action.EDIT_USER);
            User target = services.requireTarget(run, actor, Authorization.Action.EDIT_USER, command.target());
            if (command.enabled().isPresent() && !command.enabled().get() && target.enabled()) {
                services.requireAllowed(run, actor, Authorization.Action.DISABLE_USER, target);
            }
            if (command.permissions().isPresent() && target.isAdministrator()
                    && !command.permissions().get().contains(Permission.ADMINISTRATOR)) {
                services.requireAllowed(run, actor, Authorization.Action.REVOKE_ADMINISTRATOR, target);
            }
            User changed = target;
            if (command.profile().isPresent()) {
                changed = changed.withProfile(command.profile().get());
                run.detail("profile", "changed");
            }
            if (command.enabled().isPresent()) {
                changed = changed.withEnabled(command.enabled().get());
                run.detail("enabled", command.enabled().get());
            }
            if (command.permissions().isPresent()) {
                changed = changed.withPermissions(command.permissions().get());
                run.detail("permissions", command.permissions().get());
            }
            if (!changed.equals(target)) {
                services.users().update(changed);
            }
            return null;
        });
    }

}
