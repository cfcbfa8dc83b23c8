package dev.locksmith.benchmarks.flood;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.infra.BenchmarkParams;
import org.openjdk.jmh.infra.IterationParams;
import org.openjdk.jmh.profile.InternalProfiler;
import org.openjdk.jmh.results.AggregationPolicy;
import org.openjdk.jmh.results.IterationResult;
import org.openjdk.jmh.results.Result;
import org.openjdk.jmh.results.ScalarResult;

/**
 * JMH profiler that adds the call outcomes counted by the flood and starvation benchmarks ({@link Tally}) to
 * the results, so that they land in JMH's report and JSON beside the latencies:
 *
 * <ul>
 *   <li>{@code n.<call>.<outcome>}: how many calls ended so in the iteration ({@code ok}, a reason such as
 *       {@code BUSY}, {@code UNAVAILABLE} or {@code CONFLICT}, or an unexpected outcome's name), summed over
 *       iterations;</li>
 *   <li>{@code <call>.okPerSecond}: in time-based iterations, the successful calls per second of the
 *       iteration's nominal time (the benchmarks count only calls that end while JMH measures, as JMH's own
 *       throughput does);</li>
 *   <li>{@code windowMs}: the iteration's wall time as seen from here (summed), for rates of calls made in
 *       the background;</li>
 *   <li>{@code cpuMs}: the CPU time of the benchmark JVM over the same window, all threads (GC and JIT
 *       included), and {@code all.<call>.ok}: the successful calls over that window, measured or not (the
 *       calls under way when JMH stops measuring finish in it). {@code cpuMs / all.<call>.ok} is the CPU
 *       cost per successful call, which does not depend on how much of the shared machine the run got;</li>
 *   <li>{@code serverCpuMs}: with a PostgreSQL server started for the trial, the CPU time its processes used
 *       over the same window (read before the trial's tear-down stops it), to add to {@code cpuMs};</li>
 *   <li>{@code loadavg1}: the machine's one-minute load average at the end of the iteration (this machine is
 *       shared: a high figure means other processes took cores).</li>
 * </ul>
 *
 * Use with {@code -prof dev.locksmith.benchmarks.flood.OutcomeProfiler}. Runs inside the benchmark JVM.
 */
public final class OutcomeProfiler implements InternalProfiler {
    private static final com.sun.management.OperatingSystemMXBean OS =
            (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();

    private long start;
    private long cpuAtStart;
    private long serverCpuAtStart;

    @Override
    public String getDescription() {
        return "Locksmith call outcomes (ok, BUSY, UNAVAILABLE, CONFLICT, ...) counted by the flood benchmarks";
    }

    @Override
    public void beforeIteration(BenchmarkParams benchmarkParams, IterationParams iterationParams) {
        Tally.clear();
        start = System.nanoTime();
        cpuAtStart = OS.getProcessCpuTime();
        serverCpuAtStart = Tally.serverCpuNanos();
    }

    @Override
    @SuppressWarnings("rawtypes") // the signature is JMH's, which uses the raw Result type
    public Collection<? extends Result> afterIteration(
            BenchmarkParams benchmarkParams, IterationParams iterationParams, IterationResult result) {
        double windowMs = (System.nanoTime() - start) / 1e6;
        double cpuMs = (OS.getProcessCpuTime() - cpuAtStart) / 1e6;
        long serverCpu = Tally.serverCpuNanos();
        Map<String, Long> counts = Tally.drain();
        Map<String, Long> all = Tally.drainAll();
        List<Result> results = new ArrayList<>();
        boolean timed = benchmarkParams.getMode() != Mode.SingleShotTime;
        double seconds = iterationParams.getTime().convertTo(TimeUnit.MILLISECONDS) / 1e3;
        counts.forEach((name, count) -> {
            results.add(new ScalarResult("n." + name, count, "#", AggregationPolicy.SUM));
            if (timed && name.endsWith(".ok") && seconds > 0) {
                String call = name.substring(0, name.length() - ".ok".length());
                results.add(new ScalarResult(call + ".okPerSecond", count / seconds, "ops/s", AggregationPolicy.AVG));
            }
        });
        all.forEach((name, count) -> {
            if (name.endsWith(".ok")) {
                results.add(new ScalarResult("all." + name, count, "#", AggregationPolicy.SUM));
            }
        });
        results.add(new ScalarResult("windowMs", windowMs, "ms", AggregationPolicy.SUM));
        results.add(new ScalarResult("cpuMs", cpuMs, "ms", AggregationPolicy.SUM));
        if (serverCpu >= 0 && serverCpuAtStart >= 0) {
            results.add(
                    new ScalarResult("serverCpuMs", (serverCpu - serverCpuAtStart) / 1e6, "ms", AggregationPolicy.SUM));
        }
        results.add(new ScalarResult("loadavg1", loadAverage(), "", AggregationPolicy.AVG));
        return results;
    }

    private static double loadAverage() {
        try {
            return Double.parseDouble(Files.readString(Path.of("/proc/loadavg")).split(" ")[0]);
        } catch (IOException | RuntimeException e) {
            return Double.NaN;
        }
    }
}
