package dev.locksmith.jdbc;

import java.sql.Connection;
import java.sql.SQLException;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.extension.ExtendWith;

/** {@link BoundedWaitScenarios} on a real PostgreSQL server. */
@ExtendWith(PostgresServer.class)
class PostgresBoundedWaitTest extends BoundedWaitScenarios {
    private static RunningPostgres server;

    @BeforeAll
    static void server(RunningPostgres running) {
        server = running;
    }

    @Override
    TestStores.Location newLocation() {
        return stores.newPostgres(server);
    }

    @Override
    Connection connect(TestStores.Location location) throws SQLException {
        Connection c = PrefixSearchScenarios.open(location.url());
        PrefixSearchScenarios.execute(
                c, "SET search_path TO " + location.schema().orElseThrow());
        return c;
    }

    @Override
    long[] sessionTimeoutsMillis(JdbiStore store) {
        // Settings in milliseconds: current_setting gives them with their unit, the catalog without.
        return store.database().call("read the session's timeouts", h -> new long[] {
            h.createQuery("SELECT CAST(setting AS BIGINT) FROM pg_settings WHERE name = 'lock_timeout'")
                    .mapTo(Long.class)
                    .one(),
            h.createQuery("SELECT CAST(setting AS BIGINT) FROM pg_settings WHERE name = 'statement_timeout'")
                    .mapTo(Long.class)
                    .one()
        });
    }

    @Override
    void makeUserInsertsSlow(Connection connection) throws SQLException {
        PrefixSearchScenarios.execute(
                connection,
                "CREATE FUNCTION locksmith_slow() RETURNS trigger LANGUAGE plpgsql "
                        + "AS $$ BEGIN PERFORM pg_sleep(60); RETURN NEW; END $$");
        PrefixSearchScenarios.execute(
                connection,
                "CREATE TRIGGER locksmith_slow BEFORE INSERT ON locksmith_users "
                        + "FOR EACH ROW EXECUTE FUNCTION locksmith_slow()");
    }
}
