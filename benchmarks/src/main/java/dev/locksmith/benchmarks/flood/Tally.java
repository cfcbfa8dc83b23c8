package dev.locksmith.benchmarks.flood;

import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

/**
 * Counts of call outcomes in the benchmark JVM, by name ({@code login.ok}, {@code login.BUSY},
 * {@code setPassword.CONFLICT}, ...), read and cleared by {@link OutcomeProfiler} around each iteration. Static
 * because JMH creates the profiler and the benchmark states separately; one benchmark runs per JVM (a fork).
 * Thread-safe.
 */
final class Tally {
    private static final Map<String, LongAdder> COUNTS = new ConcurrentHashMap<>();

    private Tally() {
    }

    /** Makes the names appear in every report, with 0 when nothing happened. */
    static void expect(String... names) {
        for (String name : names) {
            COUNTS.computeIfAbsent(name, n -> new LongAdder());
        }
    }

    static void add(String name) {
        COUNTS.computeIfAbsent(name, n -> new LongAdder()).increment();
    }

    /** The counts so far, by name, and zeroes them (names stay). */
    static Map<String, Long> drain() {
        Map<String, Long> counts = new TreeMap<>();
        COUNTS.forEach((name, adder) -> counts.put(name, adder.sumThenReset()));
        return counts;
    }

    /** Zeroes every count (names stay). */
    static void clear() {
        COUNTS.values().forEach(LongAdder::reset);
    }
}
