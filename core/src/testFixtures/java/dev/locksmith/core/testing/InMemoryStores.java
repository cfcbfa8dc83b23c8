package dev.locksmith.core.testing;

import dev.locksmith.core.testing.contract.StorePorts;

/**
 * The in-memory stores of one fresh {@link InMemoryDatabase}, wired together: {@code InMemoryStores.create()}.
 * The one place that knows which fakes share the database; thread-safe as far as they are.
 */
public record InMemoryStores(
        InMemoryDatabase database,
        InMemoryUserAccounts users,
        InMemoryPasswordHistory history,
        InMemoryAuditTrail audit,
        InMemoryPolicyStore policies,
        InMemoryTransactions transactions,
        InMemoryResetTokens resetTokens) {
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

    /** The store ports {@link dev.locksmith.core.testing.contract.TransactionsContract} runs against. */
    public StorePorts ports() {
        return new StorePorts(users, history, audit, policies, transactions);
    }
}
