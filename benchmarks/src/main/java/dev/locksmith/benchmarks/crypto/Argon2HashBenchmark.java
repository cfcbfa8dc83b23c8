package dev.locksmith.benchmarks.crypto;

import dev.locksmith.core.domain.Password;
import dev.locksmith.core.domain.PasswordHash;
import dev.locksmith.crypto.Argon2PasswordHasher;
import dev.locksmith.crypto.Argon2Settings;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Argon2id at the default cost (m=19456 KiB, t=2, p=1), one thread: the adapter's hash and verify against
 * the raw Bouncy Castle baseline ({@link Argon2Baseline}: new generator, no block pool), in the same run,
 * plus Bouncy Castle's own {@code FixedBlockPool} reused across hashes ({@code bcPooledHash}).
 * Concrete subclasses fix the heap: {@link Argon2DefaultHeapBenchmark} and {@link Argon2SmallHeapBenchmark}.
 * Run with {@code -prof gc} for allocation per operation.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 5)
@Measurement(iterations = 5, time = 5)
public abstract class Argon2HashBenchmark {
    private static final String TEXT = "correct horse battery staple";

    private Argon2PasswordHasher adapter;
    private Argon2Baseline raw;
    private Argon2Baseline bcPooled;
    private Password password;
    private PasswordHash stored;
    private byte[] passwordBytes;
    private byte[] storedSalt;
    private byte[] storedTag;

    @Setup
    public void setUp() {
        adapter = new Argon2PasswordHasher(Argon2Settings.defaults());
        raw = Argon2Baseline.fresh();
        bcPooled = Argon2Baseline.withSharedBouncyCastlePool();
        password = Password.of(TEXT);
        passwordBytes = TEXT.getBytes(StandardCharsets.UTF_8);
        stored = adapter.hash(password);
        String[] fields = stored.value().split("\\$");
        storedSalt = Base64.getDecoder().decode(fields[4]);
        storedTag = Base64.getDecoder().decode(fields[5]);
        if (!adapter.verify(password, stored) || !raw.verify(passwordBytes, storedSalt, storedTag)) {
            throw new IllegalStateException("adapter and raw baseline disagree");
        }
    }

    @Benchmark
    public PasswordHash adapterHash() {
        return adapter.hash(password);
    }

    @Benchmark
    public boolean adapterVerify() {
        return adapter.verify(password, stored);
    }

    @Benchmark
    public String rawHash() {
        return raw.hash(passwordBytes);
    }

    @Benchmark
    public boolean rawVerify() {
        return raw.verify(passwordBytes, storedSalt, storedTag);
    }

    /** Bouncy Castle's own FixedBlockPool, reused: shows what the order of reuse costs (see README). */
    @Benchmark
    public String bcPooledHash() {
        return bcPooled.hash(passwordBytes);
    }
}
