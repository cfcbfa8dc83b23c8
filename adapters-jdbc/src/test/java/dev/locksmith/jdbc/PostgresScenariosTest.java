package dev.locksmith.jdbc;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The store's scenarios on a real PostgreSQL server, each in a fresh schema (two pools share one where a scenario opens
 * two stores). Scenarios that need more than a location have a test class of their own.
 */
@ExtendWith(PostgresServer.class)
class PostgresScenariosTest {
    private static RunningPostgres server;

    @BeforeAll
    static void server(RunningPostgres running) {
        server = running;
    }

    @Nested
    class BadInput extends BadInputScenarios {
        @Override
        TestStores.Location newLocation() {
            return stores.newPostgres(server);
        }
    }

    @Nested
    class CommitOutcome extends CommitOutcomeScenarios {
        @Override
        TestStores.Location newLocation() {
            return stores.newPostgres(server);
        }
    }

    @Nested
    class Concurrency extends ConcurrencyScenarios {
        @Override
        TestStores.Location newLocation() {
            return stores.newPostgres(server);
        }
    }

    @Nested
    class LastAdministrator extends LastAdministratorScenarios {
        @Override
        TestStores.Location newLocation() {
            return stores.newPostgres(server);
        }
    }

    @Nested
    class PoolOfOne extends PoolOfOneScenarios {
        @Override
        TestStores.Location newLocation() {
            return stores.newPostgres(server);
        }
    }

    @Nested
    class SlowWork extends SlowWorkScenarios {
        @Override
        TestStores.Location newLocation() {
            return stores.newPostgres(server);
        }
    }
}
