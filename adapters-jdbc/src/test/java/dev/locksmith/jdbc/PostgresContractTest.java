package dev.locksmith.jdbc;

import dev.locksmith.core.port.AuditTrail;
import dev.locksmith.core.port.PasswordHistory;
import dev.locksmith.core.port.PolicyStore;
import dev.locksmith.core.port.ResetTokens;
import dev.locksmith.core.port.UserAccounts;
import dev.locksmith.core.testing.contract.AuditTrailContract;
import dev.locksmith.core.testing.contract.PasswordHistoryContract;
import dev.locksmith.core.testing.contract.PolicyStoreContract;
import dev.locksmith.core.testing.contract.ResetTokensContract;
import dev.locksmith.core.testing.contract.StorePorts;
import dev.locksmith.core.testing.contract.TransactionsContract;
import dev.locksmith.core.testing.contract.UserAccountsContract;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.extension.ExtendWith;

/** Core's store contracts against the JDBC adapter on a real PostgreSQL server (a fresh schema per test). */
@ExtendWith(PostgresServer.class)
class PostgresContractTest {
    private static RunningPostgres server;

    @BeforeAll
    static void server(RunningPostgres running) {
        server = running;
    }

    private final TestStores stores = new TestStores();

    @AfterEach
    void closeStores() {
        stores.close();
    }

    private JdbiStore newStore() {
        return stores.open(stores.newPostgres(server));
    }

    @Nested
    class Users extends UserAccountsContract {
        @Override
        protected UserAccounts newUserAccounts() {
            return newStore().userAccounts();
        }
    }

    @Nested
    class History extends PasswordHistoryContract {
        @Override
        protected PasswordHistory newPasswordHistory() {
            // A history belongs to a stored user (it goes with the user): the contract's users exist.
            JdbiStore store = newStore();
            store.userAccounts().add(Fixtures.localUser("alice"));
            store.userAccounts().add(Fixtures.localUser("bob"));
            return store.passwordHistory();
        }
    }

    @Nested
    class Audit extends AuditTrailContract {
        @Override
        protected AuditTrail newAuditTrail() {
            return newStore().auditTrail();
        }
    }

    @Nested
    class Policy extends PolicyStoreContract {
        @Override
        protected PolicyStore newPolicyStore() {
            return newStore().policyStore();
        }
    }

    @Nested
    class Transactions extends TransactionsContract {
        @Override
        protected StorePorts newStorePorts() {
            return Stores.ports(newStore());
        }
    }

    @Nested
    class Reset extends ResetTokensContract {
        @Override
        protected ResetTokens newResetTokens() {
            return newStore().resetTokens();
        }
    }
}
