package dev.locksmith.ldap;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableSet;
import dev.locksmith.core.domain.Source;
import java.util.Optional;

/**
 * Everything a lookup reads, as one immutable value: the providers in order with their directory usernames.
 * Published by one volatile write, so a lookup sees one whole generation, never parts of two. Thread-safe.
 */
final class Snapshot {

    /** One provider and the canonical usernames its directory copy holds (files and builder together). */
    record Claimant(LdifProvider provider, ImmutableSet<String> usernames) {
        boolean claims(String username) {
            return usernames.contains(username) || provider.claimsByRule(username);
        }
    }

    private final long generation;
    private final ImmutableList<Claimant> claimants;

    Snapshot(long generation, ImmutableList<Claimant> claimants) {
        this.generation = generation;
        this.claimants = claimants;
    }

    /** The first provider that claims the canonical username. */
    Optional<Source.Provider> claimant(String username) {
        for (Claimant claimant : claimants) {
            if (claimant.claims(username)) {
                return claimant.provider().answer();
            }
        }
        return Optional.empty();
    }

    /** 1 for the data loaded by {@code build()}, then one more per reload that swapped data in. */
    long generation() {
        return generation;
    }

    ImmutableList<Claimant> claimants() {
        return claimants;
    }
}
