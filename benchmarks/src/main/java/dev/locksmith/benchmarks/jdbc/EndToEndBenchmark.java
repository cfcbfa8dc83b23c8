package dev.locksmith.benchmarks.jdbc;

import dev.locksmith.benchmarks.Fixture;
import dev.locksmith.benchmarks.crypto.Argon2Baseline;
import dev.locksmith.core.Locksmith;
import dev.locksmith.core.domain.Password;
import dev.locksmith.core.domain.PasswordHash;
import dev.locksmith.core.domain.PasswordPolicy;
import dev.locksmith.core.domain.Username;
import dev.locksmith.core.port.PasswordHasher;
import dev.locksmith.core.usecase.Authenticate;
import dev.locksmith.core.usecase.AuthenticationOutcome;
import dev.locksmith.core.usecase.SetPassword;
import dev.locksmith.crypto.Argon2PasswordHasher;
import dev.locksmith.crypto.Argon2Settings;
import dev.locksmith.jdbc.JdbiStore;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.AuxCounters;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
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
 * Authenticate and set-password end to end: core's use cases over the embedded H2 file store
 * ({@link JdbiStore#embedded}), the Argon2id hasher at its default cost, the bundled blocklist and the zxcvbn
 * strength estimator (the figures in {@code benchmarks/README.md} were measured with the earlier nbvcxz one), against the raw hash time measured in the same run.
 *
 * <p>One operation is a round of six timed calls in rotating order, so that the background load of a shared
 * machine falls on all alike: {@code Authenticate} of a local user with the right password, {@code SetPassword}
 * of another user's password by a privileged user (a new random password each time), one hash and one
 * verification by the same {@link Argon2PasswordHasher} called directly ({@code hasher*}: the hash alone,
 * without the library around it), and one raw Argon2id hash and verification with Bouncy Castle ({@code raw*}:
 * {@link Argon2Baseline#fresh}, a new generator per call and no block pool, what a caller without Locksmith
 * would write). The auxiliary counters add up each call's wall time ({@code *WallMs}) and the calling thread's CPU time
 * ({@code *CpuMs}) over the iteration; {@code authHashMs} and {@code setHashMs} are the wall time spent inside
 * the use case's hasher and {@code *HashCalls} count its hash and verify calls. So
 * {@code authWallMs / authHashMs} is the end-to-end cost over the hashing it includes,
 * {@code authWallMs / hasherVerifyWallMs} the same against a verification alone, and
 * {@code authWallMs / rawVerifyWallMs} against raw Bouncy Castle. Divide by {@code rounds} for per-call
 * figures.
 *
 * <p>{@code policy}: {@code nist} is the default policy (NIST SP 800-63B: no history, no strength minimum),
 * under which a set-password hashes once; {@code strict} adds a minimum strength score of 3 and a history of 5,
 * so a set-password also verifies the new password against the current hash and the five previous ones
 * (seven Argon2 computations once the history is full). The store holds 1,000 local users; the rounds cycle
 * over 40 of them.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(value = 1)
@Warmup(iterations = 2, time = 10)
@Measurement(iterations = 5, time = 10)
public class EndToEndBenchmark {
    private static final int USERS = 1_000;
    /** The users the rounds cycle over, so that each one's password is set often enough to fill the history. */
    private static final int ACTIVE = 40;

    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

    @Param({"nist", "strict"})
    public String policy;

    private final SecureRandom random = new SecureRandom();
    private Fixture fixture;
    private TimedHasher hasher;
    private Locksmith locksmith;
    private Username[] users;
    private String[] passwords;
    private String initial;
    private PasswordHash initialHash;
    private Argon2Baseline raw;
    private byte[] rawPassword;
    private byte[] rawSalt;
    private byte[] rawTag;
    private int round;

    /** Per-call totals of one iteration, reported by JMH as secondary results. */
    @State(Scope.Thread)
    @AuxCounters(AuxCounters.Type.EVENTS)
    public static class Totals {
        public double authWallMs;
        public double authCpuMs;
        public double authHashMs;
        public long authHashCalls;
        public double setWallMs;
        public double setCpuMs;
        public double setHashMs;
        public long setHashCalls;
        public double hasherHashWallMs;
        public double hasherHashCpuMs;
        public double hasherVerifyWallMs;
        public double hasherVerifyCpuMs;
        public double rawHashWallMs;
        public double rawHashCpuMs;
        public double rawVerifyWallMs;
        public double rawVerifyCpuMs;
        public long rounds;

        @Setup(Level.Iteration)
        public void reset() {
            authWallMs = authCpuMs = authHashMs = 0;
            setWallMs = setCpuMs = setHashMs = 0;
            hasherHashWallMs = hasherHashCpuMs = hasherVerifyWallMs = hasherVerifyCpuMs = 0;
            rawHashWallMs = rawHashCpuMs = rawVerifyWallMs = rawVerifyCpuMs = 0;
            authHashCalls = setHashCalls = rounds = 0;
        }
    }

    @Setup(Level.Trial)
    public void setUp() {
        hasher = new TimedHasher(new Argon2PasswordHasher(Argon2Settings.defaults()));
        PasswordPolicy chosen = switch (policy) {
            case "nist" -> PasswordPolicy.nistDefault();
            case "strict" ->
                PasswordPolicy.builder().minStrength(3).historySize(5).build();
            default -> throw new IllegalArgumentException("policy: nist or strict, not " + policy);
        };
        // The 1,000 targets share one initial password, hashed once by the adapter (a real Argon2id hash).
        fixture = Fixture.open("h2", chosen, USERS, hasher);
        locksmith = fixture.locksmith;
        users = fixture.users;
        initial = fixture.initialPassword;
        initialHash = fixture.initialHash;
        passwords = new String[USERS];
        Arrays.fill(passwords, initial);

        rawPassword = initial.getBytes(StandardCharsets.UTF_8);
        rawSalt = new byte[16];
        random.nextBytes(rawSalt);
        raw = Argon2Baseline.fresh();
        rawTag = raw.tag(rawPassword, rawSalt, 32);
    }

    @TearDown(Level.Trial)
    public void tearDown() {
        fixture.close();
    }

    @Benchmark
    public int round(Totals totals) {
        int sink = 0;
        // Authenticate one active user and set the password of another, so that no row is touched twice in a
        // round; each active user is authenticated and has its password set every ACTIVE rounds, so that the
        // history (strict policy) is full after the first 5 x ACTIVE rounds of the warm-up.
        int authUser = round % ACTIVE;
        int setUser = (round + ACTIVE / 2) % ACTIVE;
        for (int i = 0; i < 6; i++) {
            int step = (round + i) % 6;
            long cpu = THREADS.getCurrentThreadCpuTime();
            long wall = System.nanoTime();
            long hashNanos = hasher.nanos;
            long hashCalls = hasher.calls;
            switch (step) {
                case 0 -> sink += authenticate(authUser);
                case 1 -> sink += setPassword(setUser);
                case 2 ->
                    sink += hasher.delegate.hash(Password.of(initial)).value().length();
                case 3 -> sink += hasher.delegate.verify(Password.of(initial), initialHash) ? 1 : 0;
                case 4 -> sink += rawHash();
                default -> sink += rawVerify();
            }
            double wallMs = (System.nanoTime() - wall) / 1e6;
            double cpuMs = (THREADS.getCurrentThreadCpuTime() - cpu) / 1e6;
            double insideMs = (hasher.nanos - hashNanos) / 1e6;
            long calls = hasher.calls - hashCalls;
            switch (step) {
                case 0 -> {
                    totals.authWallMs += wallMs;
                    totals.authCpuMs += cpuMs;
                    totals.authHashMs += insideMs;
                    totals.authHashCalls += calls;
                }
                case 1 -> {
                    totals.setWallMs += wallMs;
                    totals.setCpuMs += cpuMs;
                    totals.setHashMs += insideMs;
                    totals.setHashCalls += calls;
                }
                case 2 -> {
                    totals.hasherHashWallMs += wallMs;
                    totals.hasherHashCpuMs += cpuMs;
                }
                case 3 -> {
                    totals.hasherVerifyWallMs += wallMs;
                    totals.hasherVerifyCpuMs += cpuMs;
                }
                case 4 -> {
                    totals.rawHashWallMs += wallMs;
                    totals.rawHashCpuMs += cpuMs;
                }
                default -> {
                    totals.rawVerifyWallMs += wallMs;
                    totals.rawVerifyCpuMs += cpuMs;
                }
            }
        }
        round++;
        totals.rounds++;
        return sink;
    }

    private int authenticate(int user) {
        AuthenticationOutcome outcome =
                locksmith.authenticate().execute(new Authenticate.Command(users[user], Password.of(passwords[user])));
        if (!(outcome instanceof AuthenticationOutcome.Authenticated)) {
            throw new IllegalStateException("authentication of " + users[user] + " failed: " + outcome);
        }
        return 1;
    }

    private int setPassword(int user) {
        String next = Fixture.randomPassword();
        SetPassword.Result result = locksmith
                .setPassword()
                .execute(new SetPassword.Command(Fixture.HELPDESK, users[user], Password.of(next), false, false));
        passwords[user] = next;
        return result.mustChangePassword() ? 0 : 1;
    }

    private int rawHash() {
        return raw.hash(rawPassword).length();
    }

    private int rawVerify() {
        if (!raw.verify(rawPassword, rawSalt, rawTag)) {
            throw new IllegalStateException("raw verification failed");
        }
        return 1;
    }

    /** The hasher, timed: wall time spent inside it and the number of calls (one benchmark thread). */
    private static final class TimedHasher implements PasswordHasher {
        private final PasswordHasher delegate;
        private long nanos;
        private long calls;

        TimedHasher(PasswordHasher delegate) {
            this.delegate = delegate;
        }

        @Override
        public PasswordHash hash(Password password) {
            long start = System.nanoTime();
            try {
                return delegate.hash(password);
            } finally {
                nanos += System.nanoTime() - start;
                calls++;
            }
        }

        @Override
        public boolean verify(Password password, PasswordHash hash) {
            long start = System.nanoTime();
            try {
                return delegate.verify(password, hash);
            } finally {
                nanos += System.nanoTime() - start;
                calls++;
            }
        }

        @Override
        public boolean needsRehash(PasswordHash hash) {
            return delegate.needsRehash(hash);
        }
    }
}
