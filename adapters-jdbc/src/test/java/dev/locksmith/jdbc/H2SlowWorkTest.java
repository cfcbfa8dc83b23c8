package dev.locksmith.jdbc;

/** {@link SlowWorkScenarios} on H2 (two pools share one in-memory database). */
class H2SlowWorkTest extends SlowWorkScenarios {
    @Override
    TestStores.Location newLocation() {
        return stores.newH2();
    }
}
