package dev.locksmith.jdbc;

/** {@link LastAdministratorScenarios} on H2. */
class H2LastAdministratorTest extends LastAdministratorScenarios {
    @Override
    TestStores.Location newLocation() {
        return stores.newH2();
    }
}
