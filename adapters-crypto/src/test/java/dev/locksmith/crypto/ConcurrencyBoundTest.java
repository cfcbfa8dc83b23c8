package dev.locksmith.crypto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.locksmith.core.domain.Password;
import dev.locksmith.core.domain.PasswordHash;
import dev.locksmith.core.domain.Reason;
import dev.locksmith.core.domain.UnavailableException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The bound on concurrent computations, observed through the computation hook (not through timing): the first
 * computations to start are held inside the bound until every other caller is seen queued at the gate, and the
 * number in flight never exceeds the bound.
 */
class ConcurrencyBoundTest {
    private static final PasswordHash BCRYPT = new PasswordHash(MalformedHashTest.VALID_BCRYPT);

    /** Counts computations in flight; holds the first {@code hold} of them until released. */
    private static final class HoldingObserver implements ComputationObserver {
        final AtomicInteger inFlight = new AtomicInteger();
        final AtomicInteger maxInFlight = new AtomicInteger();
        final AtomicInteger started = new AtomicInteger();
        final CountDownLatch release = new CountDownLatch(1);
        final int hold;

        HoldingObserver(int hold) {
            this.hold = hold;
        }

        @Override
        public void started() {
            int now = inFlight.incrementAndGet();
            maxInFlight.accumulateAndGet(now, Math::max);
            if (started.incrementAndGet() <= hold) {
                try {
                    release.await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
        }

        @Override
        public void finished() {
            inFlight.decrementAndGet();
        }
    }

    @ParameterizedTest(name = "bound {0}, {1} threads")
    @CsvSource({"1, 4", "2, 6", "3, 8"})
    void at_most_the_bound_is_in_flight_and_the_rest_wait(int bound, int threads) throws Exception {
        HoldingObserver observer = new HoldingObserver(bound);
        Argon2PasswordHasher hasher = new Argon2PasswordHasher(
                small(bound).maxVerificationMemoryKiB(64).build(), observer);
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<Boolean>> results = new ArrayList<>();
            for (int i = 0; i < threads; i++) {
                String text = "password " + i;
                // Half hash Argon2, half verify bcrypt: both kinds of computation share the bound.
                boolean argon2 = i % 2 == 0;
                results.add(pool.submit(() -> argon2
                        ? hasher.verify(Password.of(text), hasher.hash(Password.of(text)))
                        : hasher.verify(Password.of("password"), BCRYPT)));
            }
            awaitCondition(() -> observer.inFlight.get() == bound && hasher.waitingComputations() == threads - bound);
            assertThat(observer.maxInFlight).hasValue(bound);

            observer.release.countDown();
            for (Future<Boolean> result : results) {
                assertThat(result.get(1, TimeUnit.MINUTES)).isTrue();
            }
            assertThat(observer.maxInFlight).hasValue(bound);
            assertThat(observer.inFlight).hasValue(0);
            assertThat(hasher.engine().poolsCreated()).isLessThanOrEqualTo(bound);
        } finally {
            observer.release.countDown();
            pool.shutdownNow();
        }
    }

    @Test
    void a_verification_needing_the_whole_memory_budget_runs_alone() throws Exception {
        HoldingObserver observer = new HoldingObserver(1);
        // Budget: 2 slots of 32 KiB. The stored hash needs 64 KiB, all of it (within the stored-hash bound of 64).
        Argon2PasswordHasher hasher =
                new Argon2PasswordHasher(small(2).maxVerificationMemoryKiB(64).build(), observer);
        PasswordHash large = new Argon2PasswordHasher(Argon2Settings.builder()
                        .testOnly()
                        .memoryKiB(64)
                        .iterations(1)
                        .build())
                .hash(Password.of("large"));
        CompletableFuture<Boolean> verifying =
                CompletableFuture.supplyAsync(() -> hasher.verify(Password.of("large"), large));
        awaitCondition(() -> observer.inFlight.get() == 1);

        CompletableFuture<PasswordHash> hashing =
                CompletableFuture.supplyAsync(() -> hasher.hash(Password.of("small")));
        awaitCondition(() -> hasher.waitingComputations() == 1);
        assertThat(observer.inFlight)
                .as("the small hash waits for memory, not for a free slot")
                .hasValue(1);

        observer.release.countDown();
        assertThat(verifying.get(1, TimeUnit.MINUTES)).isTrue();
        assertThat(hasher.verify(Password.of("small"), hashing.get(1, TimeUnit.MINUTES)))
                .isTrue();
        assertThat(observer.maxInFlight).hasValue(1);
    }

    @Test
    void a_stored_hash_needing_more_than_the_whole_budget_but_within_the_bound_still_runs() throws Exception {
        // Budget: 2 slots of 32 KiB = 64 KiB. The stored hash needs 256 KiB, 8 times the configured memory: the
        // default bound, above the budget. It takes the whole budget and runs.
        Argon2PasswordHasher hasher = new Argon2PasswordHasher(small(2).build());
        assertThat(hasher.settings().maxVerificationMemoryKiB()).isEqualTo(256);
        PasswordHash large = new Argon2PasswordHasher(Argon2Settings.testOnly(256, 1, 1)).hash(Password.of("large"));

        assertThat(hasher.verify(Password.of("large"), large)).isTrue();
    }

    @Test
    void an_interrupt_while_waiting_is_a_typed_error_and_keeps_the_interrupt_flag() throws Exception {
        HoldingObserver observer = new HoldingObserver(1);
        Argon2PasswordHasher hasher =
                new Argon2PasswordHasher(small(1).maxVerificationMemoryKiB(64).build(), observer);
        CompletableFuture<PasswordHash> holder = holdingTheGate(hasher, observer);

        AtomicReference<Throwable> thrown = new AtomicReference<>();
        AtomicReference<Boolean> flagAfter = new AtomicReference<>();
        Thread waiter = new Thread(() -> {
            try {
                hasher.hash(Password.of("second"));
            } catch (Throwable t) {
                thrown.set(t);
            }
            flagAfter.set(Thread.currentThread().isInterrupted());
        });
        waiter.start();
        awaitCondition(() -> hasher.waitingComputations() == 1);
        waiter.interrupt();
        waiter.join(TimeUnit.MINUTES.toMillis(1));

        assertThat(thrown.get())
                .isInstanceOfSatisfying(
                        UnavailableException.class, e -> assertThat(e.reason()).isEqualTo(Reason.UNAVAILABLE));
        assertThat(thrown.get().getCause()).isInstanceOf(InterruptedException.class);
        assertThat(flagAfter.get()).isTrue();
        assertThat(observer.started).as("the interrupted call never computed").hasValue(1);

        observer.release.countDown();
        assertThat(hasher.verify(Password.of("first"), holder.get(1, TimeUnit.MINUTES)))
                .isTrue();
    }

    @Test
    void a_caller_who_gets_no_turn_within_the_wait_bound_is_told_busy_and_computes_nothing() throws Exception {
        HoldingObserver observer = new HoldingObserver(1);
        Argon2PasswordHasher hasher = new Argon2PasswordHasher(
                small(1).maxWait(Duration.ofMillis(200)).build(), observer);
        CompletableFuture<PasswordHash> holder = holdingTheGate(hasher, observer);

        // Both kinds of computation are bounded alike: an Argon2 hash and a bcrypt verification.
        assertThatThrownBy(() -> hasher.hash(Password.of("second")))
                .isInstanceOfSatisfying(UnavailableException.class, e -> {
                    assertThat(e.reason()).isEqualTo(Reason.BUSY);
                    assertThat(e.getMessage()).contains("200 ms").doesNotContain("second");
                });
        assertThatThrownBy(() -> hasher.verify(Password.of("password"), BCRYPT))
                .isInstanceOfSatisfying(
                        UnavailableException.class, e -> assertThat(e.reason()).isEqualTo(Reason.BUSY));
        assertThat(observer.started).as("the refused calls never computed").hasValue(1);
        assertThat(hasher.waitingComputations())
                .as("a refused caller leaves the queue")
                .isZero();

        observer.release.countDown();
        PasswordHash first = holder.get(1, TimeUnit.MINUTES);
        assertThat(hasher.verify(Password.of("first"), first))
                .as("the gate is whole after the refusals")
                .isTrue();
    }

    @Test
    void a_zero_wait_bound_refuses_at_once_when_the_gate_is_full_and_computes_when_it_is_not() throws Exception {
        HoldingObserver observer = new HoldingObserver(1);
        Argon2PasswordHasher hasher =
                new Argon2PasswordHasher(small(1).maxWait(Duration.ZERO).build(), observer);
        CompletableFuture<PasswordHash> holder = holdingTheGate(hasher, observer);

        assertThatThrownBy(() -> hasher.hash(Password.of("second")))
                .isInstanceOfSatisfying(
                        UnavailableException.class, e -> assertThat(e.reason()).isEqualTo(Reason.BUSY));

        observer.release.countDown();
        assertThat(hasher.verify(Password.of("first"), holder.get(1, TimeUnit.MINUTES)))
                .isTrue();
    }

    @Test
    void an_already_interrupted_caller_gets_the_typed_error_at_once() throws Exception {
        Argon2PasswordHasher hasher = new Argon2PasswordHasher(Argon2Settings.testOnly(32, 1, 1));
        AtomicReference<Throwable> thrown = new AtomicReference<>();
        AtomicReference<Boolean> flagAfter = new AtomicReference<>();
        Thread caller = new Thread(() -> {
            Thread.currentThread().interrupt();
            try {
                hasher.verify(Password.of("password"), BCRYPT);
            } catch (Throwable t) {
                thrown.set(t);
            }
            flagAfter.set(Thread.currentThread().isInterrupted());
        });
        caller.start();
        caller.join(TimeUnit.MINUTES.toMillis(1));

        assertThat(thrown.get()).isInstanceOf(UnavailableException.class);
        assertThat(flagAfter.get()).isTrue();
    }

    /** Waits for a condition set by other threads (a liveness wait with a generous cap, not a speed assertion). */
    /** Cheap test-only settings (32 KiB, one pass) letting {@code maxConcurrency} computations run at once. */
    private static Argon2Settings.Builder small(int maxConcurrency) {
        return Argon2Settings.builder().testOnly().memoryKiB(32).iterations(1).maxConcurrency(maxConcurrency);
    }

    /** Hashes "first" on another thread and returns once it holds the gate, where the observer keeps it. */
    private static CompletableFuture<PasswordHash> holdingTheGate(Argon2PasswordHasher hasher, HoldingObserver observer)
            throws InterruptedException {
        CompletableFuture<PasswordHash> holder = CompletableFuture.supplyAsync(() -> hasher.hash(Password.of("first")));
        awaitCondition(() -> observer.inFlight.get() == 1);
        return holder;
    }

    private static void awaitCondition(BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(1);
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("condition not reached within a minute");
            }
            Thread.sleep(5);
        }
    }
}
