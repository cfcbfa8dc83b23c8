package dev.locksmith.jdbc;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.extension.ExtendWith;

/** {@link SchemaUpgradeScenarios} on a real PostgreSQL server. */
@ExtendWith(PostgresServer.class)
class PostgresSchemaUpgradeTest extends SchemaUpgradeScenarios {
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
    Map<String, String> placeholders() {
        return Map.of("prefix", "locksmith_", "usernameCollation", "COLLATE \"C\"");
    }
}
