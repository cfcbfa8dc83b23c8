package dev.locksmith.jdbc;

import java.sql.Connection;
import java.sql.SQLException;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.extension.ExtendWith;

/** {@link PrefixSearchScenarios} on a real PostgreSQL server. */
@ExtendWith(PostgresServer.class)
class PostgresPrefixSearchTest extends PrefixSearchScenarios {
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
        Connection c = open(location.url());
        execute(c, "SET search_path TO " + location.schema().orElseThrow());
        // On a small table the planner rightly prefers a sequential scan; forbidding it shows whether the
        // index CAN serve the query (with an unusable index the plan stays a Seq Scan, just costlier).
        execute(c, "SET enable_seqscan = off");
        return c;
    }

    @Override
    boolean usesUsernameIndex(String plan) {
        return plan.contains("Index Scan using locksmith_users_pk")
                || plan.contains("Index Only Scan using locksmith_users_pk");
    }
}
