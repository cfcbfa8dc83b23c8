package dev.locksmith.benchmarks.screening;

import dev.locksmith.screening.BloomFilterBlocklist;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Time to load the default blocklist (read the bundled list twice, normalize, fold and insert 100,002 words),
 * one load per sample. The first load in a cold JVM is slower; {@link ScreeningFootprint} reports that one.
 */
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3)
@Measurement(iterations = 5)
@Fork(1)
public class BlocklistLoadBenchmark {

    @Benchmark
    public BloomFilterBlocklist loadDefaultBlocklist() {
        return BloomFilterBlocklist.ofCommonPasswords();
    }
}
