package dev.locksmith.jdbc;

import dev.locksmith.core.domain.LocksmithException;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.function.Supplier;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;

/**
 * One store's connection to its database: the Jdbi instance, the table names, and the transaction bound to
 * the calling thread. Every port of a store shares one instance, so a use case's calls to several ports run
 * on one Jdbi {@link Handle} and commit or roll back together.
 *
 * <p>Thread-safe: the bound handle lives in a {@link ThreadLocal}; two stores (two pools, as two appliance
 * nodes would have) have separate bindings and meet only in the database.
 */
final class Database {
    private static final System.Logger LOG = System.getLogger(Database.class.getName());

    private final Jdbi jdbi;
    private final Tables tables;
    private final boolean pinIsolation;
    // Per store, not static: two stores (two pools, as two appliance nodes) bind transactions independently.
    @SuppressWarnings("ThreadLocalUsage")
    private final ThreadLocal<Handle> current = new ThreadLocal<>();
    /** Whether the thread's transaction has run a write (set before the write is sent). */
    private final ThreadLocal<Boolean> wrote = new ThreadLocal<>();

    /**
     * @param pinIsolation set READ COMMITTED on each transaction's connection and restore the level afterwards:
     *     for a host's data source, whose default this store does not control (its own pool is configured at
     *     READ COMMITTED, and asking a PostgreSQL connection its level costs a round trip)
     */
    Database(Jdbi jdbi, Tables tables, boolean pinIsolation) {
        this.jdbi = jdbi;
        this.tables = tables;
        this.pinIsolation = pinIsolation;
    }

    Tables tables() {
        return tables;
    }

    /** Work on a handle; may throw the driver's exceptions, which {@link #call} translates. */
    @FunctionalInterface
    interface Work<T> {
        T apply(Handle handle) throws SQLException;
    }

    /**
     * Runs {@code work} on the thread's transaction when one is bound, else in a short transaction of its own.
     * Exceptions come out translated ({@link SqlErrors#translate}).
     *
     * @param operation what is being done, a short phrase free of data values, for error messages
     */
    <T> T call(String operation, Work<T> work) {
        return inTransaction(() -> {
            Handle handle = current.get();
            try {
                return work.apply(handle);
            } catch (LocksmithException e) {
                throw e;
            } catch (SQLException | RuntimeException e) {
                throw SqlErrors.translate(operation, e);
            }
        });
    }

    /**
     * {@link #call} for work that may change the database: the transaction is marked as writing before the
     * work runs, so that a failed commit of it is reported as of unknown outcome, while a failed commit of a
     * transaction that only read is a plain failure (nothing can have changed).
     */
    <T> T write(String operation, Work<T> work) {
        return inTransaction(() -> {
            wrote.set(Boolean.TRUE);
            return call(operation, work);
        });
    }

    /** Whether a transaction of this store is bound to the calling thread. */
    boolean inProgress() {
        return current.get() != null;
    }

    /**
     * Runs {@code work} in a transaction bound to the calling thread: commits when it returns, rolls back when
     * it throws and rethrows the same exception. Inside a running transaction, joins it.
     */
    <T> T inTransaction(Supplier<T> work) {
        if (current.get() != null) {
            return work.get();
        }
        Handle handle = open();
        Integer restoreIsolation = null;
        try {
            if (pinIsolation) {
                restoreIsolation = readCommitted(handle);
            }
            begin(handle);
            current.set(handle);
            T result;
            boolean writing;
            try {
                result = work.get();
            } catch (Throwable failure) {
                current.remove();
                wrote.remove();
                rollback(handle, failure);
                throw failure;
            }
            current.remove();
            writing = Boolean.TRUE.equals(wrote.get());
            wrote.remove();
            commit(handle, writing);
            return result;
        } finally {
            if (restoreIsolation != null) {
                restoreIsolation(handle, restoreIsolation);
            }
            close(handle);
        }
    }

    /**
     * Puts the connection at READ COMMITTED, the level every port is written for, whatever the host's pool or
     * database default says: under REPEATABLE READ or SERIALIZABLE the atomic failed-login count would fail
     * with serialization errors under a burst (guesses verified, then not counted), and a success could be
     * turned into an error. Returns the level to restore afterwards, or null when nothing was changed.
     */
    private static Integer readCommitted(Handle handle) {
        try {
            Connection connection = handle.getConnection();
            int level = connection.getTransactionIsolation();
            if (level == Connection.TRANSACTION_READ_COMMITTED) {
                return null;
            }
            connection.setTransactionIsolation(Connection.TRANSACTION_READ_COMMITTED);
            return level;
        } catch (SQLException | RuntimeException e) {
            throw SqlErrors.translate("set the transaction isolation", e);
        }
    }

    /** Gives the host's connection back at the level it had; on failure the pool sees a broken connection. */
    private static void restoreIsolation(Handle handle, int level) {
        try {
            handle.getConnection().setTransactionIsolation(level);
        } catch (SQLException | RuntimeException e) {
            LOG.log(
                    System.Logger.Level.WARNING,
                    "restoring the transaction isolation failed: {0}",
                    SqlErrors.translate("restore the transaction isolation", e).getMessage());
        }
    }

    /**
     * Takes a connection: one request to the data source, so a caller waits at most the pool's connection
     * timeout, once, and then gets {@link dev.locksmith.core.domain.UnavailableException}.
     */
    private Handle open() {
        try {
            return jdbi.open();
        } catch (RuntimeException e) {
            throw SqlErrors.translate(
                    "get a database connection (none became free within the connection timeout, "
                            + "or the database is unreachable)",
                    e);
        }
    }

    private static void begin(Handle handle) {
        try {
            handle.begin();
        } catch (RuntimeException e) {
            throw SqlErrors.translate("begin a transaction", e);
        }
    }

    /**
     * Commits. When the transaction wrote, a failure that may have come after the database committed (a
     * connection lost during COMMIT) is {@link dev.locksmith.core.domain.Reason#OUTCOME_UNKNOWN}, never "nothing
     * changed" ({@link SqlErrors#commitFailure}); a transaction that only read changed nothing either way.
     */
    private static void commit(Handle handle, boolean writing) {
        try {
            handle.commit();
        } catch (RuntimeException e) {
            LocksmithException translated =
                    writing ? SqlErrors.commitFailure(e) : SqlErrors.translate("commit a transaction", e);
            rollback(handle, translated);
            throw translated;
        }
    }

    /** Rolls back; a failure to do so is recorded on {@code failure} (sanitized), which the caller rethrows. */
    private static void rollback(Handle handle, Throwable failure) {
        try {
            handle.rollback();
        } catch (RuntimeException e) {
            failure.addSuppressed(SqlErrors.translate("roll back a transaction", e));
        }
    }

    private static void close(Handle handle) {
        try {
            handle.close();
        } catch (RuntimeException e) {
            // The transaction already ended; a failing close only loses the connection, which the pool replaces.
            LOG.log(
                    System.Logger.Level.WARNING,
                    "closing a database handle failed: {0}",
                    SqlErrors.translate("close a database handle", e).getMessage());
        }
    }
}
