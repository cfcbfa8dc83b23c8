package dev.locksmith.crypto;

import dev.locksmith.core.domain.Password;
import dev.locksmith.core.domain.PasswordHash;
import dev.locksmith.core.domain.UnavailableException;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Run by {@link SmallHeapTest} in a JVM of its own with a small heap: verifies stored hashes with the default
 * settings and prints, per hash, a line {@code label<TAB>outcome<TAB>computations}, where the outcome is MATCH,
 * NO_MATCH, the reason of an {@link UnavailableException}, or the simple name of another throwable (an
 * {@link OutOfMemoryError} included).
 */
final class SmallHeapProbe {
    /** PHP's PASSWORD_ARGON2ID defaults, m=65536 t=4 p=1 (see ecosystem-fixtures.tsv). */
    static final String PHP_DEFAULTS =
            "$argon2id$v=19$m=65536,t=4,p=1$yxqmhzigzFGbEClMB5lXRQ$jtG1mudXG1xmr5OdXg+qE/thqiGOxv106BN6N9rHJS0";

    private static final AtomicInteger COMPUTATIONS = new AtomicInteger();
    private static final Argon2PasswordHasher HASHER =
            new Argon2PasswordHasher(Argon2Settings.defaults(), new ComputationObserver() {
                @Override
                public void started() {
                    COMPUTATIONS.incrementAndGet();
                }

                @Override
                public void finished() {}
            });

    private SmallHeapProbe() {}

    public static void main(String[] args) {
        System.out.println("maxMemory\t" + Runtime.getRuntime().maxMemory() + "\t-");
        probe("256MiB", stored(262_144, 1), "password");
        probe("256MiB-32-passes", stored(262_144, 32), "password");
        probe("php-defaults", PHP_DEFAULTS, "rasmuslerdorf");
    }

    /** A well-formed hash of the given cost; its tag is zeros (it is refused before anything is computed). */
    private static String stored(int memoryKiB, int iterations) {
        return new PhcArgon2Hash(
                        Argon2Type.ARGON2ID,
                        PhcArgon2Hash.VERSION_13,
                        memoryKiB,
                        iterations,
                        1,
                        new byte[16],
                        new byte[32])
                .encode();
    }

    private static void probe(String label, String hash, String password) {
        int before = COMPUTATIONS.get();
        String outcome;
        try {
            outcome = HASHER.verify(Password.of(password), new PasswordHash(hash)) ? "MATCH" : "NO_MATCH";
        } catch (UnavailableException e) {
            outcome = e.reason().name();
        } catch (Throwable t) {
            outcome = t.getClass().getSimpleName();
        }
        System.out.println(label + "\t" + outcome + "\t" + (COMPUTATIONS.get() - before));
    }
}
