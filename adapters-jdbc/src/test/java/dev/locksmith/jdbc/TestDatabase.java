package dev.locksmith.jdbc;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;
import org.h2.api.Trigger;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * A database the store's scenarios run on: where a fresh store's tables go, a plain connection to them, and the few
 * things a scenario must say in the database's own SQL. The scenarios are written once against this; {@link
 * H2ScenariosTest} and {@link PostgresScenariosTest} run them on each database.
 */
sealed interface TestDatabase permits TestDatabase.H2, TestDatabase.Postgres {

    /** Where a new, empty store's tables go. */
    TestStores.Location newLocation();

    /** A plain JDBC connection of its own to the location, outside any store, with the store's tables current. */
    Connection connect(TestStores.Location location) throws SQLException;

    /** Frees what a location holds, once the stores on it are closed. */
    void dispose(TestStores.Location location);

    /** Queries of the session's lock timeout and of its statement timeout, each in milliseconds. */
    List<String> sessionTimeoutQueries();

    /** The session's lock timeout and statement timeout, in milliseconds, as the database reports them. */
    default long[] sessionTimeoutsMillis(JdbiStore store) {
        return store.database()
                .call(
                        "read the session's timeouts",
                        h -> sessionTimeoutQueries().stream()
                                .mapToLong(sql ->
                                        h.createQuery(sql).mapTo(Long.class).one())
                                .toArray());
    }

    /** Statements that make every insert into the users table run for far longer than a second. */
    List<String> slowInsertStatements();

    /** Makes every insert into the users table run for far longer than a second. */
    default void makeUserInsertsSlow(Connection connection) throws SQLException {
        for (String sql : slowInsertStatements()) {
            execute(connection, sql);
        }
    }

    /** The placeholders V1 and V2 need on this database. */
    Map<String, String> migrationPlaceholders();

    /** Makes a connection's plans show whether an index CAN serve a query, where the planner might avoid it. */
    void preferIndexes(Connection connection) throws SQLException;

    /** Whether the plan text shows the primary-key index in use. */
    boolean usesUsernameIndex(String plan);

    /** Runs one statement on a connection. */
    static void execute(Connection c, String sql) throws SQLException {
        try (Statement s = c.createStatement()) {
            s.execute(sql);
        }
    }

    /** Embedded H2: a fresh in-memory database per location, shut down when its stores are closed. */
    record H2() implements TestDatabase {
        @Override
        public TestStores.Location newLocation() {
            return new TestStores.Location(
                    "jdbc:h2:mem:" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1;LOCK_TIMEOUT=10000", Optional.empty());
        }

        @Override
        public Connection connect(TestStores.Location location) throws SQLException {
            return DriverManager.getConnection(location.url());
        }

        @Override
        public void dispose(TestStores.Location location) {
            // The database is kept (DB_CLOSE_DELAY=-1) whatever the pools do, until this.
            try (Connection c = connect(location)) {
                execute(c, "SHUTDOWN");
            } catch (SQLException e) {
                // Already gone.
            }
        }

        @Override
        public List<String> sessionTimeoutQueries() {
            return List.of(
                    "SELECT LOCK_TIMEOUT()",
                    "SELECT CAST(SETTING_VALUE AS BIGINT) FROM INFORMATION_SCHEMA.SETTINGS "
                            + "WHERE SETTING_NAME = 'QUERY_TIMEOUT'");
        }

        @Override
        public List<String> slowInsertStatements() {
            return List.of("CREATE TRIGGER locksmith_slow BEFORE INSERT ON locksmith_users FOR EACH ROW CALL \""
                    + SlowTrigger.class.getName() + "\"");
        }

        @Override
        public Map<String, String> migrationPlaceholders() {
            return Map.of("prefix", "locksmith_", "usernameCollation", "");
        }

        @Override
        public void preferIndexes(Connection connection) {
            // H2 uses the index whenever it can.
        }

        @Override
        public boolean usesUsernameIndex(String plan) {
            // H2 names the index it reads, and the conditions it seeks with, in a comment:
            // /* PUBLIC.PRIMARY_KEY_B: USERNAME >= ?1 AND USERNAME < ?2 */ (a full scan reads ".tableScan").
            String upper = plan.toUpperCase(Locale.ROOT);
            return Pattern.compile("/\\* PUBLIC\\.PRIMARY_KEY_\\w+: USERNAME >=")
                            .matcher(upper)
                            .find()
                    && !upper.contains("TABLESCAN");
        }

        /** Runs a query of minutes on the inserting session, which that session's statement timeout cancels. */
        public static final class SlowTrigger implements Trigger {
            @Override
            public void fire(Connection connection, Object[] oldRow, Object[] newRow) throws SQLException {
                try (Statement s = connection.createStatement();
                        ResultSet rs = s.executeQuery("SELECT SUM(X * 2) FROM SYSTEM_RANGE(1, 100000000000)")) {
                    rs.next();
                }
            }
        }

        /** Gives the test classes it extends, and their nested classes, H2 as their {@link TestDatabase}. */
        static final class Extension implements ParameterResolver {
            @Override
            public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
                return parameter.getParameter().getType() == TestDatabase.class;
            }

            @Override
            public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
                return new H2();
            }
        }
    }

    /** A real PostgreSQL server (the one {@link PostgresServer} starts for the run): a fresh schema per location. */
    record Postgres(RunningPostgres server) implements TestDatabase {
        @Override
        public TestStores.Location newLocation() {
            return new TestStores.Location(server.url(), Optional.of(server.newSchema()));
        }

        @Override
        public Connection connect(TestStores.Location location) throws SQLException {
            Connection c = DriverManager.getConnection(location.url());
            execute(c, "SET search_path TO " + location.schema().orElseThrow());
            return c;
        }

        @Override
        public void dispose(TestStores.Location location) {
            // The schema goes with the server at the end of the run.
        }

        @Override
        public List<String> sessionTimeoutQueries() {
            // Settings in milliseconds: current_setting gives them with their unit, the catalog without.
            return List.of(
                    "SELECT CAST(setting AS BIGINT) FROM pg_settings WHERE name = 'lock_timeout'",
                    "SELECT CAST(setting AS BIGINT) FROM pg_settings WHERE name = 'statement_timeout'");
        }

        @Override
        public List<String> slowInsertStatements() {
            return List.of(
                    "CREATE FUNCTION locksmith_slow() RETURNS trigger LANGUAGE plpgsql "
                            + "AS $$ BEGIN PERFORM pg_sleep(60); RETURN NEW; END $$",
                    "CREATE TRIGGER locksmith_slow BEFORE INSERT ON locksmith_users "
                            + "FOR EACH ROW EXECUTE FUNCTION locksmith_slow()");
        }

        @Override
        public Map<String, String> migrationPlaceholders() {
            return Map.of("prefix", "locksmith_", "usernameCollation", "COLLATE \"C\"");
        }

        @Override
        public void preferIndexes(Connection connection) throws SQLException {
            // On a small table the planner rightly prefers a sequential scan; forbidding it shows whether the
            // index CAN serve the query (with an unusable index the plan stays a Seq Scan, just costlier).
            execute(connection, "SET enable_seqscan = off");
        }

        @Override
        public boolean usesUsernameIndex(String plan) {
            return plan.contains("Index Scan using locksmith_users_pk")
                    || plan.contains("Index Only Scan using locksmith_users_pk");
        }
    }
}
