package dev.locksmith.core.testing;

import dev.locksmith.core.domain.InvalidInputException;
import dev.locksmith.core.domain.PasswordPolicy;
import dev.locksmith.core.port.PolicyStore;
import java.util.Optional;

/** {@link PolicyStore} in an {@link InMemoryDatabase}; empty until a policy is saved. Thread-safe. */
public final class InMemoryPolicyStore extends InMemoryStore implements PolicyStore {
    public InMemoryPolicyStore(InMemoryDatabase database) {
        super(database);
    }

    @Override
    public Optional<PasswordPolicy> load() {
        return locked(() -> Optional.ofNullable(database.policy));
    }

    @Override
    public void save(PasswordPolicy policy) {
        InvalidInputException.requireNonNull(policy, "policy");
        change(() -> {
            database.policy = policy;
        });
    }
}
