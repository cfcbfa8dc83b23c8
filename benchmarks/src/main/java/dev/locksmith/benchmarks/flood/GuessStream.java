package dev.locksmith.benchmarks.flood;

import dev.locksmith.benchmarks.Fixture;
import dev.locksmith.core.domain.LocksmithException;
import dev.locksmith.core.domain.Password;
import dev.locksmith.core.domain.Username;
import dev.locksmith.core.usecase.Authenticate;
import dev.locksmith.core.usecase.AuthenticationOutcome;
import java.util.Locale;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Wrong passwords sent at a fixed rate against one account, in the background: a ticker hands one guess
 * (a new random 20-character password, never the right one) every {@code 1/rate} second to a pool of worker
 * threads, so a slow guess does not delay the next one; when every worker is busy the guesses queue, and the
 * completed rate falls below the offered one (reported by {@link #close()}). Each outcome is counted in
 * {@link Tally} as {@code guess.Rejected}, another outcome's name, or {@code guess.<reason>}. Thread-safe.
 */
final class GuessStream implements AutoCloseable {
    private final Fixture fixture;
    private final Username target;
    private final double rate;
    private final ScheduledExecutorService ticker;
    private final ThreadPoolExecutor workers;
    private final AtomicLong completed = new AtomicLong();
    private final long started;
    private volatile boolean closing;

    private GuessStream(Fixture fixture, Username target, double rate, int workerCount) {
        this.fixture = fixture;
        this.target = target;
        this.rate = rate;
        this.ticker = Executors.newSingleThreadScheduledExecutor(r -> daemon(r, "guess-ticker"));
        this.workers = (ThreadPoolExecutor) Executors.newFixedThreadPool(workerCount, r -> daemon(r, "guesser"));
        this.started = System.nanoTime();
        ticker.scheduleAtFixedRate(() -> workers.execute(this::guess), 0, Math.round(1e9 / rate), TimeUnit.NANOSECONDS);
    }

    /** Starts guessing at {@code rate} per second with {@code workerCount} threads. */
    static GuessStream start(Fixture fixture, Username target, double rate, int workerCount) {
        return new GuessStream(fixture, target, rate, workerCount);
    }

    private void guess() {
        if (closing) {
            return;
        }
        try (Password wrong = Password.of(Fixture.randomPassword())) {
            AuthenticationOutcome outcome =
                    fixture.locksmith.authenticate().execute(new Authenticate.Command(target, wrong));
            count("guess." + outcome.getClass().getSimpleName());
        } catch (LocksmithException e) {
            count("guess." + e.reason());
        }
    }

    /** Counts a guess that ended before {@link #close()} was called (the ones it waits for are not counted). */
    private void count(String outcome) {
        if (!closing) {
            Tally.add(outcome);
            completed.incrementAndGet();
        }
    }

    /**
     * Stops the stream, waits for the guesses under way (without interrupting them: an interrupted wait for the
     * hashing gate would be answered {@code UNAVAILABLE}, an artefact of stopping), and says on standard output
     * (the JMH log) what it achieved over its whole life.
     */
    @Override
    public void close() {
        double seconds = (System.nanoTime() - started) / 1e9;
        closing = true;
        ticker.shutdownNow();
        int backlog = workers.getQueue().size();
        workers.getQueue().clear();
        workers.shutdown();
        try {
            workers.awaitTermination(60, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        System.out.printf(
                Locale.ROOT,
                "%nguess stream on %s: offered %.0f/s, completed %d in %.1f s = %.1f/s, "
                        + "%d still queued at the end%n",
                target,
                rate,
                completed.get(),
                seconds,
                completed.get() / seconds,
                backlog);
    }

    private static Thread daemon(Runnable runnable, String name) {
        Thread thread = new Thread(runnable, name);
        thread.setDaemon(true);
        return thread;
    }
}
