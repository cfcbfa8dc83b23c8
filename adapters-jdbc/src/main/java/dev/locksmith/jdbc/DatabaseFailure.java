package dev.locksmith.jdbc;

import java.sql.SQLException;

/**
 * Stands in for a driver's exception as the cause of a translated error. Drivers and Jdbi put SQL text,
 * bound arguments and row contents (a password hash, a username) into their messages; this keeps only what
 * diagnosis needs and cannot leak: the SQLState, the vendor code, the driver's exception class and its
 * stack trace.
 */
final class DatabaseFailure extends Exception {
    private static final long serialVersionUID = 1L;

    private DatabaseFailure(String message, StackTraceElement[] trace) {
        super(message, null, false, true);
        setStackTrace(trace);
    }

    static DatabaseFailure of(SQLException e) {
        return new DatabaseFailure(
                "SQLState " + e.getSQLState() + ", vendor code " + e.getErrorCode() + ", "
                        + e.getClass().getName(),
                e.getStackTrace());
    }

    static DatabaseFailure of(Throwable e) {
        return new DatabaseFailure(e.getClass().getName(), e.getStackTrace());
    }
}
