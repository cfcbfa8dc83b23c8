package dev.locksmith.jdbc;

import java.sql.Connection;
import java.sql.SQLException;

/** {@link ErrorTranslationScenarios} on H2. */
class H2ErrorTranslationTest extends ErrorTranslationScenarios {
    @Override
    TestStores.Location newLocation() {
        return stores.newH2();
    }

    @Override
    Connection connect(TestStores.Location location) throws SQLException {
        return PrefixSearchScenarios.open(location.url());
    }
}
