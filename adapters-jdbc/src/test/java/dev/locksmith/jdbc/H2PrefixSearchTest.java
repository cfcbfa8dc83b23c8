package dev.locksmith.jdbc;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.Locale;
import java.util.regex.Pattern;

/** {@link PrefixSearchScenarios} on H2. */
class H2PrefixSearchTest extends PrefixSearchScenarios {
    @Override
    TestStores.Location newLocation() {
        return stores.newH2();
    }

    @Override
    Connection connect(TestStores.Location location) throws SQLException {
        return open(location.url());
    }

    @Override
    boolean usesUsernameIndex(String plan) {
        // H2 names the index it reads, and the conditions it seeks with, in a comment:
        // /* PUBLIC.PRIMARY_KEY_B: USERNAME >= ?1 AND USERNAME < ?2 */ (a full scan reads ".tableScan").
        String upper = plan.toUpperCase(Locale.ROOT);
        return Pattern.compile("/\\* PUBLIC\\.PRIMARY_KEY_\\w+: USERNAME >=")
                        .matcher(upper)
                        .find()
                && !upper.contains("TABLESCAN");
    }
}
