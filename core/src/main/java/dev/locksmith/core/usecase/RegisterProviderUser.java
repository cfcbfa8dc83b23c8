package dev.locksmith.core.usecase;

import dev.locksmith.core.domain.ConflictException;
import dev.locksmith.core.domain.InvalidInputException;
import dev.locksmith.core.domain.Profile;
import dev.locksmith.core.domain.Source;
import dev.locksmith.core.domain.Username;

/**
 * An administrator registers a security-provider user, or syncs the profile of one already registered
 * (for example from the directory's data). New provider users have no permissions; grant them with
 * {@link EditUser}. Registering a provider user again under another provider moves it there (how an
 * administrator corrects a provider name). A local user of that name is not converted: that is a conflict.
 * Implementations are thread-safe.
 */
public interface RegisterProviderUser {

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
    Result execute(Command command);
}
