package dev.locksmith.benchmarks.crypto;

import dev.locksmith.core.domain.Password;
import dev.locksmith.core.domain.PasswordHash;
import dev.locksmith.crypto.Argon2PasswordHasher;
import dev.locksmith.crypto.Argon2Settings;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Throughput of Argon2id hashing at the default cost from 2 and 8 threads sharing one hasher (default
 * settings: the concurrency bound is the number of processors), against the raw Bouncy Castle baseline with
 * no bound. After each iteration the heap in use after a full GC is printed ("heap after GC"), to show that
 * it does not grow. Run with {@code -prof gc} for the allocation rate.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 5)
@Measurement(iterations = 5, time = 5)
@Fork(1)
public class Argon2ConcurrencyBenchmark {
    private static final String TEXT = "correct horse battery staple";
    private static final MemoryMXBean MEMORY = ManagementFactory.getMemoryMXBean();

    private Argon2PasswordHasher adapter;
    private Argon2Baseline raw;
    private Password password;
    private byte[] passwordBytes;

    @Setup
    public void setUp() {
        adapter = new Argon2PasswordHasher(Argon2Settings.defaults());
        raw = Argon2Baseline.fresh();
        password = Password.of(TEXT);
        passwordBytes = TEXT.getBytes(StandardCharsets.UTF_8);
    }

    @TearDown(Level.Iteration)
    public void reportHeap() {
        System.gc();
        long used = MEMORY.getHeapMemoryUsage().getUsed();
        // Benchmark output, not library code: JMH shows the forked JVM's standard output with the iteration.
        System.out.printf("  [heap after GC: %.1f MiB]%n", used / (1024.0 * 1024.0));
    }

    @Benchmark
    @Threads(2)
    public PasswordHash adapterHash2Threads() {
        return adapter.hash(password);
    }

    @Benchmark
    @Threads(8)
    public PasswordHash adapterHash8Threads() {
        return adapter.hash(password);
    }

    @Benchmark
    @Threads(2)
    public String rawHash2Threads() {
        return raw.hash(passwordBytes);
    }

    @Benchmark
    @Threads(8)
    public String rawHash8Threads() {
        return raw.hash(passwordBytes);
    }
}
