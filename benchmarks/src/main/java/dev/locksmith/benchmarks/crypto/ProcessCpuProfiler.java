package dev.locksmith.benchmarks.crypto;

import java.lang.management.ManagementFactory;
import java.util.Collection;
import java.util.List;
import org.openjdk.jmh.infra.BenchmarkParams;
import org.openjdk.jmh.infra.IterationParams;
import org.openjdk.jmh.profile.InternalProfiler;
import org.openjdk.jmh.results.AggregationPolicy;
import org.openjdk.jmh.results.IterationResult;
import org.openjdk.jmh.results.Result;
import org.openjdk.jmh.results.ScalarResult;

/**
 * JMH profiler reporting the benchmark JVM's CPU time per operation ({@code cpu.time.norm}, ms/op), all
 * threads included (the benchmark threads, the garbage collector's and the JIT's). On a machine shared with
 * other busy processes, wall-clock time per operation mostly measures how often the benchmark got a core;
 * CPU time counts only the work done, so it compares two implementations more fairly there. Use with
 * {@code -prof dev.locksmith.benchmarks.crypto.ProcessCpuProfiler}. This machine exposes no hardware cycle
 * counters to {@code perf}, so JMH's {@code perfnorm} is not available.
 */
public final class ProcessCpuProfiler implements InternalProfiler {
    private static final com.sun.management.OperatingSystemMXBean OS =
            (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();

    private long cpuAtStart;

    @Override
    public String getDescription() {
        return "JVM process CPU time per operation, all threads (GC included)";
    }

    @Override
    public void beforeIteration(BenchmarkParams benchmarkParams, IterationParams iterationParams) {
        cpuAtStart = OS.getProcessCpuTime();
    }

    @Override
    @SuppressWarnings("rawtypes") // the signature is JMH's, which uses the raw Result type
    public Collection<? extends Result> afterIteration(
            BenchmarkParams benchmarkParams, IterationParams iterationParams, IterationResult result) {
        long cpuNanos = OS.getProcessCpuTime() - cpuAtStart;
        long ops = result.getMetadata().getAllOps();
        double perOp = ops == 0 ? Double.NaN : cpuNanos / 1e6 / ops;
        return List.of(new ScalarResult("cpu.time.norm", perOp, "ms/op", AggregationPolicy.AVG));
    }
}
