package dev.locksmith.jdbc;

import java.sql.Connection;
import java.sql.SQLException;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.extension.ExtendWith;

/** {@link LoginBookkeepingScenarios} on a real PostgreSQL server. */
@ExtendWith(PostgresServer.class)
class PostgresLoginBookkeepingTest extends LoginBookkeepingScenarios {
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
}
