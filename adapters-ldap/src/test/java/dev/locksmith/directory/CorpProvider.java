package dev.locksmith.directory;

import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.locksmith.core.domain.Password;
import dev.locksmith.core.domain.Source;
import dev.locksmith.core.domain.UnavailableException;
import dev.locksmith.core.domain.Username;
import dev.locksmith.core.port.SecurityProviders.ProviderLogin;
import java.util.Optional;

/** The calls the directory tests make on their one provider, "corp": who claims a name, and a login by password. */
final class CorpProvider {
    static final Source.Provider CORP = new Source.Provider("corp");

    private CorpProvider() {}

    static ProviderLogin login(LdapSecurityProviders providers, String username, String password) {
        try (Password secret = Password.of(password)) {
            return providers.authenticate(CORP, Username.of(username), secret);
        }
    }

    static Optional<Source.Provider> claimant(LdapSecurityProviders providers, String username) {
        return providers.claimant(Username.of(username));
    }

    /** The exception asking {@code providers} who claims {@code username} throws, or null if it answers. */
    static UnavailableException unavailable(LdapSecurityProviders providers, String username) {
        return catchThrowableOfType(UnavailableException.class, () -> claimant(providers, username));
    }
}
