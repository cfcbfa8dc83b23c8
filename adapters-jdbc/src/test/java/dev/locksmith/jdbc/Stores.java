package dev.locksmith.jdbc;

import dev.locksmith.core.Locksmith;
import dev.locksmith.core.port.PasswordHasher;
import dev.locksmith.core.testing.InMemoryBlocklist;

/** Test helpers around {@link JdbiStore}. */
final class Stores {
    private Stores() {}

    /** Locksmith over every port of the store, with the hasher and the common test blocklist; not built yet. */
    static Locksmith.Builder locksmith(JdbiStore store, PasswordHasher hasher) {
        return Locksmith.builder().store(store).passwordHasher(hasher).blocklist(InMemoryBlocklist.common());
    }
}
