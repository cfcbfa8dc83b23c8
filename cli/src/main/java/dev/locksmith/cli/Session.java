package dev.locksmith.cli;

import dev.locksmith.core.Locksmith;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * A wired {@link Locksmith} and the resources behind it (connection pool, provider data), closed together
 * in reverse order of opening. One per command execution; not thread-safe.
 */
final class Session implements AutoCloseable {
    private static final System.Logger LOG = System.getLogger(Session.class.getName());

    private final Locksmith locksmith;
    private final boolean mailConfigured;
    private final List<AutoCloseable> resources;
    private final java.util.function.BooleanSupplier administratorExists;
    private final java.util.Set<String> providerNames;

    Session(
            Locksmith locksmith,
            boolean mailConfigured,
            List<AutoCloseable> resources,
            java.util.function.BooleanSupplier administratorExists,
            java.util.Set<String> providerNames) {
        this.providerNames = java.util.Set.copyOf(providerNames);
        this.locksmith = Objects.requireNonNull(locksmith, "locksmith");
        this.mailConfigured = mailConfigured;
        this.resources = new ArrayList<>(resources);
        this.administratorExists = Objects.requireNonNull(administratorExists, "administratorExists");
    }

    /** The names of the configured security providers (empty when none is). */
    java.util.Set<String> providerNames() {
        return providerNames;
    }

    /**
     * Refuses a provider name that no configured provider has, when any is configured: a typo would register
     * a user nobody can log in as. Without configured providers the name is taken as given.
     *
     * @throws InvalidInputException naming {@code option} and the configured providers
     */
    void requireKnownProvider(String name, String option) {
        if (!providerNames.isEmpty() && !providerNames.contains(name)) {
            throw new dev.locksmith.core.domain.InvalidInputException(
                    option,
                    "no provider '" + name + "' is configured; configured: "
                            + String.join(", ", new java.util.TreeSet<>(providerNames)));
        }
    }

    /** Whether the store has an enabled administrator (read in a transaction of its own). */
    boolean administratorExists() {
        return administratorExists.getAsBoolean();
    }

    Locksmith locksmith() {
        return locksmith;
    }

    boolean mailConfigured() {
        return mailConfigured;
    }

    @Override
    public void close() {
        closeAll(resources);
        resources.clear();
    }

    /** Closes in reverse order; a failure to close is logged, not thrown (the command's result stands). */
    static void closeAll(List<AutoCloseable> resources) {
        for (int i = resources.size() - 1; i >= 0; i--) {
            try {
                resources.get(i).close();
            } catch (Exception e) {
                LOG.log(
                        System.Logger.Level.WARNING,
                        "could not close {0}: {1}",
                        resources.get(i),
                        e.getClass().getName());
            }
        }
    }
}
