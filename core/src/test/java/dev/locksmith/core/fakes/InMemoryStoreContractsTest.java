package dev.locksmith.core.fakes;

import dev.locksmith.core.port.AuditTrail;
import dev.locksmith.core.port.PasswordHistory;
import dev.locksmith.core.port.PolicyStore;
import dev.locksmith.core.port.Store;
import dev.locksmith.core.port.UserAccounts;
import dev.locksmith.core.testing.InMemoryAuditTrail;
import dev.locksmith.core.testing.InMemoryDatabase;
import dev.locksmith.core.testing.InMemoryPasswordHistory;
import dev.locksmith.core.testing.InMemoryPolicyStore;
import dev.locksmith.core.testing.InMemoryStores;
import dev.locksmith.core.testing.InMemoryUserAccounts;
import dev.locksmith.core.testing.contract.AuditTrailContract;
import dev.locksmith.core.testing.contract.PasswordHistoryContract;
import dev.locksmith.core.testing.contract.PolicyStoreContract;
import dev.locksmith.core.testing.contract.TransactionsContract;
import dev.locksmith.core.testing.contract.UserAccountsContract;
import org.junit.jupiter.api.Nested;

/** The store ports' contracts, run against core's in-memory fakes (the same contracts the JDBC adapter runs). */
class InMemoryStoreContractsTest {

    @Nested
    class Users extends UserAccountsContract {
        @Override
        protected UserAccounts newUserAccounts() {
            return new InMemoryUserAccounts(new InMemoryDatabase());
        }
    }

    @Nested
    class History extends PasswordHistoryContract {
        @Override
        protected PasswordHistory newPasswordHistory() {
            return new InMemoryPasswordHistory(new InMemoryDatabase());
        }
    }

    @Nested
    class Audit extends AuditTrailContract {
        @Override
        protected AuditTrail newAuditTrail() {
            return new InMemoryAuditTrail(new InMemoryDatabase());
        }
    }

    @Nested
    class Policy extends PolicyStoreContract {
        @Override
        protected PolicyStore newPolicyStore() {
            return new InMemoryPolicyStore(new InMemoryDatabase());
        }
    }

    @Nested
    class Transactions extends TransactionsContract {
        @Override
        protected Store newStore() {
            return InMemoryStores.create();
        }
    }
}
