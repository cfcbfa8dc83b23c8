package dev.locksmith.benchmarks.crypto;

import dev.locksmith.core.domain.PasswordHash;
import java.util.Base64;
import org.openjdk.jmh.annotations.Benchmark;

/**
 * Argon2id at the default cost (m=19456 KiB, t=2, p=1), one thread: the adapter's hash and verify against
 * the raw Bouncy Castle baseline ({@link Argon2Baseline}: new generator, no block pool), in the same run,
 * plus Bouncy Castle's own {@code FixedBlockPool} reused across hashes ({@code bcPooledHash}).
 * Concrete subclasses fix the heap: {@link Argon2DefaultHeapBenchmark} and {@link Argon2SmallHeapBenchmark}.
 * Run with {@code -prof gc} for allocation per operation. The contenders, their set-up and the measurement
 * settings are {@link Argon2Contenders}'s.
 */
public abstract class Argon2HashBenchmark extends Argon2Contenders {
    private PasswordHash stored;
    private byte[] storedSalt;
    private byte[] storedTag;

    /** One stored hash to verify against, which the adapter and the raw baseline must both accept. */
    @Override
    void prepare() {
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
