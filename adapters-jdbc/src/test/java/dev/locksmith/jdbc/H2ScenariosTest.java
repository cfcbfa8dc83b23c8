package dev.locksmith.jdbc;

import org.junit.jupiter.api.Nested;

/**
 * The store's scenarios on H2, each on a fresh in-memory database (two pools share one where a scenario opens
 * two stores). Scenarios that need more than a location have a test class of their own.
 */
class H2ScenariosTest {

    @Nested
    class BadInput extends BadInputScenarios {
        @Override
        TestStores.Location newLocation() {
            return stores.newH2();
        }
    }

    @Nested
    class CommitOutcome extends CommitOutcomeScenarios {
        @Override
        TestStores.Location newLocation() {
            return stores.newH2();
        }
    }

    @Nested
    class Concurrency extends ConcurrencyScenarios {
        @Override
        TestStores.Location newLocation() {
            return stores.newH2();
        }
    }

    @Nested
    class LastAdministrator extends LastAdministratorScenarios {
        @Override
        TestStores.Location newLocation() {
            return stores.newH2();
        }
    }

    @Nested
    class PoolOfOne extends PoolOfOneScenarios {
        @Override
        TestStores.Location newLocation() {
            return stores.newH2();
        }
    }

    @Nested
    class SlowWork extends SlowWorkScenarios {
        @Override
        TestStores.Location newLocation() {
            return stores.newH2();
        }
    }
}
