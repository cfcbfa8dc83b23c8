package dev.locksmith.core.port;

import dev.locksmith.core.domain.PasswordPolicy;
import java.util.Optional;

/** Where the site's password policy is kept. Joins the current transaction; thread-safe. */
public interface PolicyStore {

    /** The stored policy; empty when none was ever saved (core then uses the NIST default). */
    Optional<PasswordPolicy> load();

    /** Replaces the stored policy. */
    void save(PasswordPolicy policy);
}
