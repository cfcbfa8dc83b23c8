package dev.locksmith.benchmarks.crypto;

import dev.locksmith.crypto.Argon2Settings;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;
import org.bouncycastle.crypto.generators.Argon2BytesGenerator;
import org.bouncycastle.crypto.params.Argon2Parameters;

/**
 * The raw Bouncy Castle baseline: what a caller without the adapter would write. By default ({@link #fresh})
 * a new {@link Argon2BytesGenerator} per hash and no block pool argument, so Bouncy Castle makes a new
 * {@code FixedBlockPool} at each {@code init} and every 1 KiB block of the memory cost is allocated afresh.
 * {@link #withSharedBouncyCastlePool} instead passes one shared, synchronized Bouncy Castle
 * {@code FixedBlockPool} (last in, first out) sized for one computation, for comparison with the adapter's
 * own reuse. It does the same surrounding work as the adapter (random salt, UTF-8 password, PHC encoding or
 * constant-time comparison). Thread-safe.
 */
public final class Argon2Baseline {
    private static final Base64.Encoder B64 = Base64.getEncoder().withoutPadding();
    private final SecureRandom random = new SecureRandom();
    private final int memoryKiB;
    private final int iterations;
    private final int parallelism;
    private final Argon2BytesGenerator.BlockPool pool;

    private Argon2Baseline(int memoryKiB, int iterations, int parallelism, Argon2BytesGenerator.BlockPool pool) {
        this.memoryKiB = memoryKiB;
        this.iterations = iterations;
        this.parallelism = parallelism;
        this.pool = pool;
    }

    /** {@link #fresh(int, int, int)} at the adapter's default cost. */
    public static Argon2Baseline fresh() {
        return fresh(
                Argon2Settings.DEFAULT_MEMORY_KIB,
                Argon2Settings.DEFAULT_ITERATIONS,
                Argon2Settings.DEFAULT_PARALLELISM);
    }

    /** {@link #withSharedBouncyCastlePool(int, int, int)} at the adapter's default cost. */
    public static Argon2Baseline withSharedBouncyCastlePool() {
        return withSharedBouncyCastlePool(
                Argon2Settings.DEFAULT_MEMORY_KIB,
                Argon2Settings.DEFAULT_ITERATIONS,
                Argon2Settings.DEFAULT_PARALLELISM);
    }

    public static Argon2Baseline fresh(int memoryKiB, int iterations, int parallelism) {
        return new Argon2Baseline(memoryKiB, iterations, parallelism, null);
    }

    public static Argon2Baseline withSharedBouncyCastlePool(int memoryKiB, int iterations, int parallelism) {
        return new Argon2Baseline(
                memoryKiB,
                iterations,
                parallelism,
                new Argon2BytesGenerator.FixedBlockPool(Argon2BytesGenerator.getBlockCount(memoryKiB, parallelism)));
    }

    /** A PHC string of {@code password} with a new random salt. */
    public String hash(byte[] password) {
        byte[] salt = new byte[16];
        random.nextBytes(salt);
        byte[] tag = tag(password, salt, 32);
        String phc = "$argon2id$v=19$m=" + memoryKiB + ",t=" + iterations + ",p=" + parallelism + "$"
                + B64.encodeToString(salt) + "$" + B64.encodeToString(tag);
        Arrays.fill(tag, (byte) 0);
        return phc;
    }

    /** Whether {@code password} with {@code salt} gives {@code expectedTag} (constant-time comparison). */
    public boolean verify(byte[] password, byte[] salt, byte[] expectedTag) {
        byte[] tag = tag(password, salt, expectedTag.length);
        boolean equal = MessageDigest.isEqual(tag, expectedTag);
        Arrays.fill(tag, (byte) 0);
        return equal;
    }

    /** The raw Argon2id tag of {@code password} with {@code salt}. */
    public byte[] tag(byte[] password, byte[] salt, int length) {
        Argon2Parameters.Builder builder = new Argon2Parameters.Builder(Argon2Parameters.ARGON2_id)
                .withVersion(Argon2Parameters.ARGON2_VERSION_13)
                .withMemoryAsKB(memoryKiB)
                .withIterations(iterations)
                .withParallelism(parallelism)
                .withSalt(salt);
        if (pool != null) {
            builder.withBlockPool(pool);
        }
        Argon2BytesGenerator generator = new Argon2BytesGenerator();
        generator.init(builder.build());
        byte[] tag = new byte[length];
        generator.generateBytes(password, tag);
        return tag;
    }
}
