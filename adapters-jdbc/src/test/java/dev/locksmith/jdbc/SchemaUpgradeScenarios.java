package dev.locksmith.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import dev.locksmith.core.domain.Lock;
import dev.locksmith.core.domain.LoginState;
import dev.locksmith.core.domain.PasswordHash;
import dev.locksmith.core.domain.User;
import dev.locksmith.core.domain.Username;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.Optional;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;

/**
 * A database at schema version 2, holding users, counters and history, upgraded by opening a store: every
 * user gets an identity of its own, the counters and locks move to the login state, the history follows its
 * user (and an orphan history, of a user deleted earlier, goes). The test class it is nested in gives the database.
 */
abstract class SchemaUpgradeScenarios extends DatabaseScenarios {

    @Test
    void a_version_2_database_keeps_its_users_counters_locks_and_history() throws SQLException {
        TestStores.Location location = newLocation();
        var config = Flyway.configure(getClass().getClassLoader())
                .dataSource(location.url(), null, null)
                .locations(Migrations.LOCATION)
                .table("locksmith_schema_history")
                .placeholders(database().migrationPlaceholders())
                .target("2");
        location.schema().ifPresent(s -> config.schemas(s).defaultSchema(s));
        config.load().migrate();
        try (Connection c = connect(location)) {
            insertVersion2User(
                    c,
                    "alice",
                    3,
                    "TIMESTAMP WITH TIME ZONE '2031-05-06 07:00:00+00'",
                    "TIMESTAMP WITH TIME ZONE '2031-05-06 07:30:00+00'");
            insertVersion2User(c, "bob", 0, "NULL", "NULL");
            TestDatabase.execute(
                    c,
                    "INSERT INTO locksmith_password_history (username, password_hash, replaced_at) "
                            + "VALUES ('alice', 'old-1', CURRENT_TIMESTAMP), ('alice', 'old-2', CURRENT_TIMESTAMP), "
                            + "('gone', 'orphan', CURRENT_TIMESTAMP)");
        }

        Instant beforeUpgrade = Instant.now().minusSeconds(60);
        JdbiStore store = stores.open(location);

        User alice = store.userAccounts().find(Username.of("alice")).orElseThrow();
        User bob = store.userAccounts().find(Username.of("bob")).orElseThrow();
        assertThat(alice.id()).isNotEqualTo(bob.id());
        assertThat(alice.id().value().version()).isEqualTo(4);
        assertThat(alice.failedLogins()).isEqualTo(3);
        assertThat(alice.lock())
                .contains(new Lock(
                        Instant.parse("2031-05-06T07:00:00Z"), Optional.of(Instant.parse("2031-05-06T07:30:00Z"))));
        assertThat(alice.logins().lastFailureAt())
                .hasValueSatisfying(t -> assertThat(t).isAfter(beforeUpgrade));
        assertThat(alice.lastLoginAt()).isEmpty();
        assertThat(alice.version()).isEqualTo(5);
        assertThat(bob.logins()).isEqualTo(LoginState.initial());
        assertThat(store.passwordHistory().recent(Username.of("alice"), 5))
                .containsExactly(new PasswordHash("old-2"), new PasswordHash("old-1"));
        try (Connection c = connect(location);
                Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM locksmith_password_history")) {
            rs.next();
            assertThat(rs.getInt(1)).as("the orphan history is gone").isEqualTo(2);
        }

        // The counters live in the login state now: counting works, and leaves the version alone.
        store.userAccounts().recordFailedLogin(alice.id(), Fixtures.NOW, LoginState.Rule.countOnly());
        assertThat(store.userAccounts().find(Username.of("alice")).orElseThrow())
                .satisfies(u -> assertThat(u.failedLogins()).isEqualTo(4))
                .satisfies(u -> assertThat(u.version()).isEqualTo(5));
    }

    private static void insertVersion2User(Connection c, String name, int failed, String lockSince, String lockUntil)
            throws SQLException {
        TestDatabase.execute(
                c,
                "INSERT INTO locksmith_users (username, public_name, private_name, email, "
                        + "comments, search_text, permissions, administrator, enabled, provider, password_hash, "
                        + "password_changed_at, must_change_password, temporary_password_expires_at, failed_logins, lock_since, "
                        + "lock_until, version) VALUES ('" + name + "', 'Public " + name + "', '', NULL, '', '" + name
                        + "', '', FALSE, TRUE, NULL, '$x$" + name + "', NULL, FALSE, NULL, " + failed + ", " + lockSince
                        + ", " + lockUntil + ", 5)");
    }
}
