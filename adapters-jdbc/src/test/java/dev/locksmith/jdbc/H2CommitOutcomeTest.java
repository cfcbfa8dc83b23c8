package dev.locksmith.jdbc;

/** {@link CommitOutcomeScenarios} on H2. */
class H2CommitOutcomeTest extends CommitOutcomeScenarios {
    @Override
    TestStores.Location newLocation() {
        return stores.newH2();
    }
}
