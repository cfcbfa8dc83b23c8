package dev.locksmith.benchmarks.flood;

import dev.locksmith.benchmarks.Fixture;
import dev.locksmith.core.domain.LocksmithException;
import dev.locksmith.core.domain.Password;
import dev.locksmith.core.domain.PasswordHash;
import dev.locksmith.core.domain.PasswordPolicy;
import dev.locksmith.core.usecase.Authenticate;
import dev.locksmith.core.usecase.AuthenticationOutcome;
import dev.locksmith.core.usecase.ReadPolicy;
import dev.locksmith.core.usecase.SearchUsers;
import dev.locksmith.crypto.Argon2PasswordHasher;
import dev.locksmith.crypto.Argon2Settings;
import java.util.Optional;
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
import org.openjdk.jmh.infra.Control;
import org.openjdk.jmh.infra.ThreadParams;

/**
 * A login flood, as an operator would see one: 64 callers authenticating at once with the right password,
 * each as soon as its previous login returned, through core's {@code Authenticate} over a store with its
 * defaults (see {@link Fixture}: the embedded H2 file or PostgreSQL, the store's own pool of 10 connections,
 * the Argon2id hasher at its default cost and hashing gate), in a JVM limited to {@code -Xmx256m}, for 60 s
 * after 10 s of warm-up. Benchmark group {@code flood}:
 *
 * <ul>
 *   <li>{@code login}, 64 threads: each logs in as the next of 1,000 users in turn (its own stride); every
 *       login verifies one Argon2id hash and records the last login and an audit row;</li>
 *   <li>{@code readPolicy} and {@code searchUsers}, one thread each: the administrator reads the policy, or
 *       searches for {@code user0N} (100 matches, first page of 50), then pauses 100 ms before the next call
 *       (the pause is outside the timed call: an operator at a console, not a second flood).</li>
 * </ul>
 *
 * <p>Baseline in the same run, group {@code hasherAlone}: the same {@link Argon2PasswordHasher} (default
 * settings, so the same gate) verifying the same kind of hash from 64 threads, with no database and no use
 * case around it: what the hashing alone allows at this concurrency. Target: {@code login.okPerSecond} at
 * least 0.9 times {@code hasherAlone.okPerSecond}.
 *
 * <p>Latencies are JMH's sample times (every call is sampled at these rates), per method of the group.
 * Outcomes are counted by {@link OutcomeProfiler} (run with {@code -prof
 * dev.locksmith.benchmarks.flood.OutcomeProfiler}): {@code n.login.ok}, {@code n.login.BUSY},
 * {@code n.login.UNAVAILABLE}, any other reason or unexpected outcome by name, and the same for the
 * administrator's calls. Calls that fail are timed and counted like the others; none is retried.
 */
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(value = 1, jvmArgsAppend = "-Xmx256m")
@Warmup(iterations = 1, time = 10)
@Measurement(iterations = 1, time = 60)
public class LoginFloodBenchmark {
    static final int CALLERS = 64;
    private static final int USERS = 1_000;
    private static final long ADMIN_PAUSE_MS = 100;

    /** The store and everything around it, shared by every thread of the group. */
    @State(Scope.Benchmark)
    public static class Flood {
        @Param({"h2", "postgres"})
        public String store;

        Fixture fixture;

        @Setup(Level.Trial)
        public void setUp() {
            fixture = Fixture.open(store, PasswordPolicy.nistDefault(), USERS);
            Tally.serverCpu(fixture::serverCpuNanos);
            Tally.expect(
                    "login.ok",
                    "login.BUSY",
                    "login.UNAVAILABLE",
                    "readPolicy.ok",
                    "readPolicy.UNAVAILABLE",
                    "searchUsers.ok",
                    "searchUsers.UNAVAILABLE");
        }

        @TearDown(Level.Trial)
        public void tearDown() {
            fixture.close();
        }
    }

    /** One caller's turn through the users: thread i logs in as users i, i + 64, i + 128, ... */
    @State(Scope.Thread)
    public static class Caller {
        private int next;

        @Setup(Level.Trial)
        public void setUp(ThreadParams thread) {
            next = thread.getThreadIndex();
        }

        int nextUser() {
            int user = next % USERS;
            next += CALLERS;
            return user;
        }
    }

    /** The administrator's pause between two calls: an invocation-level helper, so outside the timed call. */
    @State(Scope.Thread)
    public static class Console {
        private int searches;

        @Setup(Level.Invocation)
        public void pause() throws InterruptedException {
            Thread.sleep(ADMIN_PAUSE_MS);
        }

        String nextTerm() {
            return "user0" + (searches++ % 10);
        }
    }

    @Benchmark
    @Group("flood")
    @GroupThreads(CALLERS)
    public Object login(Flood flood, Caller caller, Control control) {
        Fixture f = flood.fixture;
        try {
            AuthenticationOutcome outcome = f.locksmith
                    .authenticate()
                    .execute(new Authenticate.Command(f.users[caller.nextUser()], Password.of(f.initialPassword)));
            count(
                    control,
                    outcome instanceof AuthenticationOutcome.Authenticated
                            ? "login.ok"
                            : "login." + outcome.getClass().getSimpleName());
            return outcome;
        } catch (LocksmithException e) {
            count(control, "login." + e.reason());
            return e;
        }
    }

    @Benchmark
    @Group("flood")
    @GroupThreads(1)
    public Object readPolicy(Flood flood, Console console, Control control) {
        try {
            Object policy = flood.fixture.locksmith.readPolicy().execute(new ReadPolicy.Command(Fixture.ADMIN));
            count(control, "readPolicy.ok");
            return policy;
        } catch (LocksmithException e) {
            count(control, "readPolicy." + e.reason());
            return e;
        }
    }

    @Benchmark
    @Group("flood")
    @GroupThreads(1)
    public Object searchUsers(Flood flood, Console console, Control control) {
        try {
            SearchUsers.Result result = flood.fixture
                    .locksmith
                    .searchUsers()
                    .execute(SearchUsers.Command.of(Fixture.ADMIN, console.nextTerm(), Optional.empty(), 50));
            count(control, result.page().items().size() == 50 ? "searchUsers.ok" : "searchUsers.shortPage");
            return result;
        } catch (LocksmithException e) {
            count(control, "searchUsers." + e.reason());
            return e;
        }
    }

    /** The same hasher as the flood's, verifying the same kind of hash, with nothing around it. */
    @State(Scope.Benchmark)
    public static class HasherOnly {
        Argon2PasswordHasher hasher;
        String password;
        PasswordHash hash;

        @Setup(Level.Trial)
        public void setUp() {
            hasher = new Argon2PasswordHasher(Argon2Settings.defaults());
            password = Fixture.randomPassword();
            hash = hasher.hash(Password.of(password));
            Tally.expect("hasherAlone.ok", "hasherAlone.BUSY");
        }
    }

    @Benchmark
    @Group("hasherAlone")
    @GroupThreads(CALLERS)
    public Object verify(HasherOnly alone, Control control) {
        try {
            boolean right = alone.hasher.verify(Password.of(alone.password), alone.hash);
            count(control, right ? "hasherAlone.ok" : "hasherAlone.mismatch");
            return right;
        } catch (LocksmithException e) {
            count(control, "hasherAlone." + e.reason());
            return e;
        }
    }

    /** Counts a call that ended while JMH measures (as its own throughput counts), not in the ramps. */
    private static void count(Control control, String outcome) {
        if (control.startMeasurement && !control.stopMeasurement) {
            Tally.add(outcome);
        } else {
            Tally.addUnmeasured(outcome);
        }
    }
}
