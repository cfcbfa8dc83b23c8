package dev.locksmith.core;

import dev.locksmith.core.domain.ConflictException;
import dev.locksmith.core.domain.InvalidInputException;
import dev.locksmith.core.domain.Operation;
import dev.locksmith.core.domain.Source;
import dev.locksmith.core.domain.User;
import dev.locksmith.core.internal.Services;
import dev.locksmith.core.usecase.RegisterProviderUser;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/** The implementation of {@link RegisterProviderUser}, built by {@link Locksmith}; not API. Thread-safe. */
final class RegisterProviderUserService implements RegisterProviderUser {
    private final Services services;

    RegisterProviderUserService(Services services) {
        this.services = Objects.requireNonNull(services, "services");
    }

    @Override
    public Result execute(Command command) {
        InvalidInputException.requireNonNull(command, "command");
        return services.run(
                Operation.REGISTER_PROVIDER_USER,
                Optional.of(command.actor()),
                Optional.of(command.username()),
                run -> {
                    services.requireActor(run, command.actor(), Operation.REGISTER_PROVIDER_USER);
                    run.detail("provider", command.provider().name());
                    Optional<User> existing = services.users().find(command.username());
                    Result result;
                    if (existing.isEmpty()) {
                        services.users()
                                .add(User.newProviderUser(
                                        command.username(), command.profile(), Set.of(), command.provider()));
                        result = Result.CREATED;
                    } else if (existing.get().source().isLocal()) {
                        throw ConflictException.alreadyExists(command.username());
                    } else if (existing.get().source().equals(command.provider())
                            && existing.get().profile().equals(command.profile())) {
                        result = Result.UNCHANGED;
                    } else {
                        if (!existing.get().source().equals(command.provider())) {
                            run.detail(
                                    "previousProvider",
                                    ((Source.Provider) existing.get().source()).name());
                        }
                        services.users()
                                .update(existing.get()
                                        .withSource(command.provider())
                                        .withProfile(command.profile()));
                        result = Result.UPDATED;
                    }
                    run.detail("result", result);
                    return result;
                });
    }
}
