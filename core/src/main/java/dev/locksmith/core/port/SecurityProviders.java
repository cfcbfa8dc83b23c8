package dev.locksmith.core.port;

import dev.locksmith.core.domain.Password;
import dev.locksmith.core.domain.Source;
import dev.locksmith.core.domain.UnavailableException;
import dev.locksmith.core.domain.Username;
import java.util.Objects;
import java.util.Optional;

/**
 * The configured external security providers (LDAP/Active Directory, RADIUS, Kerberos, SAML). Core treats a
 * user as provider-managed when its record says so or when a provider claims its username. Thread-safe.
 *
 * <p>A provider backed by a live directory may be unreachable. Its {@link #claimant} then throws
 * {@link UnavailableException} with reason {@link dev.locksmith.core.domain.Reason#PROVIDER_UNREACHABLE}: the
 * stricter answer, so a username the directory might claim is never treated as local while it cannot be asked.
 */
public interface SecurityProviders {

    /**
     * The first configured provider that manages this username, if any (matching is case-insensitive).
     *
     * @throws UnavailableException with reason {@code PROVIDER_UNREACHABLE} when a configured provider could
     *     not be asked (the caller must then refuse whatever depends on the username being local)
     */
    Optional<Source.Provider> claimant(Username username);

    /**
     * Checks a provider user's password with the provider itself (a live directory binds as the user). Called
     * with no database connection or transaction held; implementations bound their own waits. The password
     * is not wiped here: the caller owns it. The default, for providers that only know which usernames they
     * manage (LDIF files), is {@link ProviderLogin.NotSupported}: the host authenticates with the provider.
     *
     * @param provider the provider named by the user's record or claim
     */
    default ProviderLogin authenticate(Source.Provider provider, Username username, Password password) {
        return new ProviderLogin.NotSupported(provider);
    }

    /** The answer of {@link #authenticate}: an expected outcome, so a value. */
    sealed interface ProviderLogin {

        /** The provider that answered. */
        Source.Provider provider();

        /** The provider accepted the password. */
        record Accepted(Source.Provider provider) implements ProviderLogin {
            public Accepted {
                Objects.requireNonNull(provider, "provider");
            }
        }

        /**
         * The provider refused the password (wrong password, unknown entry, or an entry the provider's
         * configuration marks disabled): counted as a failed login.
         */
        record Rejected(Source.Provider provider) implements ProviderLogin {
            public Rejected {
                Objects.requireNonNull(provider, "provider");
            }
        }

        /** The provider could not be reached or failed; not a wrong password, and not counted. */
        record Unreachable(Source.Provider provider) implements ProviderLogin {
            public Unreachable {
                Objects.requireNonNull(provider, "provider");
            }
        }

        /** The provider cannot check passwords here; the host authenticates with it. */
        record NotSupported(Source.Provider provider) implements ProviderLogin {
            public NotSupported {
                Objects.requireNonNull(provider, "provider");
            }
        }
    }
}
