package dev.locksmith.jdbc;

import dev.locksmith.core.port.Transactions;
import java.util.function.Supplier;

/**
 * {@link Transactions} over one {@link JdbiStore}: binds a Jdbi handle, inside a database transaction, to the
 * calling thread; every port of the same store uses it while it is bound, so a use case's changes and its
 * audit event commit together or not at all. A nested call joins the running transaction. Outside of one,
 * each port call runs in a short transaction of its own.
 *
 * <p>Isolation is READ COMMITTED whatever the database's default: the store's own pool is configured so, and
 * on a host's data source it is set on the connection for each transaction and put back afterwards: the ports need no more, since user
 * writes are optimistic and failed-login counting locks its row, and under a stricter level a burst of
 * failed logins would end in serialization failures instead of counted attempts.
 *
 * <p>Obtained from {@link JdbiStore#transactions()}. Thread-safe; a transaction belongs to the calling thread.
 * Rethrows what {@code work} throws after rolling back; a failure to begin or commit is a
 * {@link dev.locksmith.core.domain.UnavailableException}, or a {@link dev.locksmith.core.domain.ConflictException}
 * when the database reports a serialization failure or deadlock. A commit of a transaction that wrote whose
 * answer was lost (the connection failed during COMMIT) is an {@code UnavailableException} with reason
 * {@link dev.locksmith.core.domain.Reason#OUTCOME_UNKNOWN}: it may have been stored.
 */
public final class JdbiTransactions implements Transactions {
    private final Database db;

    JdbiTransactions(Database db) {
        this.db = db;
    }

    @Override
    public <T> T inTransaction(Supplier<T> work) {
        return db.inTransaction(work);
    }

    @Override
    public boolean inProgress() {
        return db.inProgress();
    }
}
