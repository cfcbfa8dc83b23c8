package dev.locksmith.core.usecase;

import dev.locksmith.core.domain.AccessDeniedException;
import dev.locksmith.core.domain.AuditEvent;
import dev.locksmith.core.domain.ConflictException;
import dev.locksmith.core.domain.InvalidInputException;
import dev.locksmith.core.domain.Password;
import dev.locksmith.core.domain.PasswordPolicy;
import dev.locksmith.core.domain.Permission;
import dev.locksmith.core.domain.Profile;
import dev.locksmith.core.domain.Reason;
import dev.locksmith.core.domain.User;
import dev.locksmith.core.domain.Username;
import dev.locksmith.core.internal.Execution;
import dev.locksmith.core.internal.PasswordChecks;
import dev.locksmith.core.internal.Services;

import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * Creates the first administrator of an appliance whose store has no enabled administrator (a fresh
 * install, or one whose every administrator was disabled outside this library). There is no actor: whoever
 * can run this holds the store. Once an enabled administrator exists it is always denied, so it can never
 * be used to gain rights on a running appliance. The new user is local, enabled, holds
 * {@link Permission#ADMINISTRATOR}, and its password passes the whole policy. Audited as
 * {@link AuditEvent.Action#BOOTSTRAP_ADMINISTRATOR} with no actor. Thread-safe.
 */
public final class BootstrapAdministrator {
    private final Services services;

    /** Obtained from {@code Locksmith#bootstrapAdministrator()}; the constructor is not API. */
    @SuppressWarnings("exports")
    public BootstrapAdministrator(Services services) {
        this.services = Objects.requireNonNull(services, "services");
    }

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
    public void execute(Command command) {
        InvalidInputException.requireNonNull(command, "command");
        try {
            services.run(AuditEvent.Action.BOOTSTRAP_ADMINISTRATOR, Optional.empty(), Optional.of(command.username()), run -> {
                requireBootstrappable(run, command);
                PasswordPolicy policy = services.policy();
                return () -> {
                    services.checks().require(command.password(), policy, command.username(), command.profile(),
                            PasswordChecks.Earlier.none());
                    return services.hasher().hash(command.password());
                };
            }, (run, hash) -> {
                requireBootstrappable(run, command);
                services.users().add(User.newLocal(command.username(), command.profile(), Set.of(Permission.ADMINISTRATOR),
                        hash, run.now(), false, Optional.empty()));
                // The count above takes turns with concurrent bootstraps (see UserAccounts), so a second one
                // waits and then sees this administrator. A store that breaks that promise is still caught
                // here when the other insert is visible: whichever sees another administrator rolls back.
                if (services.users().countEnabledAdministrators() != 1) {
                    throw new ConflictException(Reason.CONFLICT, "another administrator was created concurrently",
                            Map.of("username", command.username().value()));
                }
                return null;
            });
        } finally {
            command.password().wipe();
        }
    }

    /** Refuses unless the store has no enabled administrator and the username is free and local. */
    private void requireBootstrappable(Execution run, Command command) {
        if (services.users().countEnabledAdministrators() > 0) {
            throw new AccessDeniedException(Reason.DENIED_NOT_PERMITTED,
                    "an enabled administrator exists: bootstrap is only for an appliance without one",
                    Map.of("action", "BOOTSTRAP_ADMINISTRATOR"));
        }
        services.claimant(run, command.username()).ifPresent(provider -> {
            throw new AccessDeniedException(Reason.DENIED_TARGET_MANAGED_BY_PROVIDER,
                    "the first administrator must be local; " + provider.name() + " manages "
                            + command.username().value(),
                    Map.of("action", "BOOTSTRAP_ADMINISTRATOR", "provider", provider.name()));
        });
        if (services.users().find(command.username()).isPresent()) {
            throw ConflictException.alreadyExists(command.username());
        }
    }
}
