package dev.locksmith.core.testing;

import dev.locksmith.core.port.Store;

/**
 * The in-memory stores of one fresh {@link InMemoryDatabase}, wired together: {@code InMemoryStores.create()}.
 * The one place that knows which fakes share the database; thread-safe as far as they are. A {@link Store}, so
 * {@code Locksmith.builder().store(stores)} takes them in one call.
 */
public record InMemoryStores(
        InMemoryDatabase database,
        InMemoryUserAccounts userAccounts,
        InMemoryPasswordHistory passwordHistory,
        InMemoryAuditTrail auditTrail,
        InMemoryPolicyStore policyStore,
        InMemoryTransactions transactions,
        InMemoryResetTokens resetTokens)
        implements Store {
    /** Every in-memory store on one new, empty database. */
    public static InMemoryStores create() {
        InMemoryDatabase database = new InMemoryDatabase();
        return new InMemoryStores(
                database,
                new InMemoryUserAccounts(database),
                new InMemoryPasswordHistory(database),
                new InMemoryAuditTrail(database),
                new InMemoryPolicyStore(database),
                new InMemoryTransactions(database),
                new InMemoryResetTokens(database));
    }
}
