package dev.locksmith.crypto;

import dev.locksmith.core.domain.Reason;
import dev.locksmith.core.domain.UnavailableException;
import java.util.concurrent.Semaphore;
import java.util.function.Supplier;

/**
 * Bounds the hash computations that run at once, by count and by memory; further callers wait in FIFO order,
 * so a login flood queues instead of allocating Argon2 memory without limit. The budget is {@code maxConcurrency}
 * slots of the configured memory cost: a computation at or below that cost takes one slot, a larger one (a
 * stored hash from a bigger machine) takes as many slots' worth of memory as it needs, up to the whole budget,
 * so the memory in use stays within the budget or one oversized computation, whichever is larger. Waiting is
 * interruptible. Thread-safe.
 */
final class ComputationGate {
    private final Semaphore permits;
    private final long slotKiB;
    private final int budget;
    private final ComputationObserver observer;

    /** A gate for {@code maxConcurrency} computations of {@code slotKiB} each (the configured memory cost). */
    ComputationGate(int maxConcurrency, int slotKiB, ComputationObserver observer) {
        this.slotKiB = slotKiB;
        // Permits count KiB, capped so that a large budget still fits an int.
        this.budget = (int) Math.min(Integer.MAX_VALUE, (long) maxConcurrency * slotKiB);
        this.permits = new Semaphore(budget, true);
        this.observer = observer;
    }

    /**
     * Runs the computation once a permit is free.
     *
     * @throws UnavailableException with reason UNAVAILABLE if the thread is interrupted while waiting; the
     *     thread's interrupt flag is set again before it is thrown
     */
    <T> T run(Supplier<T> computation) {
        return run(slotKiB, computation);
    }

    /**
     * Runs a computation of {@code memoryKiB} once its share of the budget is free: one slot at least, the
     * whole budget at most.
     *
     * @throws UnavailableException with reason UNAVAILABLE if the thread is interrupted while waiting; the
     *     thread's interrupt flag is set again before it is thrown
     */
    <T> T run(long memoryKiB, Supplier<T> computation) {
        int share = (int) Math.min(budget, Math.max(slotKiB, memoryKiB));
        try {
            permits.acquire(share);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new UnavailableException(Reason.UNAVAILABLE, "interrupted while waiting to compute a password hash",
                    e);
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
