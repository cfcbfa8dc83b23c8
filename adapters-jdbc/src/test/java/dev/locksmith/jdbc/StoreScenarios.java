package dev.locksmith.jdbc;

import dev.locksmith.core.port.AuditTrail;
import dev.locksmith.core.port.PasswordHistory;
import dev.locksmith.core.port.PolicyStore;
import dev.locksmith.core.port.ResetTokens;
import dev.locksmith.core.port.Store;
import dev.locksmith.core.port.UserAccounts;
import dev.locksmith.core.testing.contract.AuditTrailContract;
import dev.locksmith.core.testing.contract.PasswordHistoryContract;
import dev.locksmith.core.testing.contract.PolicyStoreContract;
import dev.locksmith.core.testing.contract.ResetTokensContract;
import dev.locksmith.core.testing.contract.TransactionsContract;
import dev.locksmith.core.testing.contract.UserAccountsContract;
import org.junit.jupiter.api.Nested;

/**
 * Every scenario of the store, and core's store contracts, written once: {@link H2ScenariosTest} and {@link
 * PostgresScenariosTest} run them all, each on its {@link TestDatabase} (a fresh H2 database or PostgreSQL schema
 * per location; two pools share one where a scenario opens two stores).
 */
abstract class StoreScenarios {

    @Nested
    class BadInput extends BadInputScenarios {}

    @Nested
    class BoundedWait extends BoundedWaitScenarios {}

    @Nested
    class CommitOutcome extends CommitOutcomeScenarios {}

    @Nested
    class Concurrency extends ConcurrencyScenarios {}

    @Nested
    class ErrorTranslation extends ErrorTranslationScenarios {}

    @Nested
    class LastAdministrator extends LastAdministratorScenarios {}

    @Nested
    class LoginBookkeeping extends LoginBookkeepingScenarios {}

    @Nested
    class PoolOfOne extends PoolOfOneScenarios {}

    @Nested
    class PrefixSearch extends PrefixSearchScenarios {}

    @Nested
    class SchemaUpgrade extends SchemaUpgradeScenarios {}

    @Nested
    class SlowWork extends SlowWorkScenarios {}

    /** Core's store contracts against the adapter, a fresh store per test. */
    @Nested
    class Contract extends DatabaseScenarios {
        private JdbiStore freshStore() {
            return stores.open(newLocation());
        }

        @Nested
        class Users extends UserAccountsContract {
            @Override
            protected UserAccounts newUserAccounts() {
                return freshStore().userAccounts();
            }
        }

        @Nested
        class History extends PasswordHistoryContract {
            @Override
            protected PasswordHistory newPasswordHistory() {
                // A history belongs to a stored user (it goes with the user): the contract's users exist.
                JdbiStore store = freshStore();
                store.userAccounts().add(Fixtures.localUser("alice"));
                store.userAccounts().add(Fixtures.localUser("bob"));
                return store.passwordHistory();
            }
        }

        @Nested
        class Audit extends AuditTrailContract {
            @Override
            protected AuditTrail newAuditTrail() {
                return freshStore().auditTrail();
            }
        }

        @Nested
        class Policy extends PolicyStoreContract {
            @Override
            protected PolicyStore newPolicyStore() {
                return freshStore().policyStore();
            }
        }

        @Nested
        class Transactions extends TransactionsContract {
            @Override
            protected Store newStore() {
                return freshStore();
            }
        }

        @Nested
        class Reset extends ResetTokensContract {
            @Override
            protected ResetTokens newResetTokens() {
                return freshStore().resetTokens();
            }
        }
    }
}
