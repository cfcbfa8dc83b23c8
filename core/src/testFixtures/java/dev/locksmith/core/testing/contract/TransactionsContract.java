package dev.locksmith.core.testing.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.locksmith.core.domain.AuditEvent;
import dev.locksmith.core.domain.AuditEvent.Outcome;
import dev.locksmith.core.domain.AuditRecord;
import dev.locksmith.core.domain.Operation;
import dev.locksmith.core.domain.PasswordHash;
import dev.locksmith.core.domain.PasswordPolicy;
import dev.locksmith.core.domain.Profile;
import dev.locksmith.core.domain.User;
import dev.locksmith.core.domain.Username;
import dev.locksmith.core.port.AuditTrail.Query;
import dev.locksmith.core.port.Store;
import dev.locksmith.core.port.Transactions;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * What every {@link Transactions} promises over the store ports it spans: commit when the work returns, roll
 * back every change of users, history, audit trail and policy when it throws (rethrowing the same
 * exception), and nested calls join. Subclasses return a fresh, empty {@link Store} from {@link #newStore()}.
 */
public abstract class TransactionsContract extends StoreContract<Store> {

    /** A fresh, empty store (its ports sharing one backing store); called once per test. */
    protected abstract Store newStore();

    @Override
    final Store freshStore() {
        return newStore();
    }

    /** The exception the work throws, to check the very same one comes out. */
    private static final class WorkFailed extends RuntimeException {
        private static final long serialVersionUID = 1L;

        WorkFailed() {
            super("work failed on purpose");
        }
    }

    private static User user(Username name) {
        return User.newLocal(
                name,
                Profile.named("User " + name.value()),
                Set.of(),
                new PasswordHash("$argon2id$v=19$m=19456,t=2,p=1$c2FsdA$" + name.value()),
                NOW,
                false,
                Optional.empty());
    }

    private static PasswordHash hash(String tag) {
        return new PasswordHash("$argon2id$v=19$m=19456,t=2,p=1$c2FsdA$" + tag);
    }

    private static AuditEvent event(String code) {
        return new AuditEvent(
                NOW, Optional.of(ALICE), Operation.SET_PASSWORD, Optional.of(BOB), Outcome.SUCCESS, code, Map.of());
    }

    /** Changes every store a use case can touch. */
    private void changeEverything(String tag) {
        store.userAccounts().add(user(BOB));
        User alice = store.userAccounts().find(ALICE).orElseThrow();
        store.userAccounts().update(alice.passwordSetByOther(hash(tag), NOW, true, Optional.empty()));
        store.userAccounts()
                .recordFailedLogin(
                        store.userAccounts().find(BOB).orElseThrow().id(),
                        NOW,
                        dev.locksmith.core.domain.LoginState.Rule.countOnly());
        store.passwordHistory().push(ALICE, alice.passwordHash().orElseThrow(), NOW);
        store.auditTrail().record(event(tag));
        store.policyStore().save(PasswordPolicy.classicComplex());
    }

    @Test
    void in_progress_only_inside_a_transaction_and_only_on_its_own_thread() throws Exception {
        assertThat(store.transactions().inProgress()).isFalse();
        boolean[] seen = new boolean[2];
        store.transactions().run(() -> {
            seen[0] = store.transactions().inProgress();
            Thread other = new Thread(() -> seen[1] = store.transactions().inProgress());
            other.start();
            try {
                other.join();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        assertThat(seen[0]).as("inside, on the transaction's thread").isTrue();
        assertThat(seen[1]).as("inside, seen from another thread").isFalse();
        assertThat(store.transactions().inProgress()).isFalse();
        assertThatThrownBy(() -> store.transactions().run(() -> {
                    throw new WorkFailed();
                }))
                .isInstanceOf(WorkFailed.class);
        assertThat(store.transactions().inProgress()).as("after a rollback").isFalse();
    }

    @Test
    void commits_every_change_when_the_work_returns_and_passes_its_result_through() {
        store.userAccounts().add(user(ALICE));

        String result = store.transactions().inTransaction(() -> {
            changeEverything("committed");
            return "done";
        });

        assertThat(result).isEqualTo("done");
        assertThat(store.userAccounts().find(ALICE).orElseThrow().passwordHash())
                .contains(hash("committed"));
        assertThat(store.userAccounts().find(BOB).orElseThrow().failedLogins()).isEqualTo(1);
        assertThat(store.passwordHistory().recent(ALICE, 5)).hasSize(1);
        assertThat(store.auditTrail().read(Query.latest(5)))
                .extracting(r -> r.event().code())
                .containsExactly("committed");
        assertThat(store.policyStore().load()).contains(PasswordPolicy.classicComplex());
    }

    @Test
    void rolls_back_users_history_audit_and_policy_and_rethrows_the_same_exception() {
        store.userAccounts().add(user(ALICE));
        store.policyStore().save(PasswordPolicy.nistDefault());
        User aliceBefore = store.userAccounts().find(ALICE).orElseThrow();
        WorkFailed failure = new WorkFailed();

        assertThatThrownBy(() -> store.transactions().inTransaction(() -> {
                    changeEverything("rolled-back");
                    throw failure;
                }))
                .isSameAs(failure);

        assertThat(store.userAccounts().find(ALICE)).contains(aliceBefore);
        assertThat(store.userAccounts().find(BOB)).isEmpty();
        assertThat(store.passwordHistory().recent(ALICE, 5)).isEmpty();
        assertThat(store.auditTrail().read(Query.latest(5))).isEmpty();
        assertThat(store.policyStore().load()).contains(PasswordPolicy.nistDefault());
    }

    @Test
    void run_commits_when_the_work_returns_and_rolls_back_when_it_throws() {
        store.transactions().run(() -> store.userAccounts().add(user(ALICE)));
        WorkFailed failure = new WorkFailed();
        assertThatThrownBy(() -> store.transactions().run(() -> {
                    store.userAccounts().add(user(BOB));
                    throw failure;
                }))
                .isSameAs(failure);

        assertThat(store.userAccounts().find(ALICE)).isPresent();
        assertThat(store.userAccounts().find(BOB)).isEmpty();
    }

    @Test
    void a_nested_call_joins_and_rolls_back_with_the_outer_work() {
        WorkFailed failure = new WorkFailed();
        assertThatThrownBy(() -> store.transactions().run(() -> {
                    store.userAccounts().add(user(ALICE));
                    store.transactions().run(() -> {
                        store.userAccounts().add(user(BOB));
                        store.auditTrail().record(event("inner"));
                    });
                    throw failure;
                }))
                .isSameAs(failure);

        assertThat(store.userAccounts().find(ALICE)).isEmpty();
        assertThat(store.userAccounts().find(BOB)).isEmpty();
        assertThat(store.auditTrail().read(Query.latest(5))).isEmpty();
    }

    @Test
    void a_nested_call_commits_with_the_outer_work() {
        int result = store.transactions().inTransaction(() -> {
            store.userAccounts().add(user(ALICE));
            return store.transactions().inTransaction(() -> {
                store.userAccounts().add(user(BOB));
                return 42;
            });
        });

        assertThat(result).isEqualTo(42);
        assertThat(store.userAccounts().find(ALICE)).isPresent();
        assertThat(store.userAccounts().find(BOB)).isPresent();
    }

    @Test
    void work_sees_its_own_uncommitted_changes() {
        store.transactions().run(() -> {
            store.userAccounts().add(user(ALICE));
            store.auditTrail().record(event("seen"));
            assertThat(store.userAccounts().find(ALICE)).isPresent();
            assertThat(store.auditTrail().read(Query.latest(5)))
                    .extracting(r -> r.event().code())
                    .containsExactly("seen");
        });
    }

    @Test
    void a_failed_transaction_leaves_the_store_usable() {
        assertThatThrownBy(() -> store.transactions().run(() -> {
                    store.userAccounts().add(user(ALICE));
                    throw new WorkFailed();
                }))
                .isInstanceOf(WorkFailed.class);

        store.transactions().run(() -> {
            store.userAccounts().add(user(ALICE));
            store.auditTrail().record(event("after"));
        });
        assertThat(store.userAccounts().find(ALICE)).isPresent();
        List<AuditRecord> trail = store.auditTrail().read(Query.latest(5));
        assertThat(trail).extracting(r -> r.event().code()).containsExactly("after");
    }
}
