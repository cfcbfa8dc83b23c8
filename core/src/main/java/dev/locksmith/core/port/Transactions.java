package dev.locksmith.core.port;

import java.util.function.Supplier;

/**
 * Unit of work spanning every store port ({@link UserAccounts}, {@link PasswordHistory}, {@link AuditTrail},
 * {@link PolicyStore}) bound to the same backing store. Thread-safe; a transaction belongs to the calling
 * thread.
 */
public interface Transactions {

    /**
     * Runs {@code work} in a transaction: commits when it returns, rolls back every store change when it
     * throws (and rethrows the same exception). A call inside a running transaction joins it.
     */
    <T> T inTransaction(Supplier<T> work);

    /**
     * Whether the calling thread is inside a transaction of this store. Use cases refuse to start inside one
     * (a host's transaction would decide their commit and swallow their own failure audit).
     */
    boolean inProgress();

    /** {@link #inTransaction} for work without a result. */
    default void run(Runnable work) {
        inTransaction(() -> {
            work.run();
            return null;
        });
    }
}
