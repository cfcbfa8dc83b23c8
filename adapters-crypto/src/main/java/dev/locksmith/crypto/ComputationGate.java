package dev.locksmith.crypto;

import dev.locksmith.core.domain.Reason;
import dev.locksmith.core.domain.UnavailableException;
import java.util.concurrent.Semaphore;
import java.util.function.Supplier;

/**
 * Lets at most a fixed number of hash computations run at once; further callers wait in FIFO order, so a
 * login flood queues instead of allocating Argon2 memory without limit. Waiting is interruptible. Thread-safe.
 */
final class ComputationGate {
    private final Semaphore permits;
    private final ComputationObserver observer;

    ComputationGate(int maxConcurrency, ComputationObserver observer) {
        this.permits = new Semaphore(maxConcurrency, true);
        this.observer = observer;
    }

    /**
     * Runs the computation once a permit is free.
     *
     * @throws UnavailableException with reason UNAVAILABLE if the thread is interrupted while waiting; the
     *     thread's interrupt flag is set again before it is thrown
     */
    <T> T run(Supplier<T> computation) {
        try {
            permits.acquire();
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
            permits.release();
        }
    }

    /** An estimate of the number of threads waiting for a permit. */
    int waiting() {
        return permits.getQueueLength();
    }
}
