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
 */
final class SqlErrors {
    private static final System.Logger LOG = System.getLogger(SqlErrors.class.getName());

    private SqlErrors() {
    }

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

    /** Translates {@code e}, raised while doing {@code operation} (a short phrase free of data values). */
    static LocksmithException translate(String operation, Throwable e) {
        if (e instanceof LocksmithException le) {
            return le;
        }
        Optional<SQLException> sql = sqlCause(e);
        Exception cause = sql.<Exception>map(DatabaseFailure::of).orElseGet(() -> DatabaseFailure.of(e));
        // Core's ConflictException takes no cause (it is an outcome, not a fault): the detail goes to the log.
        LOG.log(System.Logger.Level.DEBUG, "database failure while trying to {0}: {1}", operation, cause.getMessage());
        if (isConcurrencyFailure(e)) {
            return new ConflictException(Reason.CONFLICT,
                    "concurrent change while trying to " + operation + "; retry", Map.of());
        }
        if (isUniqueViolation(e)) {
            return new ConflictException(Reason.ALREADY_EXISTS, "duplicate key while trying to " + operation, Map.of());
        }
        String state = sql.map(s -> " (SQLState " + s.getSQLState() + ")").orElse("");
        return new UnavailableException("database failure while trying to " + operation + state, cause);
    }
}
