package dev.locksmith.benchmarks.flood;

import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.LongSupplier;

/**
 * Counts of call outcomes in the benchmark JVM, by name ({@code login.ok}, {@code login.BUSY},
 * {@code setPassword.CONFLICT}, ...), read and cleared by {@link OutcomeProfiler} around each iteration. Static
 * because JMH creates the profiler and the benchmark states separately; one benchmark runs per JVM (a fork).
 * Thread-safe.
 */
final class Tally {
    private static final Map<String, LongAdder> COUNTS = new ConcurrentHashMap<>();
    /** Every call counted, measured or not (for the CPU cost per call over a whole iteration). */
    private static final Map<String, LongAdder> ALL = new ConcurrentHashMap<>();

    /** CPU time used so far outside this JVM by the trial's database server, or -1 (none, or unknown). */
    private static volatile LongSupplier serverCpuNanos = () -> -1;

    private Tally() {}

    static void serverCpu(LongSupplier nanos) {
        serverCpuNanos = nanos;
    }

    static long serverCpuNanos() {
        return serverCpuNanos.getAsLong();
    }

    /** Makes the names appear in every report, with 0 when nothing happened. */
    static void expect(String... names) {
        for (String name : names) {
            COUNTS.computeIfAbsent(name, n -> new LongAdder());
        }
    }

    static void add(String name) {
        COUNTS.computeIfAbsent(name, n -> new LongAdder()).increment();
        ALL.computeIfAbsent(name, n -> new LongAdder()).increment();
    }

    /** Counts a call that ended outside JMH's measured window: only in {@link #drainAll()}. */
    static void addUnmeasured(String name) {
        ALL.computeIfAbsent(name, n -> new LongAdder()).increment();
    }

    /** The counts so far, by name, and zeroes them (names stay). */
    static Map<String, Long> drain() {
        Map<String, Long> counts = new TreeMap<>();
        COUNTS.forEach((name, adder) -> counts.put(name, adder.sumThenReset()));
        return counts;
    }

    /** The counts of every call so far, measured or not, by name, and zeroes them. */
    static Map<String, Long> drainAll() {
        Map<String, Long> counts = new TreeMap<>();
        ALL.forEach((name, adder) -> counts.put(name, adder.sumThenReset()));
        return counts;
    }

    /** Zeroes every count (names stay). */
    static void clear() {
        COUNTS.values().forEach(LongAdder::reset);
        ALL.values().forEach(LongAdder::reset);
    }
}
