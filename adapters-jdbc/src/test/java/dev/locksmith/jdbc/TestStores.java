package dev.locksmith.jdbc;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.UnaryOperator;

/**
 * Opens stores on fresh H2 in-memory databases or fresh PostgreSQL schemas, and closes everything it opened.
 * One per test (not thread-safe for opening; the stores themselves are).
 */
final class TestStores implements AutoCloseable {
    /** Where a store's tables live: a URL and, on PostgreSQL, a schema of its own. */
    record Location(String url, Optional<String> schema) {}

    private final List<JdbiStore> stores = new ArrayList<>();
    private final List<String> h2Urls = new ArrayList<>();

    /** A new, empty H2 in-memory database (kept until {@link #close()}, whatever the pools do). */
    Location newH2() {
        String url = "jdbc:h2:mem:" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1;LOCK_TIMEOUT=10000";
        h2Urls.add(url);
        return new Location(url, Optional.empty());
    }

    /** A new, empty schema of the shared PostgreSQL test database. */
    Location newPostgres(RunningPostgres server) {
        return new Location(server.url(), Optional.of(server.newSchema()));
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
        for (String url : h2Urls) {
            try (Connection c = DriverManager.getConnection(url);
                    Statement s = c.createStatement()) {
                s.execute("SHUTDOWN");
            } catch (SQLException e) {
                // Already gone.
            }
        }
        h2Urls.clear();
    }
}
