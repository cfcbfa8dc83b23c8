package dev.locksmith.jdbc;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

/** Tasks on threads of their own, all released at the same moment: what the concurrency scenarios race. */
final class Together {
    private Together() {}

    /** One task. */
    interface Task {
        void run() throws Exception;
    }

    /** One of several copies of a task, given its thread's number (0, 1, ...). */
    interface NumberedTask {
        void run(int thread) throws Exception;
    }

    /** Runs {@code threads} copies of the task at once; see {@link #run(List)}. */
    static void run(int threads, NumberedTask task) throws Exception {
        List<Task> tasks = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            int thread = t;
            tasks.add(() -> task.run(thread));
        }
        run(tasks);
    }

    /** Runs the tasks at once and waits for every one (5 minutes at most each); fails with the first failure. */
    static void run(List<Task> tasks) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(tasks.size());
        CountDownLatch start = new CountDownLatch(1);
        try {
            List<Future<?>> futures = new ArrayList<>();
            for (Task task : tasks) {
                futures.add(pool.submit(() -> {
                    start.await();
                    task.run();
                    return null;
                }));
            }
            start.countDown();
            for (Future<?> f : futures) {
                f.get(5, TimeUnit.MINUTES);
            }
        } finally {
            pool.shutdownNow();
        }
    }
}
