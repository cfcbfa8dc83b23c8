package dev.locksmith.directory;

import dev.locksmith.core.domain.InvalidInputException;
import dev.locksmith.core.domain.Password;
import dev.locksmith.core.domain.Reason;
import dev.locksmith.core.domain.Source;
import dev.locksmith.core.domain.UnavailableException;
import dev.locksmith.core.domain.Username;
import dev.locksmith.core.port.SecurityProviders;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Core's {@link SecurityProviders} port over live LDAP / Active Directory servers (UnboundID LDAP SDK), one
 * {@link LdapProviderSettings} per provider, consulted in the order given.
 *
 * <p><b>Claims.</b> A provider claims a username when a search under its base DN for its user filter (the
 * username escaped per RFC 4515) and its group filter finds an entry. Answers are cached briefly, positive and
 * negative apart (TTL and size are settings). When a provider cannot answer (down, timed out, the service
 * account refused), {@link #claimant} throws {@link UnavailableException} with
 * {@link Reason#PROVIDER_UNREACHABLE}: the stricter answer, so a directory user is never taken for a local one
 * while the directory cannot be asked. Providers after an unreachable one are not consulted: which directory
 * owns the name is unknown until it answers.
 *
 * <p><b>Logins.</b> {@link #authenticate} finds the user's entry with the service account (user filter, group
 * filter, and not the disabled filter), then binds as that DN with the given password on a connection of a
 * separate bind pool: {@link ProviderLogin.Accepted} or {@link ProviderLogin.Rejected}; an outage is
 * {@link ProviderLogin.Unreachable}, never a wrong password. An empty password is rejected before the server is
 * contacted (RFC 4513: a DN with an empty password is an unauthenticated bind, which servers answer with
 * success).
 *
 * <p>Every connection is TLS (ldaps, or StartTLS before anything else). Connections are opened on first use,
 * so building succeeds while a directory is down. Thread-safe. {@link #close()} closes the pools.
 */
public final class LdapSecurityProviders implements SecurityProviders, AutoCloseable {

    private final List<LdapDirectory> directories;
    private final Map<String, LdapDirectory> byName;

    private LdapSecurityProviders(List<LdapDirectory> directories) {
        this.directories = List.copyOf(directories);
        Map<String, LdapDirectory> names = new LinkedHashMap<>();
        for (LdapDirectory directory : directories) {
            names.put(directory.settings().name(), directory);
        }
        this.byName = Map.copyOf(names);
    }

    /** Starts a configuration. */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * The first provider, in configured order, whose directory holds the username.
     *
     * @throws InvalidInputException when {@code username} is null
     * @throws UnavailableException  with {@link Reason#PROVIDER_UNREACHABLE} when a provider consulted could not
     *                               answer
     */
    @Override
    public Optional<Source.Provider> claimant(Username username) {
        InvalidInputException.requireNonNull(username, "username");
        for (LdapDirectory directory : directories) {
            if (directory.claims(username.value())) {
                return Optional.of(directory.settings().provider());
            }
        }
        return Optional.empty();
    }

    /**
     * Checks the password by a bind as the user's entry. {@link ProviderLogin.NotSupported} for a provider
     * not configured here. The password is not wiped (the caller owns it); the copy sent is.
     *
     * @throws InvalidInputException when an argument is null
     */
    @Override
    public ProviderLogin authenticate(Source.Provider provider, Username username, Password password) {
        InvalidInputException.requireNonNull(provider, "provider");
        InvalidInputException.requireNonNull(username, "username");
        InvalidInputException.requireNonNull(password, "password");
        LdapDirectory directory = byName.get(provider.name());
        if (directory == null) {
            return new ProviderLogin.NotSupported(provider);
        }
        return directory.authenticate(username.value(), password);
    }

    /**
     * Connects to the named provider, binds as its service account and, when given, looks the username up
     * (bypassing the cache): what {@code locksmith provider test} prints.
     *
     * @throws InvalidInputException when no provider has that name
     * @throws UnavailableException  with {@link Reason#PROVIDER_UNREACHABLE} saying what failed
     */
    public ProbeReport probe(String provider, Optional<Username> username) {
        LdapDirectory directory = byName.get(InvalidInputException.requireNonNull(provider, "provider"));
        if (directory == null) {
            throw new InvalidInputException("provider", "no live directory provider is named " + provider);
        }
        return directory.probe(username.map(Username::value));
    }

    /** The providers' settings, in the order they are consulted. */
    public List<LdapProviderSettings> providers() {
        return directories.stream().map(LdapDirectory::settings).toList();
    }

    /** Forgets every cached claim answer (after a directory change the host knows of). */
    public void invalidateCaches() {
        directories.forEach(LdapDirectory::invalidateCaches);
    }

    /** Closes every connection. Idempotent. */
    @Override
    public void close() {
        directories.forEach(LdapDirectory::close);
    }

    @Override
    public String toString() {
        return "LdapSecurityProviders"
                + directories.stream().map(d -> d.settings().name()).toList();
    }

    /** Collects the providers, in the order they are consulted. Not thread-safe. */
    public static final class Builder {
        private final List<LdapProviderSettings> providers = new ArrayList<>();

        private Builder() {}

        /** Adds a provider after those already added: earlier providers win. */
        public Builder provider(LdapProviderSettings settings) {
            providers.add(InvalidInputException.requireNonNull(settings, "provider"));
            return this;
        }

        /**
         * Reads each provider's bind password and trust store and creates its pools (no connection yet).
         *
         * @throws InvalidInputException when no provider is given, two share a name (case-insensitively), or a
         *                               bind password or trust store cannot be read
         */
        public LdapSecurityProviders build() {
            if (providers.isEmpty()) {
                throw new InvalidInputException("providers", "at least one security provider is required");
            }
            List<String> names = new ArrayList<>();
            for (LdapProviderSettings settings : providers) {
                String name = settings.name().toLowerCase(Locale.ROOT);
                if (names.contains(name)) {
                    throw new InvalidInputException("providers", "two providers are named " + settings.name());
                }
                names.add(name);
            }
            List<LdapDirectory> directories = new ArrayList<>();
            try {
                for (LdapProviderSettings settings : providers) {
                    directories.add(LdapDirectory.open(settings));
                }
            } catch (RuntimeException e) {
                directories.forEach(LdapDirectory::close);
                throw e;
            }
            return new LdapSecurityProviders(directories);
        }
    }
}
