package dev.locksmith.benchmarks.flood;

import dev.locksmith.benchmarks.Fixture;
import dev.locksmith.core.domain.LocksmithException;
import dev.locksmith.core.domain.Password;
import dev.locksmith.core.domain.PasswordPolicy;
import dev.locksmith.core.domain.Username;
import dev.locksmith.core.usecase.ResetFailedLogins;
import dev.locksmith.core.usecase.SetPassword;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Group;
import org.openjdk.jmh.annotations.GroupThreads;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The help desk under a guessing attack: wrong passwords arrive on one account ({@code user0000}) at
 * {@value #GUESSES_PER_SECOND} per second, in the background ({@link GuessStream}, {@value #GUESSERS} worker
 * threads, enough for the offered rate at up to a quarter of a second per guess), for the whole trial, while
 * the help desk works on that very account. Benchmark group {@code helpdesk}, single-shot: in each of the 50
 * measured iterations, after a pause of {@value #PAUSE_MS} ms (not timed), one thread sets the account's
 * password (a new random 20-character one, {@code SetPassword}) and the other resets its failed logins
 * ({@code ResetFailedLogins}), at the same time; the administrator and the privileged user
 * ({@code SET_PASSWORDS}) swap the two calls from one iteration to the next. So 50 set-passwords and 50
 * resets, each timed alone, half by each actor. Target: every one succeeds.
 *
 * <p>{@code lockoutThreshold}: {@code 10} is the default policy (lockout after 10 failures for 30 minutes,
 * lifted by each reset: the guesses lock the account again and again, with an {@code ACCOUNT_LOCKED} event
 * each time); {@code 0} turns lockout off, so every guess counts one more failed login. Either way every guess
 * verifies an Argon2id hash (a locked account is checked too, so the lock tells nobody which guess was
 * right). {@code store}: {@code h2} or {@code postgres} (see {@link Fixture}).
 *
 * <p>Outcomes are counted by {@link OutcomeProfiler} (run with {@code -prof
 * dev.locksmith.benchmarks.flood.OutcomeProfiler}): {@code n.setPassword.ok}, {@code n.setPassword.CONFLICT},
 * ..., {@code n.resetFailedLogins.*}, and the guesses that completed during the measured iterations,
 * {@code n.guess.Rejected} or their reason; {@code windowMs} is the measured iterations' total wall time, so
 * guesses per second = {@code n.guess.*} / {@code windowMs} x 1000. The stream's rate over its whole life is
 * printed at the end of the trial.
 */
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(value = 1, jvmArgsAppend = "-Xmx256m")
@Warmup(iterations = 4)
@Measurement(iterations = 50)
public class StarvationBenchmark {
    static final int GUESSES_PER_SECOND = 60;
    static final int GUESSERS = 16;
    /** The help desk's pause between two iterations, outside the timed calls. */
    static final long PAUSE_MS = 500;

    /** The store, the account under attack and the guess stream. */
    @State(Scope.Benchmark)
    public static class Siege {
        @Param({"h2", "postgres"})
        public String store;

        @Param({"10", "0"})
        public int lockoutThreshold;

        Fixture fixture;
        Username target;
        private GuessStream guesses;

        @Setup(Level.Trial)
        public void setUp() throws InterruptedException {
            fixture = Fixture.open(
                    store,
                    PasswordPolicy.builder().lockoutThreshold(lockoutThreshold).build(),
                    10);
            Tally.serverCpu(fixture::serverCpuNanos);
            target = fixture.users[0];
            Tally.expect(
                    "setPassword.ok",
                    "setPassword.CONFLICT",
                    "resetFailedLogins.ok",
                    "resetFailedLogins.CONFLICT",
                    "guess.Rejected");
            guesses = GuessStream.start(fixture, target, GUESSES_PER_SECOND, GUESSERS);
            Thread.sleep(1_000); // the stream is running before the first call
        }

        @TearDown(Level.Trial)
        public void tearDown() {
            guesses.close();
            fixture.close();
        }
    }

    /**
     * Which actor a thread plays in this iteration: they swap every iteration. Each iteration starts with a
     * pause of {@value #PAUSE_MS} ms (an iteration-level helper, not timed), a help desk at work rather than a
     * loop: with the default lockout, the account then spends most of the time locked, as it would.
     */
    @State(Scope.Thread)
    public static class Turn {
        private int iteration;

        @Setup(Level.Iteration)
        public void pause() throws InterruptedException {
            Thread.sleep(PAUSE_MS);
        }

        Username actor(boolean setsPassword) {
            boolean adminTurn = (iteration++ % 2 == 0) == setsPassword;
            return adminTurn ? Fixture.ADMIN : Fixture.HELPDESK;
        }
    }

    @Benchmark
    @Group("helpdesk")
    @GroupThreads(1)
    public Object setPassword(Siege siege, Turn turn) {
        try {
            SetPassword.Result result = siege.fixture
                    .locksmith
                    .setPassword()
                    .execute(new SetPassword.Command(
                            turn.actor(true), siege.target, Password.of(Fixture.randomPassword()), false, false));
            Tally.add("setPassword.ok");
            return result;
        } catch (LocksmithException e) {
            Tally.add("setPassword." + e.reason());
            return e;
        }
    }

    @Benchmark
    @Group("helpdesk")
    @GroupThreads(1)
    public Object resetFailedLogins(Siege siege, Turn turn) {
        try {
            siege.fixture
                    .locksmith
                    .resetFailedLogins()
                    .execute(new ResetFailedLogins.Command(turn.actor(false), siege.target));
            Tally.add("resetFailedLogins.ok");
            return Boolean.TRUE;
        } catch (LocksmithException e) {
            Tally.add("resetFailedLogins." + e.reason());
            return e;
        }
    }
}
