package dev.locksmith.benchmarks.crypto;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import org.openjdk.jmh.annotations.AuxCounters;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * A paired comparison for a shared, noisy machine: each operation is one round of three hashes at the default
 * cost (the adapter, raw Bouncy Castle with a new generator, Bouncy Castle's own reused
 * {@code FixedBlockPool}), in rotating order, so that background load falls on all three alike. The auxiliary
 * counters add up, per variant, the calling thread's CPU time ({@code *CpuMs}) and wall time ({@code *WallMs})
 * over the iteration, and {@code rounds} counts the rounds: the ratio of two totals is the paired ratio.
 * Thread CPU time leaves out the garbage collector's threads (which only the raw variant keeps busy); wall time
 * includes the pauses, which mostly fall on the allocating variant. Concrete subclasses fix the heap. The
 * contenders, their set-up and the measurement settings are {@link Argon2Contenders}'s.
 */
public abstract class Argon2PairedBenchmark extends Argon2Contenders {
    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

    private int round;

    /** Per-variant time totals of one iteration, reported by JMH as secondary results. */
    @State(Scope.Thread)
    @AuxCounters(AuxCounters.Type.EVENTS)
    public static class Totals {
        public double adapterCpuMs;
        public double rawCpuMs;
        public double bcPooledCpuMs;
        public double adapterWallMs;
        public double rawWallMs;
        public double bcPooledWallMs;
        public long rounds;

        @Setup(Level.Iteration)
        public void reset() {
            adapterCpuMs = rawCpuMs = bcPooledCpuMs = 0;
            adapterWallMs = rawWallMs = bcPooledWallMs = 0;
            rounds = 0;
        }
    }

    @Benchmark
    public int round(Totals totals) {
        int sink = 0;
        for (int i = 0; i < 3; i++) {
            int variant = (round + i) % 3;
            long cpu = THREADS.getCurrentThreadCpuTime();
            long wall = System.nanoTime();
            sink += switch (variant) {
                case 0 -> adapter.hash(password).value().length();
                case 1 -> raw.hash(passwordBytes).length();
                default -> bcPooled.hash(passwordBytes).length();
            };
            double cpuMs = (THREADS.getCurrentThreadCpuTime() - cpu) / 1e6;
            double wallMs = (System.nanoTime() - wall) / 1e6;
            switch (variant) {
                case 0 -> {
                    totals.adapterCpuMs += cpuMs;
                    totals.adapterWallMs += wallMs;
                }
                case 1 -> {
                    totals.rawCpuMs += cpuMs;
                    totals.rawWallMs += wallMs;
                }
                default -> {
                    totals.bcPooledCpuMs += cpuMs;
                    totals.bcPooledWallMs += wallMs;
                }
            }
        }
        round++;
        totals.rounds++;
        return sink;
    }
}
