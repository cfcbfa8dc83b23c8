package dev.locksmith.jdbc;

import static dev.locksmith.core.testing.TestUsers.aUser;
import static org.assertj.core.api.Assertions.assertThat;

import dev.locksmith.core.Locksmith;
import dev.locksmith.core.domain.AccessDeniedException;
import dev.locksmith.core.domain.Password;
import dev.locksmith.core.domain.Profile;
import dev.locksmith.core.domain.Reason;
import dev.locksmith.core.domain.User;
import dev.locksmith.core.domain.Username;
import dev.locksmith.core.port.UserAccounts;
import dev.locksmith.core.testing.FakePasswordHasher;
import dev.locksmith.core.testing.ForwardingUserAccounts;
import dev.locksmith.core.usecase.BootstrapAdministrator;
import dev.locksmith.core.usecase.EditUser;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.BrokenBarrierException;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.junit.jupiter.api.Test;

/**
 * Administrators acting on each other at the same moment, through core's use cases on the real database.
 * Two administrators disabling each other: exactly one succeeds and one enabled administrator always remains. The store's updates are held at a barrier
 * so both transactions have checked the administrator count before either writes: without the store's
 * protection of that count, both checks would pass and both would be disabled (write skew). An administrator
 * disabled by a concurrent transaction while its own request waits for that count is refused, not allowed on
 * the stale view of itself read before the wait. Two bootstraps of a first administrator at once create one.
 */
abstract class LastAdministratorScenarios extends DatabaseScenarios {

    @Test
    void two_administrators_disabling_each_other_at_once_leave_one_enabled() throws Exception {
        JdbiStore store = stores.open(newLocation(), 4);
        store.userAccounts().add(aUser().named("ann").administrator().build());
        store.userAccounts().add(aUser().named("bob").administrator().build());
        CyclicBarrier bothChecked = new CyclicBarrier(2);
        Locksmith locksmith = locksmith(store, new UpdatesMeetAtBarrier(store.userAccounts(), bothChecked));

        exactlyOneOfTwoIsDenied(
                () -> disable(locksmith, "ann", "bob"),
                () -> disable(locksmith, "bob", "ann"),
                Reason.DENIED_LAST_ADMINISTRATOR,
                Reason.DENIED_ACTOR_DISABLED);
        User ann = store.userAccounts().find(Username.of("ann")).orElseThrow();
        User bob = store.userAccounts().find(Username.of("bob")).orElseThrow();
        assertThat(List.of(ann.enabled(), bob.enabled())).containsExactlyInAnyOrder(true, false);
        assertThat(store.userAccounts().countEnabledAdministrators()).isEqualTo(1);
    }

    @Test
    void an_administrator_disabled_while_its_own_request_waits_is_refused() throws Exception {
        JdbiStore store = stores.open(newLocation(), 4);
        for (String name : List.of("ann", "bob", "cat")) {
            store.userAccounts().add(aUser().named(name).administrator().build());
        }
        CountDownLatch annUpdated = new CountDownLatch(1);
        CountDownLatch bobCounting = new CountDownLatch(1);
        // Ann's transaction, once it has disabled Bob (not yet committed), waits until Bob's request is counting
        // administrators, and a little longer so that the count is waiting for Ann's commit.
        UserAccounts hooked = new ForwardingUserAccounts(store.userAccounts()) {
            @Override
            public User update(User user) {
                User updated = super.update(user);
                if (user.username().equals(Username.of("bob"))) {
                    annUpdated.countDown();
                    await(bobCounting);
                    sleep(500);
                }
                return updated;
            }

            @Override
            public long countEnabledAdministrators() {
                if (annUpdated.getCount() == 0) {
                    bobCounting.countDown();
                }
                return super.countEnabledAdministrators();
            }
        };
        Locksmith locksmith = locksmith(store, hooked);

        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            Future<Throwable> annDisablesBob = pool.submit(
                    () -> edit(locksmith, EditUser.Command.enabled(Username.of("ann"), Username.of("bob"), false)));
            Future<Throwable> bobDemotesAnn = pool.submit(() -> {
                await(annUpdated);
                return edit(locksmith, EditUser.Command.permissions(Username.of("bob"), Username.of("ann"), Set.of()));
            });

            assertThat(annDisablesBob.get(60, TimeUnit.SECONDS)).isNull();
            assertThat(bobDemotesAnn.get(60, TimeUnit.SECONDS))
                    .isInstanceOfSatisfying(
                            AccessDeniedException.class,
                            denied -> assertThat(denied.reason()).isEqualTo(Reason.DENIED_ACTOR_DISABLED));
        } finally {
            pool.shutdownNow();
        }
        assertThat(store.userAccounts().find(Username.of("bob")).orElseThrow().enabled())
                .isFalse();
        assertThat(store.userAccounts().find(Username.of("ann")).orElseThrow().isAdministrator())
                .as("a disabled administrator's request must not commit")
                .isTrue();
    }

    @Test
    void two_first_administrator_bootstraps_at_once_create_exactly_one() throws Exception {
        JdbiStore store = stores.open(newLocation(), 4);
        CyclicBarrier bothCounted = new CyclicBarrier(2);
        // Each bootstrap's insert waits for the other's (3 s at most): without turns taken at the count, both
        // would have counted zero administrators by then, and both would commit.
        UserAccounts insertsMeet = new ForwardingUserAccounts(store.userAccounts()) {
            @Override
            public void add(User user) {
                meet(bothCounted);
                super.add(user);
            }
        };
        Locksmith locksmith = locksmith(store, insertsMeet);

        exactlyOneOfTwoIsDenied(
                () -> bootstrap(locksmith, "ann"), () -> bootstrap(locksmith, "bob"), Reason.DENIED_NOT_PERMITTED);
        assertThat(store.userAccounts().countEnabledAdministrators()).isEqualTo(1);
    }

    /** Runs both at once (a minute at most): exactly one goes through, the other is denied for one of the reasons. */
    private static void exactlyOneOfTwoIsDenied(Callable<Throwable> one, Callable<Throwable> other, Reason... reasons)
            throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            Future<Throwable> first = pool.submit(one);
            Future<Throwable> second = pool.submit(other);
            List<Throwable> outcomes =
                    java.util.Arrays.asList(first.get(60, TimeUnit.SECONDS), second.get(60, TimeUnit.SECONDS));

            assertThat(outcomes).filteredOn(outcome -> outcome == null).hasSize(1);
            assertThat(outcomes)
                    .filteredOn(outcome -> outcome != null)
                    .singleElement()
                    .isInstanceOfSatisfying(
                            AccessDeniedException.class,
                            denied -> assertThat(denied.reason()).isIn((Object[]) reasons));
        } finally {
            pool.shutdownNow();
        }
    }

    private static Throwable bootstrap(Locksmith locksmith, String name) {
        try {
            locksmith
                    .bootstrapAdministrator()
                    .execute(new BootstrapAdministrator.Command(
                            Username.of(name), Profile.named(name), Password.of("a long enough first passphrase")));
            return null;
        } catch (RuntimeException refused) {
            return refused;
        }
    }

    private static void meet(CyclicBarrier barrier) {
        try {
            barrier.await(3, TimeUnit.SECONDS);
        } catch (TimeoutException | BrokenBarrierException alone) {
            // The other transaction is waiting for this one (the protection works): go on alone.
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static Locksmith locksmith(JdbiStore store, UserAccounts users) {
        return Stores.locksmith(store, new FakePasswordHasher())
                .userAccounts(users)
                .build();
    }

    private static Throwable edit(Locksmith locksmith, EditUser.Command command) {
        try {
            locksmith.editUser().execute(command);
            return null;
        } catch (RuntimeException refused) {
            return refused;
        }
    }

    private static void await(CountDownLatch latch) {
        try {
            if (!latch.await(20, TimeUnit.SECONDS)) {
                throw new IllegalStateException("the other transaction never arrived");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static Throwable disable(Locksmith locksmith, String actor, String target) {
        try {
            locksmith
                    .editUser()
                    .execute(new EditUser.Command(
                            Username.of(actor),
                            Username.of(target),
                            Optional.empty(),
                            Optional.of(false),
                            Optional.empty()));
            return null;
        } catch (RuntimeException refused) {
            return refused;
        }
    }

    /** Holds each update until the other transaction reaches its update too (or 3 s pass). */
    private static final class UpdatesMeetAtBarrier extends ForwardingUserAccounts {
        private final CyclicBarrier barrier;

        UpdatesMeetAtBarrier(UserAccounts store, CyclicBarrier barrier) {
            super(store);
            this.barrier = barrier;
        }

        @Override
        public User update(User user) {
            meet(barrier);
            return super.update(user);
        }
    }
}
