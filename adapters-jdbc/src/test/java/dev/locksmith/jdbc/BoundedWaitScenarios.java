package dev.locksmith.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.locksmith.core.domain.ConflictException;
import dev.locksmith.core.domain.LoginState;
import dev.locksmith.core.domain.Reason;
import dev.locksmith.core.domain.UnavailableException;
import dev.locksmith.core.domain.User;
import dev.locksmith.core.domain.UserId;
import dev.locksmith.core.domain.Username;
import java.sql.Connection;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * Every wait of the store has a bound, once, and ends in a typed error: a row held by another transaction
 * (lock timeout: CONFLICT), a statement that runs too long (statement timeout: UNAVAILABLE), a pool with no
 * free connection (connection timeout: UNAVAILABLE). The test class it is nested in gives the database.
 */
abstract class BoundedWaitScenarios extends DatabaseScenarios {
    private static final Username ALICE = Username.of("alice");

    @Test
    void every_connection_of_the_stores_pool_waits_10_s_for_a_lock_and_30_s_for_a_statement_by_default() {
        JdbiStore store = stores.open(newLocation(), 3);
        // Three transactions at once, so three connections: each of them carries the settings.
        List<long[]> seen = Collections.synchronizedList(new ArrayList<>());
        CyclicBarrier together = new CyclicBarrier(3);
        List<CompletableFuture<Void>> holders = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            holders.add(CompletableFuture.runAsync(() -> store.transactions().run(() -> {
                seen.add(database().sessionTimeoutsMillis(store));
                try {
                    together.await(30, TimeUnit.SECONDS);
                } catch (Exception e) {
                    throw new IllegalStateException("the three transactions did not meet", e);
                }
            })));
        }
        CompletableFuture.allOf(holders.toArray(CompletableFuture[]::new)).join();

        assertThat(seen).hasSize(3).allSatisfy(t -> assertThat(t).containsExactly(10_000L, 30_000L));
    }

    @Test
    void a_row_held_by_another_transaction_fails_a_write_after_the_lock_timeout_as_a_conflict() throws Exception {
        TestStores.Location location = newLocation();
        JdbiStore store = stores.open(location, b -> b.lockTimeout(Duration.ofSeconds(1)));
        store.userAccounts().add(Fixtures.localUser(ALICE.value()));
        User alice = store.userAccounts().find(ALICE).orElseThrow();

        Duration waitedForUser;
        Duration waitedForLogins;
        try (Connection holder = connect(location)) {
            holder.setAutoCommit(false);
            // Another transaction changes the user and does not end (a write step sending a mail, say)...
            TestDatabase.execute(holder, "UPDATE locksmith_users SET comments = 'held' WHERE username = 'alice'");
            long started = System.nanoTime();
            assertThatThrownBy(() -> store.userAccounts()
                            .update(alice.withProfile(alice.profile().withComments("mine"))))
                    .isInstanceOfSatisfying(ConflictException.class, e -> {
                        assertThat(e.reason()).isEqualTo(Reason.CONFLICT);
                        assertThat(e.getMessage()).contains("lock timeout").contains("update a user");
                    });
            waitedForUser = Duration.ofNanos(System.nanoTime() - started);
            // ... and another one holds the login state.
            TestDatabase.execute(holder, "SELECT * FROM locksmith_login_state FOR UPDATE");
            started = System.nanoTime();
            assertThatThrownBy(() -> store.userAccounts()
                            .recordFailedLogin(alice.id(), Fixtures.NOW, LoginState.Rule.countOnly()))
                    .isInstanceOfSatisfying(ConflictException.class, e -> {
                        assertThat(e.reason()).isEqualTo(Reason.CONFLICT);
                        assertThat(e.getMessage()).contains("lock timeout").contains("record a failed login");
                    });
            waitedForLogins = Duration.ofNanos(System.nanoTime() - started);
            holder.rollback();
        }

        assertThat(waitedForUser).isBetween(Duration.ofMillis(900), Duration.ofSeconds(5));
        assertThat(waitedForLogins).isBetween(Duration.ofMillis(900), Duration.ofSeconds(5));
        assertThat(store.userAccounts().find(ALICE).orElseThrow()).isEqualTo(alice);
    }

    @Test
    void a_statement_running_past_the_statement_timeout_is_cancelled_as_unavailable_and_changes_nothing()
            throws Exception {
        TestStores.Location location = newLocation();
        JdbiStore store = stores.open(
                location, b -> b.lockTimeout(Duration.ofMillis(500)).statementTimeout(Duration.ofSeconds(1)));
        try (Connection c = connect(location)) {
            database().makeUserInsertsSlow(c);
        }

        long started = System.nanoTime();
        assertThatThrownBy(() -> store.userAccounts().add(Fixtures.localUser(ALICE.value())))
                .isInstanceOfSatisfying(UnavailableException.class, e -> {
                    assertThat(e.reason()).isEqualTo(Reason.UNAVAILABLE);
                    assertThat(e.getMessage()).contains("statement timeout").contains("add a user");
                    ErrorTranslationScenarios.assertFreeOfDataAndJdbc(e, "alice");
                });
        Duration waited = Duration.ofNanos(System.nanoTime() - started);

        assertThat(waited).isBetween(Duration.ofMillis(900), Duration.ofSeconds(10));
        assertThat(store.userAccounts().find(ALICE)).isEmpty();
    }

    @Test
    void a_call_finding_no_free_connection_waits_one_connection_timeout_and_is_unavailable() throws Exception {
        JdbiStore store =
                stores.open(newLocation(), b -> b.maximumPoolSize(1).connectionTimeout(Duration.ofMillis(1500)));
        store.userAccounts().add(Fixtures.localUser(ALICE.value()));
        UserId aliceId = store.userAccounts().find(ALICE).orElseThrow().id();
        CountDownLatch holding = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        CompletableFuture<Void> holder =
                CompletableFuture.runAsync(() -> store.transactions().run(() -> {
                    store.userAccounts().find(ALICE);
                    holding.countDown();
                    await(release);
                }));
        try {
            assertThat(holding.await(30, TimeUnit.SECONDS)).isTrue();

            long started = System.nanoTime();
            assertThatThrownBy(() -> store.transactions()
                            .run(() -> store.userAccounts()
                                    .recordFailedLogin(aliceId, Fixtures.NOW, LoginState.Rule.countOnly())))
                    .isInstanceOfSatisfying(UnavailableException.class, e -> {
                        assertThat(e.reason()).isEqualTo(Reason.UNAVAILABLE);
                        assertThat(e.getMessage()).contains("connection timeout");
                    });
            Duration waited = Duration.ofNanos(System.nanoTime() - started);

            // One connection timeout, not two (a second wait would take 3 s).
            assertThat(waited).isBetween(Duration.ofMillis(1400), Duration.ofMillis(2900));
        } finally {
            release.countDown();
        }
        holder.get(30, TimeUnit.SECONDS);
        // Nothing was counted, and the pool serves again once its connection is back.
        assertThat(store.userAccounts().find(ALICE).orElseThrow().failedLogins())
                .isZero();
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
