package dev.locksmith.jdbc;

import java.sql.Connection;
import java.sql.SQLException;

/** {@link LoginBookkeepingScenarios} on H2. */
class H2LoginBookkeepingTest extends LoginBookkeepingScenarios {
    @Override
    TestStores.Location newLocation() {
        return stores.newH2();
    }

    @Override
    Connection connect(TestStores.Location location) throws SQLException {
        return PrefixSearchScenarios.open(location.url());
    }
}
