package dev.locksmith.jdbc;

import java.sql.Connection;
import java.sql.SQLException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

/**
 * What every scenario class starts from: the {@link TestDatabase} its enclosing test class runs it on (given as a
 * parameter by that class's extension), and the stores it opens there, all closed after each test.
 */
abstract class DatabaseScenarios {
    TestStores stores;

    @BeforeEach
    void openOn(TestDatabase database) {
        stores = new TestStores(database);
    }

    @AfterEach
    void closeStores() {
        stores.close();
    }

    TestDatabase database() {
        return stores.database();
    }

    /** A new, empty location on the database. */
    TestStores.Location newLocation() {
        return stores.newLocation();
    }

    /** A plain JDBC connection of its own to the location, outside any store, with the store's tables current. */
    Connection connect(TestStores.Location location) throws SQLException {
        return stores.connect(location);
    }
}
