package dev.locksmith.benchmarks.screening;

import dev.locksmith.core.domain.Password;
import dev.locksmith.screening.BloomFilterBlocklist;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Cost of one blocklist check, for a listed password (hit) and an unlisted one (miss), beside the floor of a
 * plain {@code HashSet<String>} of the lower-cased list in the same run. Target: under 5 µs per check.
 *
 * <p>{@code hashSet*} start from a ready {@code String}; {@code hashSetFromPassword*} start, like the
 * blocklist, from a {@link Password} and so include its copy into a {@code String} (which the blocklist avoids).
 * Each call takes the next of 1,024 inputs, so caches see a realistic spread of words.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class BlocklistBenchmark {

    /** The inputs, and a cursor so that consecutive calls see different passwords. */
    @State(Scope.Thread)
    public static class Inputs {
        Password[] hits;
        Password[] misses;
        String[] hitTexts;
        String[] missTexts;
        int next;

        @Setup(Level.Trial)
        public void setUp() {
            List<String> hitList = Samples.hits(new Random(1));
            List<String> missList = Samples.misses(new Random(2));
            hitTexts = hitList.toArray(String[]::new);
            missTexts = missList.toArray(String[]::new);
            hits = hitList.stream().map(Password::of).toArray(Password[]::new);
            misses = missList.stream().map(Password::of).toArray(Password[]::new);
        }

        int next() {
            next = (next + 1) & (Samples.COUNT - 1);
            return next;
        }
    }

    /** The adapter, at the default false-positive probability and at a looser one. */
    @State(Scope.Benchmark)
    public static class Bloom {
        @Param({"1.0E-6", "0.001"})
        double falsePositiveProbability;

        BloomFilterBlocklist blocklist;

        @Setup(Level.Trial)
        public void setUp() {
            blocklist = BloomFilterBlocklist.builder()
                    .falsePositiveProbability(falsePositiveProbability)
                    .build();
        }
    }

    /** The baseline: the same list, lower-cased, in a {@code HashSet}. */
    @State(Scope.Benchmark)
    public static class Baseline {
        Set<String> set;

        @Setup(Level.Trial)
        public void setUp() {
            List<String> words = Samples.bundledList();
            set = new HashSet<>(words.size() * 2);
            for (String word : words) {
                set.add(word.toLowerCase(Locale.ROOT));
            }
        }
    }

    @Benchmark
    public boolean blocklistHit(Bloom bloom, Inputs inputs) {
        return bloom.blocklist.contains(inputs.hits[inputs.next()]);
    }

    @Benchmark
    public boolean blocklistMiss(Bloom bloom, Inputs inputs) {
        return bloom.blocklist.contains(inputs.misses[inputs.next()]);
    }

    @Benchmark
    public boolean hashSetHit(Baseline baseline, Inputs inputs) {
        return baseline.set.contains(inputs.hitTexts[inputs.next()].toLowerCase(Locale.ROOT));
    }

    @Benchmark
    public boolean hashSetMiss(Baseline baseline, Inputs inputs) {
        return baseline.set.contains(inputs.missTexts[inputs.next()].toLowerCase(Locale.ROOT));
    }

    @Benchmark
    public boolean hashSetFromPasswordHit(Baseline baseline, Inputs inputs) {
        return baseline.set.contains(new String(inputs.hits[inputs.next()].toCharArray()).toLowerCase(Locale.ROOT));
    }

    @Benchmark
    public boolean hashSetFromPasswordMiss(Baseline baseline, Inputs inputs) {
        return baseline.set.contains(new String(inputs.misses[inputs.next()].toCharArray()).toLowerCase(Locale.ROOT));
    }
}
