package dev.locksmith.jdbc;

/** {@link PoolOfOneScenarios} on H2. */
class H2PoolOfOneTest extends PoolOfOneScenarios {
    @Override
    TestStores.Location newLocation() {
        return stores.newH2();
    }
}
