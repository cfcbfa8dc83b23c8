package dev.locksmith.jdbc;

/** {@link SmallPoolScenarios} on H2. */
class H2SmallPoolTest extends SmallPoolScenarios {
    @Override
    TestStores.Location newLocation() {
        return stores.newH2();
    }
}
