package dev.locksmith.crypto;

import java.time.Duration;
import java.util.List;

/**
 * Immutable, validated settings of an {@link Argon2PasswordHasher}: the Argon2id cost of new hashes (memory
 * in KiB, iterations, lanes), the number of hash computations allowed to run at once and how long a caller
 * waits for its turn, and the bounds on the cost of a stored hash that the hasher will compute.
 *
 * <p>New hashes always use Argon2id version 19 (0x13), a 16-byte salt and a 32-byte tag. The default is
 * the OWASP recommendation m=19456 KiB (19 MiB), t=2, p=1. {@link Builder#build()} refuses a cost below every
 * configuration on the OWASP list (m=47104/t=1, m=19456/t=2, m=12288/t=3, m=9216/t=4, m=7168/t=5, all with
 * p=1: a setting passes when its memory and iterations are both at least those of one entry) unless the
 * settings are marked test-only with {@link Builder#testOnly()} or {@link #testOnly(int, int, int)}; a hasher
 * built from test-only settings logs a warning.
 *
 * <p><b>Bounds on stored hashes.</b> A stored hash names its own cost, and a stored string is data that anyone
 * able to write the user store (an import, a restored backup, a compromised replica) controls. So the hasher
 * computes a stored hash only within a bound relative to the configured cost, and refuses anything beyond it
 * at once, without computing, as {@code UnavailableException} with reason {@code HASH_UNSUPPORTED}:
 * <ul>
 *   <li>Argon2 memory at most {@link #maxVerificationMemoryKiB()}: by default {@value #STORED_COST_FACTOR}
 *       times the configured memory, but never more than a quarter of the maximum heap
 *       ({@link Runtime#maxMemory()} when the settings are built), and never less than the configured
 *       memory, so the hasher's own hashes always verify;</li>
 *   <li>Argon2 work, memory in KiB times passes, at most {@link #maxVerificationWork()}: by default
 *       {@value #STORED_COST_FACTOR} times the configured work;</li>
 *   <li>bcrypt cost at most {@link #maxBcryptCost()}: by default {@value #DEFAULT_MAX_BCRYPT_COST} (each step
 *       doubles the time; cost 14 takes one to two seconds here).</li>
 * </ul>
 * With the defaults (m=19456 KiB, t=2) that accepts, heap permitting (PHP's needs a heap of 256 MiB,
 * argon2-cffi 21.x's 400 MiB), the defaults of PHP's
 * {@code PASSWORD_ARGON2ID} (m=65536, t=4, p=1), argon2-cffi (m=102400, t=2, p=8 up to 21.x; m=65536, t=3,
 * p=4 since) and Spring Security's {@code Argon2PasswordEncoder} (m=16384, t=2, p=1 since 5.8; m=4096, t=3,
 * p=1 before), and refuses at once a 256 MiB hash or an m=262144, t=32 one, whatever the heap. A host that
 * imports costlier hashes raises the bounds with the builder, and sizes the heap for them.
 *
 * <p><b>Waiting.</b> A caller waits at most {@link #maxWait()} (default 10 s) for its turn at the concurrency
 * bound, then gets {@code UnavailableException} with reason {@code BUSY}: the hasher is saturated, which is not
 * a database outage and is worth a retry.
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
    /**
     * By default a stored Argon2 hash may cost at most this many times the configured memory and the configured
     * work (memory x passes).
     */
    public static final int STORED_COST_FACTOR = 8;
    /** Default ceiling on the cost of a stored bcrypt hash. */
    public static final int DEFAULT_MAX_BCRYPT_COST = 14;
    /** Default longest wait for a turn to compute: 10 seconds. */
    public static final Duration DEFAULT_MAX_WAIT = Duration.ofSeconds(10);

    /** Largest memory cost any setting may name: 4 GiB (4,194,304 KiB). */
    static final int MAX_MEMORY_KIB = 4 * 1024 * 1024;
    /** Largest number of passes accepted, for new and stored hashes alike. */
    static final int MAX_ITERATIONS = 32;
    /** Largest number of lanes accepted (the PHC string format's bound for Argon2). */
    static final int MAX_PARALLELISM = 255;
    /** Largest concurrency bound accepted. */
    static final int MAX_CONCURRENCY = 1024;
    /** The bcrypt format's cost range. */
    static final int MIN_BCRYPT_COST = 4;

    static final int MAX_BCRYPT_COST = 31;
    /** Longest wait for a turn accepted. */
    static final Duration MAX_WAIT = Duration.ofMinutes(10);

    /** The OWASP Password Storage Cheat Sheet's equivalent Argon2id configurations: {memory KiB, iterations}. */
    private static final List<int[]> OWASP_MINIMUMS = List.of(
            new int[] {47_104, 1}, new int[] {19_456, 2}, new int[] {12_288, 3}, new int[] {9_216, 4}, new int[] {
                7_168, 5
            });

    private final int memoryKiB;
    private final int iterations;
    private final int parallelism;
    private final int maxConcurrency;
    private final Duration maxWait;
    private final int maxVerificationMemoryKiB;
    private final long maxVerificationWork;
    private final int maxBcryptCost;
    private final boolean testOnly;

    private Argon2Settings(Builder b, int maxVerificationMemoryKiB, long maxVerificationWork) {
        this.memoryKiB = b.memoryKiB;
        this.iterations = b.iterations;
        this.parallelism = b.parallelism;
        this.maxConcurrency = b.maxConcurrency;
        this.maxWait = b.maxWait;
        this.maxVerificationMemoryKiB = maxVerificationMemoryKiB;
        this.maxVerificationWork = maxVerificationWork;
        this.maxBcryptCost = b.maxBcryptCost;
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
        return builder()
                .testOnly()
                .memoryKiB(memoryKiB)
                .iterations(iterations)
                .parallelism(parallelism)
                .build();
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

    /**
     * The longest a caller waits for its turn at the concurrency bound; after that the hasher answers
     * {@code UnavailableException} with reason {@code BUSY}.
     */
    public Duration maxWait() {
        return maxWait;
    }

    /** The largest memory cost in KiB that a stored Argon2 hash may ask for; above it the hash is refused. */
    public int maxVerificationMemoryKiB() {
        return maxVerificationMemoryKiB;
    }

    /**
     * The largest work, memory in KiB times passes, that a stored Argon2 hash may ask for; above it the hash is
     * refused.
     */
    public long maxVerificationWork() {
        return maxVerificationWork;
    }

    /** The largest cost of a stored bcrypt hash; above it the hash is refused. */
    public int maxBcryptCost() {
        return maxBcryptCost;
    }

    /** The configured work of new hashes: memory in KiB times passes. */
    long work() {
        return (long) memoryKiB * iterations;
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

    /**
     * The default memory bound for stored hashes: {@value #STORED_COST_FACTOR} times the configured memory, at
     * most a quarter of the maximum heap, at least the configured memory.
     */
    static int defaultMaxVerificationMemoryKiB(int memoryKiB, long maxHeapBytes) {
        long quarterOfHeapKiB = maxHeapBytes / 4 / 1024;
        long bound = Math.min((long) STORED_COST_FACTOR * memoryKiB, quarterOfHeapKiB);
        return (int) Math.min(MAX_MEMORY_KIB, Math.max(memoryKiB, bound));
    }

    @Override
    public String toString() {
        return "Argon2Settings[argon2id m=" + memoryKiB + " KiB, t=" + iterations + ", p=" + parallelism
                + ", maxConcurrency=" + maxConcurrency + ", maxWait=" + maxWait
                + ", maxVerificationMemoryKiB=" + maxVerificationMemoryKiB + ", maxVerificationWork="
                + maxVerificationWork + ", maxBcryptCost=" + maxBcryptCost + (testOnly ? ", TEST ONLY" : "") + "]";
    }

    /** Mutable builder of {@link Argon2Settings}; not thread-safe. {@link #build()} validates everything. */
    public static final class Builder {
        private int memoryKiB = DEFAULT_MEMORY_KIB;
        private int iterations = DEFAULT_ITERATIONS;
        private int parallelism = DEFAULT_PARALLELISM;
        private int maxConcurrency = Runtime.getRuntime().availableProcessors();
        private Duration maxWait = DEFAULT_MAX_WAIT;
        /** Null until set: derived from the memory cost and the heap at build time. */
        private Integer maxVerificationMemoryKiB;
        /** Null until set: derived from the cost at build time. */
        private Long maxVerificationWork;

        private int maxBcryptCost = DEFAULT_MAX_BCRYPT_COST;
        private boolean testOnly;

        private Builder() {}

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
         * Longest wait for a turn at the concurrency bound (default {@link #DEFAULT_MAX_WAIT}, 10 s; zero to 10
         * minutes; zero means a caller who cannot start at once is answered {@code BUSY} at once). It bounds the
         * wait only, not the computation that follows.
         */
        public Builder maxWait(Duration maxWait) {
            this.maxWait = maxWait;
            return this;
        }

        /**
         * Ceiling in KiB on the memory cost of stored Argon2 hashes accepted for verification (at least the
         * memory cost of new hashes; at most 4 GiB). By default {@value #STORED_COST_FACTOR} times the memory
         * cost of new hashes, at most a quarter of the maximum heap (never below the memory cost of new hashes).
         * A value set here is taken as given, heap or not: a stored hash at the bound takes that much heap while
         * it is verified (it runs alone when it needs the whole memory budget, see
         * {@link Argon2PasswordHasher}), so keep it well below the heap size.
         */
        public Builder maxVerificationMemoryKiB(int maxVerificationMemoryKiB) {
            this.maxVerificationMemoryKiB = maxVerificationMemoryKiB;
            return this;
        }

        /**
         * Ceiling on the work of stored Argon2 hashes accepted for verification, in KiB times passes (at least the
         * work of new hashes, {@code memoryKiB x iterations}). By default {@value #STORED_COST_FACTOR} times the
         * work of new hashes. A verification takes time roughly in proportion to its work.
         */
        public Builder maxVerificationWork(long maxVerificationWork) {
            this.maxVerificationWork = maxVerificationWork;
            return this;
        }

        /**
         * Ceiling on the cost of stored bcrypt hashes accepted for verification (default
         * {@value #DEFAULT_MAX_BCRYPT_COST}; 4 to 31, the format's range). Each step doubles the time of a check.
         */
        public Builder maxBcryptCost(int maxBcryptCost) {
            this.maxBcryptCost = maxBcryptCost;
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
            require(
                    memoryKiB >= 8 * parallelism && memoryKiB <= MAX_MEMORY_KIB,
                    "memoryKiB must be at least 8 per lane and at most " + MAX_MEMORY_KIB);
            require(
                    maxConcurrency >= 1 && maxConcurrency <= MAX_CONCURRENCY,
                    "maxConcurrency must be 1 to " + MAX_CONCURRENCY);
            require(
                    maxWait != null && !maxWait.isNegative() && maxWait.compareTo(MAX_WAIT) <= 0,
                    "maxWait must be zero to " + MAX_WAIT);
            require(
                    maxBcryptCost >= MIN_BCRYPT_COST && maxBcryptCost <= MAX_BCRYPT_COST,
                    "maxBcryptCost must be " + MIN_BCRYPT_COST + " to " + MAX_BCRYPT_COST);
            int memoryBound = maxVerificationMemoryKiB != null
                    ? maxVerificationMemoryKiB
                    : defaultMaxVerificationMemoryKiB(
                            memoryKiB, Runtime.getRuntime().maxMemory());
            require(
                    memoryBound >= memoryKiB && memoryBound <= MAX_MEMORY_KIB,
                    "maxVerificationMemoryKiB must be at least memoryKiB and at most " + MAX_MEMORY_KIB);
            long work = (long) memoryKiB * iterations;
            long maxWork = (long) MAX_MEMORY_KIB * MAX_ITERATIONS;
            long workBound =
                    maxVerificationWork != null ? maxVerificationWork : Math.min(STORED_COST_FACTOR * work, maxWork);
            require(
                    workBound >= work && workBound <= maxWork,
                    "maxVerificationWork must be at least memoryKiB x iterations and at most " + maxWork);
            require(
                    testOnly || meetsOwaspMinimum(memoryKiB, iterations),
                    "m=" + memoryKiB + " KiB, t=" + iterations + " is below the OWASP minimum for Argon2id"
                            + " (e.g. m=19456 KiB, t=2); mark the settings testOnly() if this is a test");
            return new Argon2Settings(this, memoryBound, workBound);
        }

        private static void require(boolean condition, String message) {
            if (!condition) {
                throw new IllegalArgumentException(message);
            }
        }
    }
}
