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
 * {@link EditUser}. Registering a provider user again under another provider moves it there (how an
 * administrator corrects a provider name). A local user of that name is not converted: that is a conflict.
 * Thread-safe.
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
        /** The stored profile was replaced. */
        UPDATED,
        /** The stored user already matched. */
        UNCHANGED
    }

    /**
     * Registers or syncs the user.
     *
     * @throws dev.locksmith.core.domain.AccessDeniedException unless the actor is an enabled administrator
     * @throws ConflictException {@code ALREADY_EXISTS} when a local user has the name (a provider user of another
     *     provider is moved to this one: the administrator corrects a provider name this way)
     */
    public Result execute(Command command) {
        InvalidInputException.requireNonNull(command, "command");
        return services.run(AuditEvent.Action.SYNC_PROVIDER_USER, Optional.of(command.actor()),
                Optional.of(command.username()), run -> {
                    services.requireActor(run, command.actor(), Authorization.Action.SYNC_PROVIDER_USER);
                    run.detail("provider", command.provider().name());
                    Optional<User> existing = services.users().find(command.username());
                    Result result;
                    if (existing.isEmpty()) {
                        services.users().add(User.newProviderUser(command.username(), command.profile(), Set.of(),
                                command.provider()));
                        result = Result.CREATED;
                    } else if (existing.get().source().isLocal()) {
                        throw ConflictException.alreadyExists(command.username());
                    } else if (existing.get().source().equals(command.provider())
                            && existing.get().profile().equals(command.profile())) {
                        result = Result.UNCHANGED;
                    } else {
                        if (!existing.get().source().equals(command.provider())) {
                            run.detail("previousProvider", ((Source.Provider) existing.get().source()).name());
                        }
                        services.users().update(existing.get().withSource(command.provider()).withProfile(command.profile()));
                        result = Result.UPDATED;
                    }
                    run.detail("result", result);
                    return result;
                });
    }
}
