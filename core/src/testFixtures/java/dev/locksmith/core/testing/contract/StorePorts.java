package dev.locksmith.core.testing.contract;

import dev.locksmith.core.port.AuditTrail;
import dev.locksmith.core.port.PasswordHistory;
import dev.locksmith.core.port.PolicyStore;
import dev.locksmith.core.port.Transactions;
import dev.locksmith.core.port.UserAccounts;
import java.util.Objects;

/**
 * The store ports of one backing store, sharing its {@link Transactions}: what {@link TransactionsContract}
 * needs from an implementation under test.
 */
public record StorePorts(
        UserAccounts users, PasswordHistory history, AuditTrail audit, PolicyStore policy, Transactions transactions) {
    public StorePorts {
        Objects.requireNonNull(users, "users");
        Objects.requireNonNull(history, "history");
        Objects.requireNonNull(audit, "audit");
        Objects.requireNonNull(policy, "policy");
        Objects.requireNonNull(transactions, "transactions");
    }
}
