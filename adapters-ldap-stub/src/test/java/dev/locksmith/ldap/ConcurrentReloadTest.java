package dev.locksmith.ldap;

import static dev.locksmith.ldap.Fixtures.entries;
import static dev.locksmith.ldap.Fixtures.replace;
import static dev.locksmith.ldap.Fixtures.write;
import static org.assertj.core.api.Assertions.assertThat;

import dev.locksmith.core.domain.Source;
import dev.locksmith.core.domain.Username;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Lookups during many reloads see one whole generation, never a mix of two. Two providers read two files; each
 * reload flips both files between two states:
 * <ul>
 *   <li>EVEN: the first file holds {@code mover} and {@code pair-a}, the second {@code pair-b};</li>
 *   <li>ODD: the first file holds nobody, the second {@code mover}.</li>
 * </ul>
 * So {@code mover} is claimed in every generation (by one provider or the other), and {@code pair-a} and
 * {@code pair-b} are claimed together or not at all. A reload that swapped providers one at a time would show
 * a lookup {@code mover} unclaimed or claimed by the wrong provider, or half a pair.
 */
class ConcurrentReloadTest {

    private static final int RELOADS = 300;
    private static final int READERS = 3;
    private static final Username MOVER = Username.of("mover");
    private static final Username PAIR_A = Username.of("pair-a");
    private static final Username PAIR_B = Username.of("pair-b");
    private static final Optional<Source.Provider> FIRST = Optional.of(new Source.Provider("first"));
    private static final Optional<Source.Provider> SECOND = Optional.of(new Source.Provider("second"));

    @TempDir
    Path directory;

    @Test
    void lookups_during_reloads_always_see_one_whole_generation() throws Exception {
        Path first = directory.resolve("first.ldif");
        Path second = directory.resolve("second.ldif");
        write(first, entries("mover", "pair-a"));
        write(second, entries("pair-b"));
        LdifSecurityProviders providers = Fixtures.firstAndSecond(first, second, ProviderKind.ACTIVE_DIRECTORY);
        AtomicBoolean writing = new AtomicBoolean(true);
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(READERS);
        try {
            List<Future<long[]>> readers = new ArrayList<>();
            for (int r = 0; r < READERS; r++) {
                readers.add(pool.submit(reader(providers, writing, start)));
            }
            start.countDown();
            for (int reload = 1; reload <= RELOADS; reload++) {
                boolean odd = reload % 2 == 1;
                replace(first, odd ? entries() : entries("mover", "pair-a"));
                replace(second, odd ? entries("mover") : entries("pair-b"));
                providers.reload();
            }
            writing.set(false);

            long lookups = 0;
            for (Future<long[]> reader : readers) {
                long[] counts = reader.get(2, TimeUnit.MINUTES);
                assertThat(counts[1]).as("inconsistent lookups").isZero();
                lookups += counts[0];
            }
            assertThat(lookups).as("lookups made while reloading").isPositive();
            assertThat(providers.snapshot().generation()).isEqualTo(RELOADS + 1);
        } finally {
            pool.shutdownNow();
        }
    }

    /** Counts lookups and inconsistent answers until the writer is done. */
    private static Callable<long[]> reader(
            LdifSecurityProviders providers, AtomicBoolean writing, CountDownLatch start) {
        return () -> {
            start.await();
            long lookups = 0;
            long wrong = 0;
            while (writing.get()) {
                // through the port: one lookup, one generation
                if (providers.claimant(MOVER).isEmpty()) {
                    wrong++;
                }
                // through one snapshot: several lookups, one generation, which the generation number identifies
                Snapshot snapshot = providers.snapshot();
                boolean evenState = snapshot.generation() % 2 == 1; // generation 1 is the EVEN state
                if (!snapshot.claimant(MOVER.value()).equals(evenState ? FIRST : SECOND)) {
                    wrong++;
                }
                if (snapshot.claimant(PAIR_A.value()).isPresent() != evenState
                        || snapshot.claimant(PAIR_B.value()).isPresent() != evenState) {
                    wrong++;
                }
                lookups += 2;
            }
            return new long[] {lookups, wrong};
        };
    }
}
