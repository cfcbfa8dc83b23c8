package dev.locksmith.jdbc;

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
}
