package dev.locksmith.jdbc;

/** {@link BadInputScenarios} on H2. */
class H2BadInputTest extends BadInputScenarios {
    @Override
    TestStores.Location newLocation() {
        return stores.newH2();
    }
}
