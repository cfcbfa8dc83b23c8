package dev.locksmith.core.usecase;

import dev.locksmith.core.domain.AuditEvent;
import dev.locksmith.core.domain.Authorization;
import dev.locksmith.core.domain.ConflictException;
import dev.locksmith.core.domain.InvalidInputException;
import dev.locksmith.core.domain.Password;
import dev.locksmith.core.domain.PasswordHash;
import dev.locksmith.core.domain.PasswordPolicy;
import dev.locksmith.core.domain.Permission;
import dev.locksmith.core.domain.Profile;
import dev.locksmith.core.domain.User;
import dev.locksmith.core.domain.Username;
import dev.locksmith.core.internal.PasswordChecks;
import dev.locksmith.core.internal.Services;

import java.time.Instant;
import java.util.Collections;
import java.util.EnumSet;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * An administrator creates a local user with an initial password, checked against the policy. When
 * {@code mustChangePassword} is set, the initial password is temporary (it expires after the policy's
 * temporary lifetime). Thread-safe.
 */
public final class CreateUser {
    private final Services services;

    /** Obtained from {@code Locksmith#createUser()}; the constructor is not API. */
    @SuppressWarnings("exports")
    public CreateUser(Services services) {
        this.services = Objects.requireNonNull(services, "services");
    }

    /**
     * The new user. Ownership of {@code initialPassword} passes to the use case, which wipes it when it
     * returns or throws.
     */
    public record Command(Username actor, Username username, Profile profile, Set<Permission> permissions,
                          Password initialPassword, boolean mustChangePassword) {
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
        public static Command of(Username actor, Username username, Profile profile, Set<Permission> permissions,
                                 Password initialPassword) {
            return new Command(actor, username, profile, permissions, initialPassword, false);
        }

        /** A user whose initial password is temporary: it must be changed at first login, and may expire. */
        public static Command withTemporaryPassword(Username actor, Username username, Profile profile,
                                                    Set<Permission> permissions, Password initialPassword) {
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
    public void execute(Command command) {
        InvalidInputException.requireNonNull(command, "command");
        try {
            services.run(AuditEvent.Action.CREATE_USER, Optional.of(command.actor()), Optional.of(command.username()), run -> {
                services.requireActor(run, command.actor(), Authorization.Action.CREATE_USER);
                if (services.users().find(command.username()).isPresent()) {
                    throw ConflictException.alreadyExists(command.username());
                }
                PasswordPolicy policy = services.policy();
                return () -> {
                    services.checks().require(command.initialPassword(), policy, command.username(), command.profile(),
                            PasswordChecks.Earlier.none());
                    return new Checked(policy, services.hasher().hash(command.initialPassword()));
                };
            }, (run, checked) -> {
                services.requireActor(run, command.actor(), Authorization.Action.CREATE_USER);
                Instant now = run.now();
                Optional<Instant> temporaryUntil = command.mustChangePassword()
                        ? checked.policy().temporaryLifetime().map(now::plus) : Optional.empty();
                // A name taken meanwhile is ALREADY_EXISTS from the store.
                services.users().add(User.newLocal(command.username(), command.profile(), command.permissions(),
                        checked.hash(), now, command.mustChangePassword(), temporaryUntil));
                run.detail("permissions", command.permissions());
                run.detail("mustChange", command.mustChangePassword());
                return null;
            });
        } finally {
            command.initialPassword().wipe();
        }
    }

    private record Checked(PasswordPolicy policy, PasswordHash hash) {
    }
}
