package dev.locksmith.jdbc;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.Map;

/** {@link SchemaUpgradeScenarios} on H2. */
class H2SchemaUpgradeTest extends SchemaUpgradeScenarios {
    @Override
    TestStores.Location newLocation() {
        return stores.newH2();
    }

    @Override
    Connection connect(TestStores.Location location) throws SQLException {
        return PrefixSearchScenarios.open(location.url());
    }

    @Override
    Map<String, String> placeholders() {
        return Map.of("prefix", "locksmith_", "usernameCollation", "");
    }
}
