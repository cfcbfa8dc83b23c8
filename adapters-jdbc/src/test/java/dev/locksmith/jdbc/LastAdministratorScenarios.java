package dev.locksmith.jdbc;

import dev.locksmith.core.Locksmith;
import dev.locksmith.core.domain.AccessDeniedException;
import dev.locksmith.core.domain.Page;
import dev.locksmith.core.domain.Reason;
import dev.locksmith.core.domain.User;
import dev.locksmith.core.domain.UserSearch;
import dev.locksmith.core.domain.Username;
import dev.locksmith.core.port.UserAccounts;
import dev.locksmith.core.testing.FakePasswordHasher;
import dev.locksmith.core.testing.InMemoryBlocklist;
import dev.locksmith.core.usecase.EditUser;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.BrokenBarrierException;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import static dev.locksmith.core.testing.TestUsers.aUser;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Two administrators disabling each other at the same moment, through core's use case on the real database:
 * exactly one succeeds and one enabled administrator always remains. The store's updates are held at a barrier
 * so both transactions have checked the administrator count before either writes: without the store's
 * protection of that count, both checks would pass and both would be disabled (write skew).
 */
abstract class LastAdministratorScenarios {
    final TestStores stores = new TestStores();

    abstract TestStores.Location newLocation();

    @AfterEach
    void closeStores() {
        stores.close();
    }

    @Test
    void two_administrators_disabling_each_other_at_once_leave_one_enabled() throws Exception {
        JdbiStore store = stores.open(newLocation(), 4);
        store.userAccounts().add(aUser().named("ann").administrator().build());
        store.userAccounts().add(aUser().named("bob").administrator().build());
        CyclicBarrier bothChecked = new CyclicBarrier(2);
        Locksmith locksmith = Locksmith.builder()
                .userAccounts(new UpdatesMeetAtBarrier(store.userAccounts(), bothChecked))
                .passwordHistory(store.passwordHistory())
                .auditTrail(store.auditTrail())
                .policyStore(store.policyStore())
                .transactions(store.transactions())
                .passwordHasher(new FakePasswordHasher())
                .blocklist(InMemoryBlocklist.common())
                .build();

        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            Future<Throwable> annDisablesBob = pool.submit(() -> disable(locksmith, "ann", "bob"));
            Future<Throwable> bobDisablesAnn = pool.submit(() -> disable(locksmith, "bob", "ann"));
            List<Throwable> outcomes = java.util.Arrays.asList(annDisablesBob.get(60, TimeUnit.SECONDS),
                    bobDisablesAnn.get(60, TimeUnit.SECONDS));

            assertThat(outcomes).filteredOn(outcome -> outcome == null).hasSize(1);
            assertThat(outcomes).filteredOn(outcome -> outcome != null).singleElement()
                    .isInstanceOfSatisfying(AccessDeniedException.class,
                            denied -> assertThat(denied.reason()).isIn(Reason.DENIED_LAST_ADMINISTRATOR,
                                    Reason.DENIED_ACTOR_DISABLED));
        } finally {
            pool.shutdownNow();
        }
        User ann = store.userAccounts().find(Username.of("ann")).orElseThrow();
        User bob = store.userAccounts().find(Username.of("bob")).orElseThrow();
        assertThat(List.of(ann.enabled(), bob.enabled())).containsExactlyInAnyOrder(true, false);
        assertThat(store.userAccounts().countEnabledAdministrators()).isEqualTo(1);
    }

    private static Throwable disable(Locksmith locksmith, String actor, String target) {
        try {
            locksmith.editUser().execute(new EditUser.Command(Username.of(actor), Username.of(target),
                    Optional.empty(), Optional.of(false), Optional.empty()));
            return null;
        } catch (RuntimeException refused) {
            return refused;
        }
    }

    /** Delegates to the store, but holds each update until the other transaction reaches its update too (or 3 s pass). */
    private static final class UpdatesMeetAtBarrier implements UserAccounts {
        private final UserAccounts store;
        private final CyclicBarrier barrier;

        UpdatesMeetAtBarrier(UserAccounts store, CyclicBarrier barrier) {
            this.store = store;
            this.barrier = barrier;
        }

        @Override
        public User update(User user) {
            try {
                barrier.await(3, TimeUnit.SECONDS);
            } catch (TimeoutException | BrokenBarrierException alone) {
                // The other transaction is waiting for this one (the protection works): go on alone.
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return store.update(user);
        }

        @Override
        public Optional<User> find(Username username) {
            return store.find(username);
        }

        @Override
        public void add(User user) {
            store.add(user);
        }

        @Override
        public void remove(Username username, long expectedVersion) {
            store.remove(username, expectedVersion);
        }

        @Override
        public FailedLogin recordFailedLogin(Username username, Instant now, int threshold, Optional<Duration> lockFor) {
            return store.recordFailedLogin(username, now, threshold, lockFor);
        }

        @Override
        public Page<User> search(UserSearch search) {
            return store.search(search);
        }

        @Override
        public long countEnabledAdministrators() {
            return store.countEnabledAdministrators();
        }
    }
}
