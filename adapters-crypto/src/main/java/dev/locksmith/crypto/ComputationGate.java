package dev.locksmith.crypto;

import dev.locksmith.core.domain.Reason;
import dev.locksmith.core.domain.UnavailableException;
import java.time.Duration;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * Bounds the hash computations that run at once, by count and by memory; further callers wait in FIFO order,
 * each at most {@code maxWait}, so a login flood queues instead of allocating Argon2 memory without limit, and
 * a caller who cannot get a turn in time is told {@link Reason#BUSY}. The budget is {@code maxConcurrency}
 * slots of the configured memory cost: a computation at or below that cost takes one slot, a larger one (a
 * stored hash from a bigger machine) takes as many slots' worth of memory as it needs, up to the whole budget.
 * The memory in use stays within the larger of the budget and one oversized computation; the hasher bounds
 * the latter ({@link Argon2Settings#maxVerificationMemoryKiB()}, by default at most a quarter of the heap)
 * before it comes here. Waiting is interruptible. Thread-safe.
 */
final class ComputationGate {
    private final Semaphore permits;
    private final long slotKiB;
    private final int budget;
    private final long maxWaitNanos;
    private final Duration maxWait;
    private final ComputationObserver observer;

    /**
     * A gate for {@code maxConcurrency} computations of {@code slotKiB} each (the configured memory cost), where
     * a caller waits at most {@code maxWait} for its turn.
     */
    ComputationGate(int maxConcurrency, int slotKiB, Duration maxWait, ComputationObserver observer) {
        this.slotKiB = slotKiB;
        // Permits count KiB, capped so that a large budget still fits an int.
        this.budget = (int) Math.min(Integer.MAX_VALUE, (long) maxConcurrency * slotKiB);
        this.permits = new Semaphore(budget, true);
        this.maxWait = maxWait;
        this.maxWaitNanos = maxWait.toNanos();
        this.observer = observer;
    }

    /**
     * Runs the computation once a slot is free.
     *
     * @throws UnavailableException with reason BUSY if no slot was free within the wait bound, and with reason
     *     UNAVAILABLE if the thread is interrupted while waiting (the thread's interrupt flag is set again)
     */
    <T> T run(Supplier<T> computation) {
        return run(slotKiB, computation);
    }

    /**
     * Runs a computation of {@code memoryKiB} once its share of the budget is free: one slot at least, the
     * whole budget at most (so a computation larger than the whole budget runs alone rather than never).
     *
     * @throws UnavailableException with reason BUSY if the share was not free within the wait bound, and with
     *     reason UNAVAILABLE if the thread is interrupted while waiting (the thread's interrupt flag is set again)
     */
    <T> T run(long memoryKiB, Supplier<T> computation) {
        int share = (int) Math.min(budget, Math.max(slotKiB, memoryKiB));
        boolean acquired;
        try {
            acquired = permits.tryAcquire(share, maxWaitNanos, TimeUnit.NANOSECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new UnavailableException(
                    Reason.UNAVAILABLE, "interrupted while waiting to compute a password hash", e);
        }
        if (!acquired) {
            throw new UnavailableException(
                    Reason.BUSY,
                    "too many password hashes at once: no turn to compute within " + maxWait.toMillis()
                            + " ms (Argon2Settings.maxWait); try again",
                    null);
        }
        try {
            observer.started();
            try {
                return computation.get();
            } finally {
                observer.finished();
            }
        } finally {
            permits.release(share);
        }
    }

    /** An estimate of the number of threads waiting for their share. */
    int waiting() {
        return permits.getQueueLength();
    }
}
