package dev.locksmith.jdbc;

/** {@link ConcurrencyScenarios} on H2 (two pools share one in-memory database). */
class H2ConcurrencyTest extends ConcurrencyScenarios {
    @Override
    TestStores.Location newLocation() {
        return stores.newH2();
    }
}
