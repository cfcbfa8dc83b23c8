package dev.locksmith.directory;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What {@link LdapSecurityProviders#probe} found: the server that answered, the service account it bound as,
 * and, when a username was asked, the DNs of the matching entries and whether the one entry is disabled. Never
 * carries a password. Immutable.
 *
 * @param provider the provider's name
 * @param server   {@code host:port} of the server that accepted the connection
 * @param boundAs  the service account's DN
 * @param username the username looked up (canonical), if any
 * @param entries  the DNs of the entries the user filter (and group filter) matched, at most 10
 * @param disabled whether the only matching entry also matches the disabled filter
 */
public record ProbeReport(
        String provider,
        String server,
        String boundAs,
        Optional<String> username,
        List<String> entries,
        boolean disabled) {
    public ProbeReport {
        Objects.requireNonNull(provider, "provider");
        Objects.requireNonNull(server, "server");
        Objects.requireNonNull(boundAs, "boundAs");
        Objects.requireNonNull(username, "username");
        entries = List.copyOf(entries);
    }
}
