package dev.locksmith.core.testing;

import dev.locksmith.core.domain.InvalidInputException;
import dev.locksmith.core.domain.Source;
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
    public synchronized Optional<Source.Provider> claimant(Username username) {
        InvalidInputException.requireNonNull(username, "username");
        return claims.entrySet().stream()
                .filter(e -> e.getValue().contains(username))
                .map(Map.Entry::getKey)
                .findFirst();
    }
}
