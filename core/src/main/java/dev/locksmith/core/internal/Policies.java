package dev.locksmith.core.internal;

import dev.locksmith.core.domain.PasswordPolicy;
import dev.locksmith.core.port.PolicyStore;

/** Core's rule for the policy in force, kept out of the port so that no store can change it. Stateless. */
public final class Policies {
    private Policies() {}

    /** The stored policy, or the NIST default when none was ever saved. */
    public static PasswordPolicy inForce(PolicyStore store) {
        return store.load().orElseGet(PasswordPolicy::nistDefault);
    }
}
