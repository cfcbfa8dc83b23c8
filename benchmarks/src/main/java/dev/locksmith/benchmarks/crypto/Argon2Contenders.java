package dev.locksmith.benchmarks.crypto;

import dev.locksmith.core.domain.Password;
import dev.locksmith.crypto.Argon2PasswordHasher;
import dev.locksmith.crypto.Argon2Settings;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * What the one-thread comparisons at the default cost (m=19456 KiB, t=2, p=1) set against each other, and how
 * they are measured ({@link Argon2HashBenchmark}, {@link Argon2PairedBenchmark}; JMH reads the state, the
 * settings and the set-up from this superclass): the adapter, the raw Bouncy Castle baseline ({@link
 * Argon2Baseline#fresh}: a new generator, no block pool) and Bouncy Castle's own {@code FixedBlockPool} reused
 * across hashes ({@link Argon2Baseline#withSharedBouncyCastlePool}), with one password as text and as bytes.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 5)
@Measurement(iterations = 5, time = 5)
public abstract class Argon2Contenders {
    private static final String TEXT = "correct horse battery staple";

    Argon2PasswordHasher adapter;
    Argon2Baseline raw;
    Argon2Baseline bcPooled;
    Password password;
    byte[] passwordBytes;

    @Setup
    public final void setUp() {
        adapter = new Argon2PasswordHasher(Argon2Settings.defaults());
        raw = Argon2Baseline.fresh();
        bcPooled = Argon2Baseline.withSharedBouncyCastlePool();
        password = Password.of(TEXT);
        passwordBytes = TEXT.getBytes(StandardCharsets.UTF_8);
        prepare();
    }

    /** The end of {@link #setUp}: what a benchmark adds to the contenders, once they are made. Nothing here. */
    void prepare() {}
}
