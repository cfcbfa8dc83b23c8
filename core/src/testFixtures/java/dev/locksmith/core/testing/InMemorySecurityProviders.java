package dev.locksmith.core.testing;

import dev.locksmith.core.domain.InvalidInputException;
import dev.locksmith.core.domain.Password;
import dev.locksmith.core.domain.Reason;
import dev.locksmith.core.domain.Source;
import dev.locksmith.core.domain.UnavailableException;
import dev.locksmith.core.domain.Username;
import dev.locksmith.core.port.SecurityProviders;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * {@link SecurityProviders} from usernames registered per provider, in the order providers were first
 * registered (the first that claims a username wins). Usernames compare case-insensitively (they are
 * canonical {@link Username}s). Thread-safe.
 */
public final class InMemorySecurityProviders implements SecurityProviders {
    private final Map<Source.Provider, Set<Username>> claims = new LinkedHashMap<>();
    private final Map<Username, String> passwords = new ConcurrentHashMap<>();
    private volatile boolean unreachable;

    /**
     * Makes the providers check passwords like a live directory: {@code username} logs in with
     * {@code password} (compared after NFKC, as given). Users without a password set here get
     * {@link ProviderLogin.NotSupported}.
     */
    public InMemorySecurityProviders password(String username, String password) {
        passwords.put(Username.of(username), java.text.Normalizer.normalize(password, java.text.Normalizer.Form.NFKC));
        return this;
    }

    /**
     * Makes every directory unreachable (true) or reachable again: claims throw {@code PROVIDER_UNREACHABLE} and
     * logins answer {@link ProviderLogin.Unreachable}.
     */
    public void unreachable(boolean value) {
        unreachable = value;
    }

    /** Makes {@code provider} claim {@code username}. */
    public synchronized InMemorySecurityProviders claim(String provider, String username) {
        InvalidInputException.requireNonNull(provider, "provider");
        claims.computeIfAbsent(new Source.Provider(provider), p -> ConcurrentHashMap.newKeySet())
                .add(Username.of(username));
        return this;
    }

    /** Removes every claim. */
    public synchronized void clear() {
        claims.clear();
    }

    @Override
    public ProviderLogin authenticate(Source.Provider provider, Username username, Password password) {
        InvalidInputException.requireNonNull(provider, "provider");
        InvalidInputException.requireNonNull(username, "username");
        InvalidInputException.requireNonNull(password, "password");
        if (unreachable) {
            return new ProviderLogin.Unreachable(provider);
        }
        String expected = passwords.get(username);
        if (expected == null) {
            return new ProviderLogin.NotSupported(provider);
        }
        char[] given = password.toCharArray();
        try {
            return java.util.Arrays.equals(given, expected.toCharArray())
                    ? new ProviderLogin.Accepted(provider)
                    : new ProviderLogin.Rejected(provider);
        } finally {
            java.util.Arrays.fill(given, '\0');
        }
    }

    @Override
    public synchronized Optional<Source.Provider> claimant(Username username) {
        InvalidInputException.requireNonNull(username, "username");
        if (unreachable) {
            throw new UnavailableException(Reason.PROVIDER_UNREACHABLE, "directory unreachable (test)", null);
        }
        return claims.entrySet().stream()
                .filter(e -> e.getValue().contains(username))
                .map(Map.Entry::getKey)
                .findFirst();
    }
}
