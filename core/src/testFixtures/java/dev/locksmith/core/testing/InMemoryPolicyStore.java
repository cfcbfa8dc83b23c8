package dev.locksmith.core.testing;

import dev.locksmith.core.domain.InvalidInputException;
import dev.locksmith.core.domain.PasswordPolicy;
import dev.locksmith.core.port.PolicyStore;
import java.util.Objects;
import java.util.Optional;

/** {@link PolicyStore} in an {@link InMemoryDatabase}; empty until a policy is saved. Thread-safe. */
public final class InMemoryPolicyStore implements PolicyStore {
    private final InMemoryDatabase database;

    public InMemoryPolicyStore(InMemoryDatabase database) {
        this.database = Objects.requireNonNull(database, "database");
    }

    @Override
    public Optional<PasswordPolicy> load() {
        return database.locked(() -> Optional.ofNullable(database.policy));
    }

    @Override
    public void save(PasswordPolicy policy) {
        InvalidInputException.requireNonNull(policy, "policy");
        database.locked(() -> {
            database.policy = policy;
            return null;
        });
    }
}
