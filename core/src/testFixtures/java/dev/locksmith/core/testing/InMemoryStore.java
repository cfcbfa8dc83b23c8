package dev.locksmith.core.testing;

import java.util.Objects;
import java.util.function.Supplier;

/** What the in-memory stores share: their {@link InMemoryDatabase}, and every operation run holding its lock. */
abstract class InMemoryStore {
    final InMemoryDatabase database;

    InMemoryStore(InMemoryDatabase database) {
        this.database = Objects.requireNonNull(database, "database");
    }

    /** Runs {@code operation} holding the database's lock (joining a transaction of this thread). */
    final <T> T locked(Supplier<T> operation) {
        return database.locked(operation);
    }

    /** Runs {@code change} holding the database's lock (joining a transaction of this thread). */
    final void change(Runnable change) {
        database.locked(() -> {
            change.run();
            return null;
        });
    }
}
