package dev.locksmith.jdbc;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.extension.ExtendWith;

/** {@link SlowWorkScenarios} on a real PostgreSQL server. */
@ExtendWith(PostgresServer.class)
class PostgresSlowWorkTest extends SlowWorkScenarios {
    private static RunningPostgres server;

    @BeforeAll
    static void server(RunningPostgres running) {
        server = running;
    }

    @Override
    TestStores.Location newLocation() {
        return stores.newPostgres(server);
    }
}
