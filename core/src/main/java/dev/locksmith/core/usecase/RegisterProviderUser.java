package dev.locksmith.core.usecase;

import dev.locksmith.core.domain.AuditEvent;
import dev.locksmith.core.domain.Authorization;
import dev.locksmith.core.domain.ConflictException;
import dev.locksmith.core.domain.InvalidInputException;
import dev.locksmith.core.domain.Profile;
import dev.locksmith.core.domain.Source;
import dev.locksmith.core.domain.User;
import dev.locksmith.core.domain.Username;
import dev.locksmith.core.internal.Services;

import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * An administrator registers a security-provider user, or syncs the profile of one already registered
 * (for example from the directory's data). New provider users have no permissions; grant them with
 * {@link EditUser}. A user registered under another provider moves to this one (an administrator corrects
 * the provider), keeping its permissions and state. A local user of that name is not converted: that is a
 * conflict. Thread-safe.
 */
public final class RegisterProviderUser {
    private final Services services;

    /** Obtained from {@code Locksmith#registerProviderUser()}; the constructor is not API. */
    @SuppressWarnings("exports")
    public RegisterProviderUser(Services services) {
        this.services = Objects.requireNonNull(services, "services");
    }

    /** The provider user as the directory knows it. */
    public record Command(Username actor, Username username, Source.Provider provider, Profile profile) {
        public Command {
            InvalidInputException.requireNonNull(actor, "actor");
            InvalidInputException.requireNonNull(username, "username");
            InvalidInputException.requireNonNull(provider, "provider");
            InvalidInputException.requireNonNull(profile, "profile");
        }
    }

    /** What the sync did. */
    public enum Result {
        /** The user was registered. */
        CREATED,
        /** The stored profile or provider was replaced. */
        UPDATED,
        /** The stored user already matched. */
        UNCHANGED
    }

    /**
     * Registers or syncs the user.
     *
     * @throws dev.locksmith.core.domain.AccessDeniedException unless the actor is an enabled administrator
     * @throws ConflictException {@code ALREADY_EXISTS} when a local user has the name
     */
    public Result execute(Command command) {
        InvalidInputException.requireNonNull(command, "command");
        return services.run(AuditEvent.Action.SYNC_PROVIDER_USER, Optional.of(command.actor()),
                Optional.of(command.username()), run -> {
                    services.requireActor(command.actor(), Authorization.Action.SYNC_PROVIDER_USER);
                    run.detail("provider", command.provider().name());
                    Optional<User> existing = services.users().find(command.username());
                    Result result;
                    if (existing.isEmpty()) {
                        services.users().add(User.newProviderUser(command.username(), command.profile(), Set.of(),
                                command.provider()));
                        result = Result.CREATED;
                    } else if (existing.get().source().isLocal()) {
                        throw ConflictException.alreadyExists(command.username());
                    } else if (!existing.get().source().equals(command.provider())) {
                        User old = existing.get();
                        run.detail("previousProvider", ((Source.Provider) old.source()).name());
                        services.users().update(new User(old.username(), command.profile(), old.permissions(),
                                old.enabled(), command.provider(), old.passwordHash(), old.passwordChangedAt(),
                                old.mustChangePassword(), old.temporaryPasswordExpiresAt(), old.failedLogins(),
                                old.lock(), old.version()));
                        result = Result.UPDATED;
                    } else if (existing.get().profile().equals(command.profile())) {
                        result = Result.UNCHANGED;
                    } else {
                        services.users().update(existing.get().withProfile(command.profile()));
                        result = Result.UPDATED;
                    }
                    run.detail("result", result);
                    return result;
                });
    }
}
