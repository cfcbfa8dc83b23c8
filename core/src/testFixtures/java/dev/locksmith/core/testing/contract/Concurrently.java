package dev.locksmith.core.testing.contract;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

/** The contracts' thread-safety check: many threads asking at once get the answers one thread gets. */
final class Concurrently {
    private Concurrently() {}

    /**
     * Starts {@code threads} threads at once, each asking {@code answer} about every key of {@code expected}
     * {@code rounds} times, and asserts that every answer equals the expected one.
     */
    static <K, V> void answersAsExpected(int threads, int rounds, Map<K, V> expected, Function<K, V> answer)
            throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<List<K>>> results = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                results.add(pool.submit(() -> {
                    start.await();
                    List<K> wrong = new ArrayList<>();
                    for (int round = 0; round < rounds; round++) {
                        expected.forEach((key, value) -> {
                            if (!answer.apply(key).equals(value)) {
                                wrong.add(key);
                            }
                        });
                    }
                    return wrong;
                }));
            }
            start.countDown();
            for (Future<List<K>> result : results) {
                assertThat(result.get(2, TimeUnit.MINUTES))
                        .as("keys answered wrongly")
                        .isEmpty();
            }
        } finally {
            pool.shutdownNow();
        }
    }
}
