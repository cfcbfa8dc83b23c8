package dev.locksmith.core.port;

import dev.locksmith.core.domain.Source;
import dev.locksmith.core.domain.Username;

import java.util.Optional;

/**
 * The configured external security providers (LDAP/Active Directory, RADIUS, Kerberos, SAML). Core treats a
 * user as provider-managed when its record says so or when a provider claims its username. Thread-safe.
 */
public interface SecurityProviders {

    /** The first configured provider that manages this username, if any (matching is case-insensitive). */
    Optional<Source.Provider> claimant(Username username);
}
