package dev.locksmith.cli;

import dev.locksmith.core.port.Blocklist;
import dev.locksmith.core.port.PasswordHasher;
import dev.locksmith.core.port.StrengthEstimator;
import dev.locksmith.crypto.Argon2PasswordHasher;
import dev.locksmith.crypto.Argon2Settings;
import dev.locksmith.screening.BloomFilterBlocklist;
import dev.locksmith.screening.ZxcvbnStrengthEstimator;

/**
 * The production adapters: Argon2id at the OWASP parameters (m=19456 KiB, t=2, p=1), the Bloom-filter
 * blocklist of the 100,000 most common passwords, and the nbvcxz strength estimator. Each is made once, on
 * first use, and shared by every session opened with this instance. Thread-safe.
 */
final class ProductionAdapters implements Adapters {
    private final Argon2Settings argon2;
    private PasswordHasher hasher;
    private Blocklist blocklist;
    private StrengthEstimator strength;

    private ProductionAdapters(Argon2Settings argon2) {
        this.argon2 = argon2;
    }

    /** The production adapters at their default settings. */
    static ProductionAdapters create() {
        return new ProductionAdapters(Argon2Settings.defaults());
    }

    /** The same adapters with other Argon2 settings (tests pass test-only settings to stay fast). */
    static ProductionAdapters withArgon2(Argon2Settings settings) {
        return new ProductionAdapters(settings);
    }

    @Override
    public synchronized PasswordHasher passwordHasher() {
        if (hasher == null) {
            hasher = new Argon2PasswordHasher(argon2);
        }
        return hasher;
    }

    @Override
    public synchronized Blocklist blocklist() {
        if (blocklist == null) {
            blocklist = BloomFilterBlocklist.ofCommonPasswords();
        }
        return blocklist;
    }

    @Override
    public synchronized StrengthEstimator strengthEstimator() {
        if (strength == null) {
            strength = ZxcvbnStrengthEstimator.create();
        }
        return strength;
    }
}
