package dev.locksmith.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.locksmith.core.domain.AuditEvent;
import dev.locksmith.core.domain.ConflictException;
import dev.locksmith.core.domain.LocksmithException;
import dev.locksmith.core.domain.LoginState;
import dev.locksmith.core.domain.Operation;
import dev.locksmith.core.domain.PasswordHash;
import dev.locksmith.core.domain.PasswordPolicy;
import dev.locksmith.core.domain.Reason;
import dev.locksmith.core.domain.UnavailableException;
import dev.locksmith.core.domain.UserId;
import dev.locksmith.core.domain.Username;
import dev.locksmith.core.port.AuditTrail;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * Database failures come out as core's errors, with messages and causes free of data values and of JDBC
 * types. The test class it is nested in gives the database.
 */
abstract class ErrorTranslationScenarios extends DatabaseScenarios {
    private static final String SECRET_HASH = "$argon2id$v=19$m=19456,t=2,p=1$c2FsdA$TOPSECRETHASHVALUE";

    @Test
    void a_taken_username_inside_a_transaction_is_already_exists_and_the_transaction_goes_on() {
        JdbiStore store = openWithUsers(newLocation(), "alice");

        store.transactions().run(() -> {
            assertThatThrownBy(() -> store.userAccounts().add(Fixtures.localUser("alice")))
                    .isInstanceOfSatisfying(
                            ConflictException.class, e -> assertThat(e.reason()).isEqualTo(Reason.ALREADY_EXISTS));
            store.userAccounts().add(Fixtures.localUser("bob"));
        });

        assertThat(store.userAccounts().find(Username.of("bob"))).isPresent();
    }

    @Test
    void a_broken_table_is_unavailable_with_a_message_free_of_data_and_of_jdbc() throws SQLException {
        TestStores.Location location = newLocation();
        JdbiStore store = openWithUsers(location, "victim.user");
        try (Connection c = connect(location)) {
            TestDatabase.execute(c, "DROP TABLE locksmith_password_history");
        }

        assertThatThrownBy(() -> store.passwordHistory()
                        .push(Username.of("victim.user"), new PasswordHash(SECRET_HASH), Fixtures.NOW))
                .isInstanceOfSatisfying(UnavailableException.class, e -> {
                    assertThat(e.reason()).isEqualTo(Reason.UNAVAILABLE);
                    assertThat(e.getMessage())
                            .contains("record password history")
                            .contains("SQLState");
                    assertFreeOfDataAndJdbc(e, "victim.user", SECRET_HASH, "TOPSECRET");
                });
    }

    @Test
    void stored_rows_that_break_the_domain_rules_are_unavailable_not_invalid_input() throws SQLException {
        TestStores.Location location = newLocation();
        JdbiStore store = openWithUsers(location, "unknown.permission", "control.char");
        store.policyStore().save(PasswordPolicy.nistDefault());
        store.auditTrail()
                .record(new AuditEvent(
                        Fixtures.NOW,
                        Optional.empty(),
                        Operation.AUTHENTICATE,
                        Optional.empty(),
                        AuditEvent.Outcome.REJECTED,
                        "X",
                        Map.of()));
        try (Connection c = connect(location)) {
            TestDatabase.execute(
                    c, "UPDATE locksmith_users SET permissions = 'SUPERUSER' WHERE username = 'unknown.permission'");
            TestDatabase.execute(
                    c, "UPDATE locksmith_users SET public_name = 'a' || CHR(7) WHERE username = 'control.char'");
            TestDatabase.execute(c, "UPDATE locksmith_password_policy SET min_length = 3");
            TestDatabase.execute(c, "UPDATE locksmith_audit_trail SET actor = 'has space'");
        }

        assertThatThrownBy(() -> store.userAccounts().find(Username.of("unknown.permission")))
                .isInstanceOf(UnavailableException.class);
        assertThatThrownBy(() -> store.userAccounts().find(Username.of("control.char")))
                .isInstanceOf(UnavailableException.class);
        assertThatThrownBy(() -> store.policyStore().load()).isInstanceOf(UnavailableException.class);
        assertThatThrownBy(() -> store.auditTrail().read(AuditTrail.Query.latest(5)))
                .isInstanceOf(UnavailableException.class);
    }

    @Test
    void a_closed_store_is_unavailable() {
        JdbiStore store = stores.open(newLocation());
        store.close();
        assertThatThrownBy(() -> store.userAccounts().find(Username.of("someone.private")))
                .isInstanceOfSatisfying(UnavailableException.class, e -> assertFreeOfDataAndJdbc(e, "someone.private"));
    }

    @Test
    void a_deadlock_between_two_transactions_is_a_conflict_for_one_and_the_other_commits() throws Exception {
        TestStores.Location location = newLocation();
        JdbiStore store = openWithUsers(location, "first", "second");
        CountDownLatch bothHoldOne = new CountDownLatch(2);

        CompletableFuture<Void> a = CompletableFuture.runAsync(() -> lockBoth(store, "first", "second", bothHoldOne));
        CompletableFuture<Void> b = CompletableFuture.runAsync(() -> lockBoth(store, "second", "first", bothHoldOne));
        List<Throwable> failures = new ArrayList<>();
        for (CompletableFuture<Void> f : List.of(a, b)) {
            try {
                f.get(60, TimeUnit.SECONDS);
            } catch (ExecutionException e) {
                failures.add(e.getCause());
            }
        }

        assertThat(failures).singleElement().isInstanceOfSatisfying(ConflictException.class, e -> {
            assertThat(e.reason()).isEqualTo(Reason.CONFLICT);
            assertFreeOfDataAndJdbc(e, "first", "second");
        });
        // The winner's two failures committed; the loser's were rolled back.
        assertThat(store.userAccounts().find(Username.of("first")).orElseThrow().failedLogins())
                .isEqualTo(1);
        assertThat(store.userAccounts()
                        .find(Username.of("second"))
                        .orElseThrow()
                        .failedLogins())
                .isEqualTo(1);
    }

    /** A store opened on the location, holding a local user of each name. */
    private JdbiStore openWithUsers(TestStores.Location location, String... usernames) {
        JdbiStore store = stores.open(location);
        for (String username : usernames) {
            store.userAccounts().add(Fixtures.localUser(username));
        }
        return store;
    }

    private static void lockBoth(JdbiStore store, String one, String other, CountDownLatch bothHoldOne) {
        store.transactions().run(() -> {
            store.userAccounts().recordFailedLogin(idOf(store, one), Fixtures.NOW, LoginState.Rule.countOnly());
            bothHoldOne.countDown();
            try {
                bothHoldOne.await(30, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            store.userAccounts().recordFailedLogin(idOf(store, other), Fixtures.NOW, LoginState.Rule.countOnly());
        });
    }

    private static UserId idOf(JdbiStore store, String username) {
        return store.userAccounts().find(Username.of(username)).orElseThrow().id();
    }

    /** No data value in any message of the chain, and no JDBC or Jdbi type in it. */
    static void assertFreeOfDataAndJdbc(LocksmithException e, String... values) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            assertThat(t).isNotInstanceOf(SQLException.class);
            assertThat(t.getClass().getName()).doesNotStartWith("org.jdbi").doesNotStartWith("java.sql");
            for (String value : values) {
                assertThat(String.valueOf(t.getMessage())).doesNotContain(value);
            }
            for (Throwable s : t.getSuppressed()) {
                assertThat(s).isInstanceOf(LocksmithException.class);
            }
        }
    }
}
