package dev.locksmith.crypto;

import java.util.List;

/**
 * Immutable, validated settings of an {@link Argon2PasswordHasher}: the Argon2id cost of new hashes (memory
 * in KiB, iterations, lanes), the number of hash computations allowed to run at once, and the largest memory
 * cost a stored hash may ask for before it is refused as malformed.
 *
 * <p>New hashes always use Argon2id version 19 (0x13), a 16-byte salt and a 32-byte tag. The default is
 * the OWASP recommendation m=19456 KiB (19 MiB), t=2, p=1. {@link Builder#build()} refuses a cost below every
 * configuration on the OWASP list (m=47104/t=1, m=19456/t=2, m=12288/t=3, m=9216/t=4, m=7168/t=5, all with
 * p=1: a setting passes when its memory and iterations are both at least those of one entry) unless the
 * settings are marked test-only with {@link Builder#testOnly()} or {@link #testOnly(int, int, int)}; a hasher
 * built from test-only settings logs a warning.
 *
 * <p>Thread-safe (immutable). Its methods throw {@link IllegalArgumentException} for a setting out of range.
 */
public final class Argon2Settings {
    /** Default memory cost in KiB (OWASP: 19 MiB). */
    public static final int DEFAULT_MEMORY_KIB = 19_456;
    /** Default number of passes over memory (OWASP). */
    public static final int DEFAULT_ITERATIONS = 2;
    /** Default number of lanes (OWASP). */
    public static final int DEFAULT_PARALLELISM = 1;
    /** Default ceiling on the memory cost of a stored hash accepted for verification: 256 MiB. */
    public static final int DEFAULT_MAX_VERIFICATION_MEMORY_KIB = 262_144;

    /** Largest memory cost any setting may name: 4 GiB (4,194,304 KiB). */
    static final int MAX_MEMORY_KIB = 4 * 1024 * 1024;
    /** Largest number of passes accepted, for new and stored hashes alike. */
    static final int MAX_ITERATIONS = 32;
    /** Largest number of lanes accepted (the PHC string format's bound for Argon2). */
    static final int MAX_PARALLELISM = 255;
    /** Largest concurrency bound accepted. */
    static final int MAX_CONCURRENCY = 1024;

    /** The OWASP Password Storage Cheat Sheet's equivalent Argon2id configurations: {memory KiB, iterations}. */
    private static final List<int[]> OWASP_MINIMUMS = List.of(
            new int[] {47_104, 1}, new int[] {19_456, 2}, new int[] {12_288, 3}, new int[] {9_216, 4},
            new int[] {7_168, 5});

    private final int memoryKiB;
    private final int iterations;
    private final int parallelism;
    private final int maxConcurrency;
    private final int maxVerificationMemoryKiB;
    private final boolean testOnly;

    private Argon2Settings(Builder b) {
        this.memoryKiB = b.memoryKiB;
        this.iterations = b.iterations;
        this.parallelism = b.parallelism;
        this.maxConcurrency = b.maxConcurrency;
        this.maxVerificationMemoryKiB = b.maxVerificationMemoryKiB;
        this.testOnly = b.testOnly;
    }

    /** The OWASP defaults (m=19456 KiB, t=2, p=1) with one concurrent computation per available processor. */
    public static Argon2Settings defaults() {
        return builder().build();
    }

    /**
     * Test-only settings with the given cost, which may be far below the OWASP minimum so tests run fast.
     * Never use them in production: a hasher built from them logs a warning.
     *
     * @throws IllegalArgumentException if the cost is structurally invalid for Argon2 (memory below 8 KiB per lane)
     */
    public static Argon2Settings testOnly(int memoryKiB, int iterations, int parallelism) {
        return builder().testOnly().memoryKiB(memoryKiB).iterations(iterations).parallelism(parallelism).build();
    }

    /** A builder starting from the defaults. */
    public static Builder builder() {
        return new Builder();
    }

    /** Memory cost of new hashes in KiB. */
    public int memoryKiB() {
        return memoryKiB;
    }

    /** Number of passes of new hashes. */
    public int iterations() {
        return iterations;
    }

    /** Number of lanes of new hashes. */
    public int parallelism() {
        return parallelism;
    }

    /** How many hash computations (hash or verify, Argon2 or bcrypt) may run at once; more callers wait. */
    public int maxConcurrency() {
        return maxConcurrency;
    }

    /** The largest memory cost in KiB that a stored Argon2 hash may ask for; above it the hash is refused. */
    public int maxVerificationMemoryKiB() {
        return maxVerificationMemoryKiB;
    }

    /** Whether these settings were explicitly marked test-only (and so may be below the OWASP minimum). */
    public boolean isTestOnly() {
        return testOnly;
    }

    /** Whether the cost reaches at least one configuration of the OWASP list. */
    boolean meetsOwaspMinimum() {
        return meetsOwaspMinimum(memoryKiB, iterations);
    }

    static boolean meetsOwaspMinimum(int memoryKiB, int iterations) {
        return OWASP_MINIMUMS.stream().anyMatch(min -> memoryKiB >= min[0] && iterations >= min[1]);
    }

    @Override
    public String toString() {
        return "Argon2Settings[argon2id m=" + memoryKiB + " KiB, t=" + iterations + ", p=" + parallelism
                + ", maxConcurrency=" + maxConcurrency + ", maxVerificationMemoryKiB=" + maxVerificationMemoryKiB
                + (testOnly ? ", TEST ONLY" : "") + "]";
    }

    /** Mutable builder of {@link Argon2Settings}; not thread-safe. {@link #build()} validates everything. */
    public static final class Builder {
        private int memoryKiB = DEFAULT_MEMORY_KIB;
        private int iterations = DEFAULT_ITERATIONS;
        private int parallelism = DEFAULT_PARALLELISM;
        private int maxConcurrency = Runtime.getRuntime().availableProcessors();
        private int maxVerificationMemoryKiB = DEFAULT_MAX_VERIFICATION_MEMORY_KIB;
        private boolean testOnly;

        private Builder() {
        }

        /** Memory cost of new hashes in KiB (at least 8 per lane). */
        public Builder memoryKiB(int memoryKiB) {
            this.memoryKiB = memoryKiB;
            return this;
        }

        /** Number of passes of new hashes (1 to 32). */
        public Builder iterations(int iterations) {
            this.iterations = iterations;
            return this;
        }

        /** Number of lanes of new hashes (1 to 255). Bouncy Castle computes lanes one after another. */
        public Builder parallelism(int parallelism) {
            this.parallelism = parallelism;
            return this;
        }

        /**
         * Bound on concurrent hash computations (1 to 1024); default: the number of available processors. Each
         * computation that has run keeps its {@code memoryKiB} of Argon2 blocks for reuse, so the hasher holds
         * up to {@code maxConcurrency x memoryKiB} KiB of heap once that many have run at the same time.
         */
        public Builder maxConcurrency(int maxConcurrency) {
            this.maxConcurrency = maxConcurrency;
            return this;
        }

        /**
         * Ceiling in KiB on the memory cost of stored Argon2 hashes accepted for verification (default 256 MiB;
         * at least the memory cost of new hashes; at most 4 GiB). Each concurrent verification may need this
         * much heap, so keep {@code maxConcurrency x maxVerificationMemoryKiB} below the heap size.
         */
        public Builder maxVerificationMemoryKiB(int maxVerificationMemoryKiB) {
            this.maxVerificationMemoryKiB = maxVerificationMemoryKiB;
            return this;
        }

        /** Marks the settings as test-only, which lifts the OWASP minimum (never in production). */
        public Builder testOnly() {
            this.testOnly = true;
            return this;
        }

        /**
         * Validates and returns the settings.
         *
         * @throws IllegalArgumentException when a value is out of range, or the cost is below the OWASP minimum
         *     and the settings are not marked test-only
         */
        public Argon2Settings build() {
            require(parallelism >= 1 && parallelism <= MAX_PARALLELISM, "parallelism must be 1 to " + MAX_PARALLELISM);
            require(iterations >= 1 && iterations <= MAX_ITERATIONS, "iterations must be 1 to " + MAX_ITERATIONS);
            require(memoryKiB >= 8 * parallelism && memoryKiB <= MAX_MEMORY_KIB,
                    "memoryKiB must be at least 8 per lane and at most " + MAX_MEMORY_KIB);
            require(maxConcurrency >= 1 && maxConcurrency <= MAX_CONCURRENCY,
                    "maxConcurrency must be 1 to " + MAX_CONCURRENCY);
            require(maxVerificationMemoryKiB >= memoryKiB && maxVerificationMemoryKiB <= MAX_MEMORY_KIB,
                    "maxVerificationMemoryKiB must be at least memoryKiB and at most " + MAX_MEMORY_KIB);
            require(testOnly || meetsOwaspMinimum(memoryKiB, iterations),
                    "m=" + memoryKiB + " KiB, t=" + iterations + " is below the OWASP minimum for Argon2id"
                            + " (e.g. m=19456 KiB, t=2); mark the settings testOnly() if this is a test");
            return new Argon2Settings(this);
        }

        private static void require(boolean condition, String message) {
            if (!condition) {
                throw new IllegalArgumentException(message);
            }
        }
    }
}
