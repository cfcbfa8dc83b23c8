package dev.locksmith.jdbc;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import org.h2.api.Trigger;

/** {@link BoundedWaitScenarios} on H2. */
class H2BoundedWaitTest extends BoundedWaitScenarios {
    @Override
    TestStores.Location newLocation() {
        return stores.newH2();
    }

    @Override
    Connection connect(TestStores.Location location) throws SQLException {
        return PrefixSearchScenarios.open(location.url());
    }

    @Override
    long[] sessionTimeoutsMillis(JdbiStore store) {
        return store.database().call("read the session's timeouts", h -> new long[] {
            h.createQuery("SELECT LOCK_TIMEOUT()").mapTo(Long.class).one(),
            h.createQuery("SELECT CAST(SETTING_VALUE AS BIGINT) FROM INFORMATION_SCHEMA.SETTINGS "
                            + "WHERE SETTING_NAME = 'QUERY_TIMEOUT'")
                    .mapTo(Long.class)
                    .one()
        });
    }

    @Override
    void makeUserInsertsSlow(Connection connection) throws SQLException {
        PrefixSearchScenarios.execute(
                connection,
                "CREATE TRIGGER locksmith_slow BEFORE INSERT ON locksmith_users " + "FOR EACH ROW CALL \""
                        + SlowTrigger.class.getName() + "\"");
    }

    /** Runs a query of minutes on the inserting session, which that session's statement timeout cancels. */
    public static final class SlowTrigger implements Trigger {
        @Override
        public void fire(Connection connection, Object[] oldRow, Object[] newRow) throws SQLException {
            try (Statement s = connection.createStatement();
                    ResultSet rs = s.executeQuery("SELECT SUM(X * 2) FROM SYSTEM_RANGE(1, 100000000000)")) {
                rs.next();
            }
        }
    }
}
