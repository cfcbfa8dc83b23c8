package dev.locksmith.jdbc;

import dev.locksmith.core.domain.ConflictException;
import dev.locksmith.core.domain.LocksmithException;
import dev.locksmith.core.domain.Reason;
import dev.locksmith.core.domain.UnavailableException;
import java.sql.SQLException;
import java.util.Map;
import java.util.Optional;

/**
 * Translates what JDBC, Jdbi, HikariCP and Flyway throw into core's errors. Messages name the operation and
 * the SQLState, never a data value; the cause is a {@link DatabaseFailure}, never the driver's exception.
 *
 * <p>A lock timeout is a {@link ConflictException} ({@link Reason#CONFLICT}: someone else holds the row; a
 * retry may succeed). A statement timeout is an {@link UnavailableException} ({@link Reason#UNAVAILABLE}: the
 * database is too slow or stuck). A failed commit whose outcome cannot be known is
 * {@link Reason#OUTCOME_UNKNOWN} ({@link #commitFailure}).
 */
final class SqlErrors {
    private static final System.Logger LOG = System.getLogger(SqlErrors.class.getName());

    private SqlErrors() {}

    /** The first {@link SQLException} in the cause chain, if any. */
    static Optional<SQLException> sqlCause(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof SQLException sql) {
                return Optional.of(sql);
            }
            if (t.getCause() == t) {
                break;
            }
        }
        return Optional.empty();
    }

    /** Whether the failure is a unique-key violation (SQLState 23505 on H2 and PostgreSQL). */
    static boolean isUniqueViolation(Throwable e) {
        return sqlCause(e).map(s -> "23505".equals(s.getSQLState())).orElse(false);
    }

    /**
     * Whether the failure is a concurrency outcome that a retry may cure: serialization failure, deadlock,
     * lock timeout, or H2's "concurrent update" of a row.
     */
    static boolean isConcurrencyFailure(Throwable e) {
        Optional<SQLException> sql = sqlCause(e);
        if (sql.isEmpty()) {
            return false;
        }
        String state = sql.get().getSQLState();
        if (state == null) {
            return false;
        }
        return state.startsWith("40") // transaction rollback: 40001 serialization, 40P01 deadlock
                || state.equals("55P03") // PostgreSQL lock_not_available
                || state.equals("HYT00") // H2 lock timeout
                || state.equals("90131"); // H2 concurrent update in the same row
    }

    /** Whether the failure is the database giving up waiting for a lock (the session's lock timeout). */
    static boolean isLockTimeout(Throwable e) {
        return sqlState(e)
                .map(state -> state.equals("55P03") // PostgreSQL lock_not_available
                        || state.equals("HYT00"))
                .orElse(false); // H2 lock timeout
    }

    /** Whether the failure is a statement cancelled by the session's statement timeout (57014 on both databases). */
    static boolean isStatementTimeout(Throwable e) {
        return sqlState(e).map("57014"::equals).orElse(false);
    }

    private static Optional<String> sqlState(Throwable e) {
        return sqlCause(e).map(SQLException::getSQLState);
    }

    /**
     * Translates a failure of COMMIT. The database's answer was lost unless the failure says the transaction
     * was rolled back (class 40: serialization failure, deadlock; class 23: a deferred constraint; class 25:
     * the transaction had already failed) or the connection was known closed before the commit was sent
     * (08003): every other failure, a lost connection (08006) above all, may have happened after the database
     * committed. That is {@link Reason#OUTCOME_UNKNOWN}, never "nothing changed".
     */
    static LocksmithException commitFailure(Throwable e) {
        Optional<String> state = sqlState(e);
        boolean rolledBack = state.map(
                        s -> s.startsWith("40") || s.startsWith("23") || s.startsWith("25") || s.equals("08003"))
                .orElse(false);
        if (rolledBack) {
            return translate("commit a transaction", e);
        }
        Exception cause = sqlCause(e).<Exception>map(DatabaseFailure::of).orElseGet(() -> DatabaseFailure.of(e));
        LOG.log(System.Logger.Level.WARNING, "commit failed with an unknown outcome: {0}", cause.getMessage());
        return new UnavailableException(
                Reason.OUTCOME_UNKNOWN,
                "the database connection failed while committing"
                        + state.map(s -> " (SQLState " + s + ")").orElse("")
                        + ": the change may or may not have been stored; read the state again before repeating it",
                cause);
    }

    /** Translates {@code e}, raised while doing {@code operation} (a short phrase free of data values). */
    static LocksmithException translate(String operation, Throwable e) {
        if (e instanceof LocksmithException le) {
            return le;
        }
        Optional<SQLException> sql = sqlCause(e);
        Exception cause = sql.<Exception>map(DatabaseFailure::of).orElseGet(() -> DatabaseFailure.of(e));
        // Core's ConflictException takes no cause (it is an outcome, not a fault): the detail goes to the log.
        LOG.log(System.Logger.Level.DEBUG, "database failure while trying to {0}: {1}", operation, cause.getMessage());
        if (isLockTimeout(e)) {
            return new ConflictException(
                    Reason.CONFLICT,
                    "another transaction held a row longer than the lock " + "timeout while trying to " + operation
                            + "; nothing was changed, retry",
                    Map.of());
        }
        if (isStatementTimeout(e)) {
            return new UnavailableException(
                    "the database did not answer within the statement timeout while trying to " + operation
                            + " (SQLState 57014); nothing was changed",
                    cause);
        }
        if (isConcurrencyFailure(e)) {
            return new ConflictException(
                    Reason.CONFLICT, "concurrent change while trying to " + operation + "; retry", Map.of());
        }
        if (isUniqueViolation(e)) {
            return new ConflictException(Reason.ALREADY_EXISTS, "duplicate key while trying to " + operation, Map.of());
        }
        String state = sql.map(s -> " (SQLState " + s.getSQLState() + ")").orElse("");
        return new UnavailableException("database failure while trying to " + operation + state, cause);
    }
}
