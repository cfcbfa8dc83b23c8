package dev.locksmith.core.testing;

import dev.locksmith.core.port.Transactions;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * {@link Transactions} over an {@link InMemoryDatabase}: a transaction holds the database's lock from begin
 * to end and snapshots the data at begin; when the work throws, the snapshot is restored, so the store is
 * exactly as before, and the same exception is rethrown. A call inside a running transaction of the same
 * thread joins it (and its failure rolls back only when it reaches the outermost call). Thread-safe.
 */
public final class InMemoryTransactions implements Transactions {
    private final InMemoryDatabase database;

    public InMemoryTransactions(InMemoryDatabase database) {
        this.database = Objects.requireNonNull(database, "database");
    }

    @Override
    public <T> T inTransaction(Supplier<T> work) {
        Objects.requireNonNull(work, "work");
        database.lock.lock();
        try {
            if (database.transactionOwner == Thread.currentThread()) {
                return work.get();
            }
            InMemoryDatabase.State before = database.state();
            database.transactionOwner = Thread.currentThread();
            try {
                return work.get();
            } catch (RuntimeException | Error e) {
                database.restore(before);
                throw e;
            } finally {
                database.transactionOwner = null;
            }
        } finally {
            database.lock.unlock();
        }
    }

    /** Whether the calling thread is inside a transaction of this database. */
    @Override
    public boolean inProgress() {
        // No lock: another thread asking must not wait for the running transaction.
        return database.transactionOwner == Thread.currentThread();
    }
}
