package dev.locksmith.jdbc;

import dev.locksmith.core.Locksmith;
import dev.locksmith.core.port.PasswordHasher;
import dev.locksmith.core.testing.InMemoryBlocklist;
import dev.locksmith.core.testing.contract.StorePorts;

/** Test helpers around {@link JdbiStore}. */
final class Stores {
    private Stores() {}

    static StorePorts ports(JdbiStore store) {
        return new StorePorts(
                store.userAccounts(),
                store.passwordHistory(),
                store.auditTrail(),
                store.policyStore(),
                store.transactions());
    }

    /** Locksmith over every port of the store, with the hasher and the common test blocklist; not built yet. */
    static Locksmith.Builder locksmith(JdbiStore store, PasswordHasher hasher) {
        return Locksmith.builder()
                .userAccounts(store.userAccounts())
                .passwordHistory(store.passwordHistory())
                .auditTrail(store.auditTrail())
                .policyStore(store.policyStore())
                .transactions(store.transactions())
                .passwordHasher(hasher)
                .blocklist(InMemoryBlocklist.common());
    }
}
