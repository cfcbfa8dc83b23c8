package dev.locksmith.cli;

import dev.locksmith.core.domain.Password;
import dev.locksmith.core.domain.Source;
import dev.locksmith.core.domain.Username;
import dev.locksmith.core.port.SecurityProviders;
import java.util.List;
import java.util.Optional;

/**
 * Several {@link SecurityProviders} as one: the LDIF providers first (no I/O), then the live directories, in the
 * order the options gave them. The first claimant wins; a live directory that cannot be asked throws, as its own
 * port says, and the claim stops there. A login goes to the first that supports the user's provider.
 * Thread-safe when its parts are.
 *
 * @param parts the providers, in the order they are consulted
 */
record CombinedSecurityProviders(List<SecurityProviders> parts) implements SecurityProviders {
    CombinedSecurityProviders {
        parts = List.copyOf(parts);
    }

    @Override
    public Optional<Source.Provider> claimant(Username username) {
        for (SecurityProviders part : parts) {
            Optional<Source.Provider> claimant = part.claimant(username);
            if (claimant.isPresent()) {
                return claimant;
            }
        }
        return Optional.empty();
    }

    @Override
    public ProviderLogin authenticate(Source.Provider provider, Username username, Password password) {
        for (SecurityProviders part : parts) {
            ProviderLogin login = part.authenticate(provider, username, password);
            if (!(login instanceof ProviderLogin.NotSupported)) {
                return login;
            }
        }
        return new ProviderLogin.NotSupported(provider);
    }
}
