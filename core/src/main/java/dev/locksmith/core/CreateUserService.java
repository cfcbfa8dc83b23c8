package dev.locksmith.core;

import dev.locksmith.core.domain.ConflictException;
import dev.locksmith.core.domain.InvalidInputException;
import dev.locksmith.core.domain.Operation;
import dev.locksmith.core.domain.Password;
import dev.locksmith.core.domain.PasswordHash;
import dev.locksmith.core.domain.PasswordPolicy;
import dev.locksmith.core.domain.User;
import dev.locksmith.core.internal.PasswordChecks;
import dev.locksmith.core.internal.Policies;
import dev.locksmith.core.internal.UseCaseRunner;
import dev.locksmith.core.port.PolicyStore;
import dev.locksmith.core.port.UserAccounts;
import dev.locksmith.core.usecase.CreateUser;
import java.time.Instant;
import java.util.Optional;

/** The implementation of {@link CreateUser}, built by {@link Locksmith}; not API. Thread-safe. */
record CreateUserService(UseCaseRunner runner, UserAccounts users, PolicyStore policies, PasswordChecks checks)
        implements CreateUser {
    @Override
    public void execute(Command command) {
        InvalidInputException.requireNonNull(command, "command");
        try (Password password = command.initialPassword()) {
            runner.runAs(
                    Operation.CREATE_USER,
                    command.actor(),
                    Optional.of(command.username()),
                    (run, actor) -> {
                        if (users.find(command.username()).isPresent()) {
                            throw ConflictException.alreadyExists(command.username());
                        }
                        PasswordPolicy policy = Policies.inForce(policies);
                        return () -> new Checked(
                                policy, checks.hashCompliant(password, policy, command.username(), command.profile()));
                    },
                    (run, checked) -> {
                        runner.requireActor(run, command.actor(), Operation.CREATE_USER);
                        Instant now = run.now();
                        Optional<Instant> temporaryUntil = command.mustChangePassword()
                                ? checked.policy().temporaryLifetime().map(now::plus)
                                : Optional.empty();
                        // A name taken meanwhile is ALREADY_EXISTS from the store.
                        users.add(User.newLocal(
                                command.username(),
                                command.profile(),
                                command.permissions(),
                                checked.hash(),
                                now,
                                command.mustChangePassword(),
                                temporaryUntil));
                        run.detail("permissions", command.permissions());
                        run.detail("mustChange", command.mustChangePassword());
                        return null;
                    });
        }
    }

    private record Checked(PasswordPolicy policy, PasswordHash hash) {}
}
