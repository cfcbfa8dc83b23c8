package dev.locksmith.cli;

import dev.locksmith.core.port.Blocklist;
import dev.locksmith.core.port.PasswordHasher;
import dev.locksmith.core.port.StrengthEstimator;

/**
 * Makes the adapters whose cost a test may want to avoid (the hasher's work factor, loading the blocklist);
 * the stores, the mailer and the security providers come from the command's options. The command line uses
 * {@link ProductionAdapters}; implementations are thread-safe.
 */
public interface Adapters {

    /** The password hasher. */
    PasswordHasher passwordHasher();

    /** The common-password blocklist. */
    Blocklist blocklist();

    /** The strength estimator. */
    StrengthEstimator strengthEstimator();
}
