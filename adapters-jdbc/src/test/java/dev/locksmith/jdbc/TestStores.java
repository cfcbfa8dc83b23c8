package dev.locksmith.jdbc;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.UnaryOperator;

/**
 * Opens stores at fresh locations of one {@link TestDatabase} (H2 in-memory databases or PostgreSQL schemas), and
 * closes everything it opened. One per test (not thread-safe for opening; the stores themselves are).
 */
final class TestStores implements AutoCloseable {
    /** Where a store's tables live: a URL and, on PostgreSQL, a schema of its own. */
    record Location(String url, Optional<String> schema) {}

    private final TestDatabase database;
    private final List<JdbiStore> stores = new ArrayList<>();
    private final List<Location> locations = new ArrayList<>();

    TestStores(TestDatabase database) {
        this.database = database;
    }

    /** Stores on H2. */
    TestStores() {
        this(new TestDatabase.H2());
    }

    TestDatabase database() {
        return database;
    }

    /** A new, empty location (kept until {@link #close()}, whatever the pools do). */
    Location newLocation() {
        Location location = database.newLocation();
        locations.add(location);
        return location;
    }

    /** A plain JDBC connection of its own to the location, outside any store, with the store's tables current. */
    Connection connect(Location location) throws SQLException {
        return database.connect(location);
    }

    /** Opens (and migrates) a store at the location; closed by {@link #close()}. */
    JdbiStore open(Location location, int poolSize) {
        JdbiStore.Builder builder = JdbiStore.builder().jdbcUrl(location.url()).maximumPoolSize(poolSize);
        location.schema().ifPresent(builder::schema);
        return track(builder.build());
    }

    /** Opens (and migrates) a store at the location with further settings; closed by {@link #close()}. */
    JdbiStore open(Location location, UnaryOperator<JdbiStore.Builder> settings) {
        JdbiStore.Builder builder = JdbiStore.builder().jdbcUrl(location.url());
        location.schema().ifPresent(builder::schema);
        return track(settings.apply(builder).build());
    }

    JdbiStore open(Location location) {
        return open(location, 4);
    }

    JdbiStore track(JdbiStore store) {
        stores.add(store);
        return store;
    }

    @Override
    public void close() {
        stores.forEach(JdbiStore::close);
        stores.clear();
        locations.forEach(database::dispose);
        locations.clear();
    }
}
