package dev.locksmith.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.locksmith.core.Locksmith;
import dev.locksmith.core.domain.ConflictException;
import dev.locksmith.core.domain.Lock;
import dev.locksmith.core.domain.LoginState;
import dev.locksmith.core.domain.Password;
import dev.locksmith.core.domain.PasswordHash;
import dev.locksmith.core.domain.Profile;
import dev.locksmith.core.domain.Reason;
import dev.locksmith.core.domain.User;
import dev.locksmith.core.domain.Username;
import dev.locksmith.core.testing.FakePasswordHasher;
import dev.locksmith.core.usecase.Authenticate;
import dev.locksmith.core.usecase.AuthenticationOutcome;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Login bookkeeping lives apart from the users row: a login never waits for a transaction that holds the
 * user (an administration call sending a mail, say), and a user's identity, login state and history go with
 * the user. The test class it is nested in gives the database.
 */
abstract class LoginBookkeepingScenarios extends DatabaseScenarios {
    private static final Username ALICE = Username.of("alice");
    private static final String RIGHT = "alice's right passphrase";

    @Test
    void logins_never_wait_for_a_transaction_that_holds_the_users_row() throws Exception {
        TestStores.Location location = newLocation();
        // A wait for the users row would end in a ConflictException after a second: none may happen.
        JdbiStore store = stores.open(location, b -> b.lockTimeout(Duration.ofSeconds(1)));
        FakePasswordHasher hasher = new FakePasswordHasher();
        FakePasswordHasher stronger = new FakePasswordHasher(FakePasswordHasher.DEFAULT_ITERATIONS * 2);
        PasswordHash weak = hasher.hash(Password.of(RIGHT));
        store.userAccounts()
                .add(User.newLocal(
                        ALICE, Profile.named("Alice"), Set.of(), weak, Instant.now(), false, Optional.empty()));
        User alice = store.userAccounts().find(ALICE).orElseThrow();
        Locksmith locksmith = Stores.locksmith(store, stronger).build();

        try (Connection holder = connect(location)) {
            holder.setAutoCommit(false);
            TestDatabase.execute(holder, "UPDATE locksmith_users SET comments = 'held' WHERE username = 'alice'");

            AuthenticationOutcome wrong = locksmith
                    .authenticate()
                    .execute(new Authenticate.Command(ALICE, Password.of("a wrong passphrase")));
            var failed = store.userAccounts().recordFailedLogin(alice.id(), Instant.now(), LoginState.Rule.countOnly());
            LoginState beforeReset = store.userAccounts().resetFailedLogins(alice.id());
            AuthenticationOutcome right =
                    locksmith.authenticate().execute(new Authenticate.Command(ALICE, Password.of(RIGHT)));
            boolean rehashedWhileHeld =
                    store.userAccounts().replaceHash(alice.id(), weak, stronger.hash(Password.of(RIGHT)));
            holder.rollback();

            assertThat(wrong).isInstanceOf(AuthenticationOutcome.Rejected.class);
            assertThat(failed.logins().failedLogins()).isEqualTo(2);
            assertThat(beforeReset.failedLogins()).isEqualTo(2);
            assertThat(right).isEqualTo(new AuthenticationOutcome.Authenticated(ALICE));
            assertThat(rehashedWhileHeld)
                    .as("a rehash is skipped, not waited for, while the row is held")
                    .isFalse();
        }

        User after = store.userAccounts().find(ALICE).orElseThrow();
        assertThat(after.failedLogins()).isZero();
        assertThat(after.lastLoginAt()).isPresent();
        assertThat(after.version()).isZero();
        assertThat(after.passwordHash()).contains(weak);
        PasswordHash rehash = stronger.hash(Password.of(RIGHT));
        assertThat(store.userAccounts().replaceHash(alice.id(), weak, rehash)).isTrue();
        assertThat(store.userAccounts().find(ALICE).orElseThrow())
                .satisfies(u -> assertThat(u.passwordHash()).contains(rehash))
                .satisfies(u -> assertThat(u.version()).isZero());
    }

    @Test
    void a_user_created_again_under_a_removed_users_name_inherits_neither_history_nor_login_state()
            throws SQLException {
        TestStores.Location location = newLocation();
        JdbiStore store = stores.open(location);
        store.userAccounts().add(Fixtures.localUser("alice"));
        User old = store.userAccounts().find(ALICE).orElseThrow();
        store.passwordHistory().push(ALICE, Fixtures.hash("first"), Fixtures.NOW);
        store.passwordHistory().push(ALICE, Fixtures.hash("second"), Fixtures.NOW);
        store.userAccounts().recordFailedLogin(old.id(), Fixtures.NOW, LoginState.Rule.countOnly());

        store.userAccounts().remove(old.id(), old.version());

        assertThat(rows(location, "locksmith_password_history"))
                .as("history goes with its user")
                .isZero();
        assertThat(rows(location, "locksmith_login_state"))
                .as("login state goes with its user")
                .isZero();
        store.userAccounts().add(Fixtures.localUser("alice"));
        User reborn = store.userAccounts().find(ALICE).orElseThrow();
        assertThat(reborn.id()).isNotEqualTo(old.id());
        assertThat(reborn.failedLogins()).isZero();
        assertThat(store.passwordHistory().recent(ALICE, 24)).isEmpty();
    }

    @Test
    void users_added_in_bulk_keep_their_identity_and_login_state() {
        JdbiStore store = stores.open(newLocation());
        LoginState logins = new LoginState(
                3,
                Optional.of(Fixtures.NOW),
                Optional.of(new Lock(Fixtures.NOW, Optional.of(Fixtures.NOW.plusSeconds(600)))),
                Optional.of(Fixtures.NOW.minusSeconds(60)));
        User carol = Fixtures.localUser("carol").withLogins(logins);
        User dave = Fixtures.localUser("dave");

        store.userAccounts().addAll(List.of(carol, dave));

        assertThat(store.userAccounts().find(Username.of("carol"))).contains(carol);
        assertThat(store.userAccounts().find(Username.of("dave"))).contains(dave);
        User sameIdentity = new User(
                dave.id(),
                Username.of("erin"),
                dave.profile(),
                Set.of(),
                true,
                dave.source(),
                dave.passwordHash(),
                dave.passwordChangedAt(),
                false,
                Optional.empty(),
                LoginState.initial(),
                0);
        assertThatThrownBy(() -> store.userAccounts().addAll(List.of(Fixtures.localUser("frank"), sameIdentity)))
                .isInstanceOfSatisfying(
                        ConflictException.class, e -> assertThat(e.reason()).isEqualTo(Reason.ALREADY_EXISTS));
        assertThat(store.userAccounts().find(Username.of("frank"))).isEmpty();
    }

    private long rows(TestStores.Location location, String table) throws SQLException {
        try (Connection c = connect(location);
                Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM " + table)) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
