package dev.locksmith.core;

import dev.locksmith.core.domain.ConflictException;
import dev.locksmith.core.domain.InvalidInputException;
import dev.locksmith.core.domain.Operation;
import dev.locksmith.core.domain.Source;
import dev.locksmith.core.domain.User;
import dev.locksmith.core.internal.UseCaseRunner;
import dev.locksmith.core.port.UserAccounts;
import dev.locksmith.core.usecase.RegisterProviderUser;
import java.util.Optional;
import java.util.Set;

/** The implementation of {@link RegisterProviderUser}, built by {@link Locksmith}; not API. Thread-safe. */
record RegisterProviderUserService(UseCaseRunner runner, UserAccounts users) implements RegisterProviderUser {
    @Override
    public Result execute(Command command) {
        InvalidInputException.requireNonNull(command, "command");
        return runner.runAs(
                Operation.REGISTER_PROVIDER_USER, command.actor(), Optional.of(command.username()), (run, actor) -> {
                    run.detail("provider", command.provider().name());
                    Optional<User> existing = users.find(command.username());
                    Result result;
                    if (existing.isEmpty()) {
                        users.add(User.newProviderUser(
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
                        users.update(
                                existing.get().withSource(command.provider()).withProfile(command.profile()));
                        result = Result.UPDATED;
                    }
                    run.detail("result", result);
                    return result;
                });
    }
}
