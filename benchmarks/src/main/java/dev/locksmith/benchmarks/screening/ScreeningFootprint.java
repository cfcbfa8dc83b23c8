package dev.locksmith.benchmarks.screening;

import dev.locksmith.screening.BloomFilterBlocklist;
import dev.locksmith.screening.ZxcvbnStrengthEstimator;
import java.lang.management.ManagementFactory;
import java.lang.ref.Reference;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;
import java.util.function.Supplier;

/**
 * Load time and retained heap of the screening adapters, measured in a fresh JVM: heap in use after repeated
 * full collections, before and after building each object while it stays reachable. The first build pays class
 * loading and a cold JIT, as an application's start-up does; later builds show the warm cost.
 *
 * <p>Run: {@code java -XX:+UseSerialGC -cp benchmarks/target/benchmarks.jar
 * dev.locksmith.benchmarks.screening.ScreeningFootprint}
 */
public final class ScreeningFootprint {
    private ScreeningFootprint() {}

    public static void main(String[] args) throws InterruptedException {
        long before = usedHeapAfterGc();
        long started = System.nanoTime();
        BloomFilterBlocklist blocklist = BloomFilterBlocklist.ofCommonPasswords();
        long coldMillis = (System.nanoTime() - started) / 1_000_000;
        long retained = usedHeapAfterGc() - before;
        report("blocklist, default (fpp 1e-6), first load", coldMillis, retained, blocklist);
        System.out.printf(
                Locale.ROOT, "%-45s (the first load's retained heap also holds one-time JDK and Guava data)%n", "");

        before = usedHeapAfterGc();
        BloomFilterBlocklist second = BloomFilterBlocklist.ofCommonPasswords();
        report("blocklist, default (fpp 1e-6), another one", -1, usedHeapAfterGc() - before, second);

        long warmMillis = Long.MAX_VALUE;
        for (int i = 0; i < 5; i++) {
            started = System.nanoTime();
            BloomFilterBlocklist.ofCommonPasswords();
            warmMillis = Math.min(warmMillis, (System.nanoTime() - started) / 1_000_000);
        }
        System.out.printf(
                Locale.ROOT, "%-45s load %5d ms (best of 5)%n", "blocklist, default, later loads", warmMillis);

        before = usedHeapAfterGc();
        BloomFilterBlocklist loose =
                BloomFilterBlocklist.builder().falsePositiveProbability(0.001).build();
        report("blocklist, fpp 1e-3", -1, usedHeapAfterGc() - before, loose);

        before = usedHeapAfterGc();
        Set<String> hashSet = new HashSet<>();
        for (String word : Samples.bundledList()) {
            hashSet.add(word.toLowerCase(Locale.ROOT));
        }
        System.out.printf(
                Locale.ROOT,
                "%-45s retained %,9d bytes, %,d distinct words%n",
                "baseline: HashSet<String> of the lower-cased list",
                usedHeapAfterGc() - before,
                hashSet.size());

        ZxcvbnStrengthEstimator estimator = timedBuild(
                "strength estimator, first build",
                " (zxcvbn4j's dictionaries, per estimator)",
                ZxcvbnStrengthEstimator::create);
        ZxcvbnStrengthEstimator another =
                timedBuild("strength estimator, another one", "", ZxcvbnStrengthEstimator::create);
        NbvcxzBaselineEstimator baseline = timedBuild(
                "baseline: nbvcxz estimator, first build",
                " (nbvcxz's static dictionaries)",
                NbvcxzBaselineEstimator::create);

        Reference.reachabilityFence(blocklist);
        Reference.reachabilityFence(second);
        Reference.reachabilityFence(loose);
        Reference.reachabilityFence(estimator);
        Reference.reachabilityFence(another);
        Reference.reachabilityFence(baseline);
        Reference.reachabilityFence(hashSet);
    }

    /** Builds one object and prints its load time and the heap it retains (returned, so it stays reachable). */
    private static <T> T timedBuild(String what, String note, Supplier<T> build) throws InterruptedException {
        long before = usedHeapAfterGc();
        long started = System.nanoTime();
        T built = build.get();
        long millis = (System.nanoTime() - started) / 1_000_000;
        System.out.printf(
                Locale.ROOT,
                "%-45s load %5d ms, retained %,9d bytes%s%n",
                what,
                millis,
                usedHeapAfterGc() - before,
                note);
        return built;
    }

    private static void report(String what, long millis, long retained, BloomFilterBlocklist blocklist) {
        System.out.printf(
                Locale.ROOT,
                "%-45s load %5s ms, retained %,9d bytes, %,d entries, expected fpp %.2e%n",
                what,
                millis < 0 ? "-" : Long.toString(millis),
                retained,
                blocklist.entries(),
                blocklist.expectedFalsePositiveProbability());
    }

    private static long usedHeapAfterGc() throws InterruptedException {
        long used = Long.MAX_VALUE;
        for (int i = 0; i < 5; i++) {
            System.gc();
            Thread.sleep(50);
            used = Math.min(
                    used,
                    ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed());
        }
        return used;
    }
}
