package dev.locksmith.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import com.zaxxer.hikari.HikariDataSource;
import dev.locksmith.core.domain.InvalidInputException;
import dev.locksmith.core.domain.UnavailableException;
import dev.locksmith.core.domain.Username;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Building a store: settings, migrations, prefixes and schemas, data sources, embedded files. On H2. */
class JdbiStoreTest {
    /** The shipped migrations, in version order. */
    private static final List<String> MIGRATIONS = List.of(
            "db/locksmith/V1__locksmith_schema.sql",
            "db/locksmith/V2__locksmith_guards.sql",
            "db/locksmith/V3__locksmith_identity_and_login_state.sql",
            "db/locksmith/V4__locksmith_reset_tokens.sql");

    private final TestStores stores = new TestStores();

    @AfterEach
    void closeStores() {
        stores.close();
    }

    static Stream<org.junit.jupiter.params.provider.Arguments> badSettings() {
        String url = "jdbc:h2:mem:never";
        return Stream.of(
                arguments("dataSource", (UnaryOperator<JdbiStore.Builder>) b -> b),
                arguments("dataSource", (UnaryOperator<JdbiStore.Builder>)
                        b -> b.jdbcUrl(url).dataSource(new HikariDataSource())),
                arguments("jdbcUrl", (UnaryOperator<JdbiStore.Builder>) b -> b.jdbcUrl("h2:mem:x")),
                arguments("credentials", (UnaryOperator<JdbiStore.Builder>)
                        b -> b.dataSource(new HikariDataSource()).credentials("u", "p")),
                arguments("tablePrefix", (UnaryOperator<JdbiStore.Builder>)
                        b -> b.jdbcUrl(url).tablePrefix("Upper_")),
                arguments("tablePrefix", (UnaryOperator<JdbiStore.Builder>)
                        b -> b.jdbcUrl(url).tablePrefix("x; drop table t; --")),
                arguments("tablePrefix", (UnaryOperator<JdbiStore.Builder>)
                        b -> b.jdbcUrl(url).tablePrefix("_x")),
                arguments("tablePrefix", (UnaryOperator<JdbiStore.Builder>)
                        b -> b.jdbcUrl(url).tablePrefix("a".repeat(33))),
                arguments("tablePrefix", (UnaryOperator<JdbiStore.Builder>)
                        b -> b.jdbcUrl(url).tablePrefix(null)),
                arguments("schema", (UnaryOperator<JdbiStore.Builder>)
                        b -> b.jdbcUrl(url).schema("1st")),
                arguments("schema", (UnaryOperator<JdbiStore.Builder>)
                        b -> b.jdbcUrl(url).schema("a\"b")),
                arguments("maximumPoolSize", (UnaryOperator<JdbiStore.Builder>)
                        b -> b.jdbcUrl(url).maximumPoolSize(0)),
                arguments("maximumPoolSize", (UnaryOperator<JdbiStore.Builder>)
                        b -> b.jdbcUrl(url).maximumPoolSize(101)),
                arguments("connectionTimeout", (UnaryOperator<JdbiStore.Builder>)
                        b -> b.jdbcUrl(url).connectionTimeout(Duration.ofMillis(100))),
                arguments("connectionTimeout", (UnaryOperator<JdbiStore.Builder>)
                        b -> b.jdbcUrl(url).connectionTimeout(null)),
                arguments("lockTimeout", (UnaryOperator<JdbiStore.Builder>)
                        b -> b.jdbcUrl(url).lockTimeout(Duration.ofMillis(99))),
                arguments("lockTimeout", (UnaryOperator<JdbiStore.Builder>)
                        b -> b.jdbcUrl(url).lockTimeout(null)),
                arguments("lockTimeout", (UnaryOperator<JdbiStore.Builder>) b ->
                        b.jdbcUrl(url).lockTimeout(Duration.ofSeconds(20)).statementTimeout(Duration.ofSeconds(10))),
                arguments("lockTimeout", (UnaryOperator<JdbiStore.Builder>)
                        b -> b.dataSource(new HikariDataSource()).lockTimeout(Duration.ofSeconds(1))),
                arguments("lockTimeout", (UnaryOperator<JdbiStore.Builder>)
                        b -> b.dataSource(new HikariDataSource()).statementTimeout(Duration.ofSeconds(5))),
                arguments("statementTimeout", (UnaryOperator<JdbiStore.Builder>)
                        b -> b.jdbcUrl(url).statementTimeout(Duration.ofMillis(999))),
                arguments("statementTimeout", (UnaryOperator<JdbiStore.Builder>)
                        b -> b.jdbcUrl(url).statementTimeout(Duration.ofHours(1).plusMillis(1))),
                arguments("statementTimeout", (UnaryOperator<JdbiStore.Builder>)
                        b -> b.jdbcUrl(url).statementTimeout(null)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badSettings")
    void build_refuses_a_bad_setting_naming_it(String field, UnaryOperator<JdbiStore.Builder> settings) {
        assertThatThrownBy(() -> settings.apply(JdbiStore.builder()).build())
                .isInstanceOfSatisfying(
                        InvalidInputException.class, e -> assertThat(e.field()).isEqualTo(field));
    }

    @Test
    void h2_file_paths_with_a_semicolon_are_refused() {
        assertThatThrownBy(() -> JdbiStore.builder().h2File(Path.of("/tmp/a;INIT=RUNSCRIPT FROM 'x'")))
                .isInstanceOfSatisfying(
                        InvalidInputException.class, e -> assertThat(e.field()).isEqualTo("h2File"));
    }

    @Test
    void ships_its_migrations_in_the_jar_and_records_them_in_a_history_table_named_for_the_library() throws Exception {
        for (String migration : MIGRATIONS) {
            try (InputStream in = JdbiStore.class.getClassLoader().getResourceAsStream(migration)) {
                assertThat(in).as(migration).isNotNull();
            }
        }
        TestStores.Location location = stores.newLocation();
        stores.open(location);
        try (Connection c = stores.connect(location);
                Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT \"version\", \"success\" FROM \"locksmith_schema_history\""
                        + " WHERE \"version\" IS NOT NULL ORDER BY \"installed_rank\"")) {
            for (String version : List.of("1", "2", "3", "4")) {
                assertThat(rs.next()).isTrue();
                assertThat(rs.getString(1)).isEqualTo(version);
                assertThat(rs.getBoolean(2)).isTrue();
            }
            assertThat(rs.next()).isFalse();
        }
    }

    @Test
    void two_table_prefixes_keep_two_stores_apart_in_one_database() {
        TestStores.Location location = stores.newLocation();
        JdbiStore blue = stores.track(
                JdbiStore.builder().jdbcUrl(location.url()).tablePrefix("blue_").build());
        JdbiStore green = stores.track(JdbiStore.builder()
                .jdbcUrl(location.url())
                .tablePrefix("green_")
                .build());

        blue.userAccounts().add(Fixtures.localUser("alice"));

        assertThat(blue.userAccounts().find(Username.of("alice"))).isPresent();
        assertThat(green.userAccounts().find(Username.of("alice"))).isEmpty();
    }

    @Test
    void a_schema_named_by_a_reserved_word_is_refused_when_the_store_is_built_not_at_every_call() {
        TestStores.Location location = stores.newLocation();

        assertThatThrownBy(() -> stores.track(JdbiStore.builder()
                        .jdbcUrl(location.url())
                        .schema("user")
                        .build()))
                .isInstanceOfSatisfying(
                        InvalidInputException.class, e -> assertThat(e.field()).isEqualTo("schema"));
    }

    @Test
    void a_schema_holds_the_tables_apart_from_the_default_one() throws SQLException {
        TestStores.Location location = stores.newLocation();
        JdbiStore inSchema = stores.track(
                JdbiStore.builder().jdbcUrl(location.url()).schema("locksmith").build());
        JdbiStore inDefault =
                stores.track(JdbiStore.builder().jdbcUrl(location.url()).build());

        inSchema.userAccounts().add(Fixtures.localUser("alice"));

        assertThat(inDefault.userAccounts().find(Username.of("alice"))).isEmpty();
        try (Connection c = stores.connect(location);
                Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM locksmith.locksmith_users")) {
            rs.next();
            assertThat(rs.getInt(1)).isEqualTo(1);
        }
    }

    @Test
    void a_database_that_already_holds_the_hosts_tables_gets_ours_beside_them() throws SQLException {
        TestStores.Location location = stores.newLocation();
        try (Connection c = stores.connect(location)) {
            TestDatabase.execute(c, "CREATE TABLE host_devices (id INT PRIMARY KEY)");
            TestDatabase.execute(c, "INSERT INTO host_devices VALUES (7)");
        }

        JdbiStore store = stores.open(location);
        store.userAccounts().add(Fixtures.localUser("alice"));

        try (Connection c = stores.connect(location);
                Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT id FROM host_devices")) {
            assertThat(rs.next()).isTrue();
            assertThat(rs.getInt(1)).isEqualTo(7);
        }
    }

    @Test
    void with_migrations_off_the_host_applies_the_shipped_sql_itself() throws Exception {
        TestStores.Location location = stores.newLocation();
        JdbiStore store = stores.track(
                JdbiStore.builder().jdbcUrl(location.url()).runMigrations(false).build());
        assertThatThrownBy(() -> store.userAccounts().find(Username.of("alice")))
                .isInstanceOf(UnavailableException.class);

        for (String migration : MIGRATIONS) {
            String sql;
            try (InputStream in = JdbiStore.class.getClassLoader().getResourceAsStream(migration)) {
                sql = new String(in.readAllBytes(), StandardCharsets.UTF_8)
                        .replace("${prefix}", "locksmith_")
                        .replace("${usernameCollation}", "")
                        .replace("${randomUuid}", "CAST(RANDOM_UUID() AS VARCHAR(36))");
            }
            try (Connection c = stores.connect(location)) {
                for (String statement : sql.replaceAll("(?m)--.*$", "").split(";")) {
                    if (!statement.isBlank()) {
                        TestDatabase.execute(c, statement);
                    }
                }
            }
        }

        store.userAccounts().add(Fixtures.localUser("alice"));
        assertThat(store.userAccounts().find(Username.of("alice"))).isPresent();
        assertThat(store.transactions().inTransaction(() -> store.userAccounts().countEnabledAdministrators()))
                .isZero();
    }

    @Test
    void the_hosts_data_source_stays_open_when_the_store_closes() {
        TestStores.Location location = stores.newLocation();
        HikariDataSource host = new HikariDataSource();
        host.setJdbcUrl(location.url());
        try (host) {
            JdbiStore store = JdbiStore.builder().dataSource(host).build();
            store.userAccounts().add(Fixtures.localUser("alice"));
            store.close();
            assertThat(host.isClosed()).isFalse();
            JdbiStore again = JdbiStore.builder().dataSource(host).build();
            assertThat(again.userAccounts().find(Username.of("alice"))).isPresent();
        }
    }

    @Test
    void an_unreachable_server_is_unavailable_and_the_message_keeps_the_credentials_out() throws IOException {
        int port;
        try (ServerSocket probe = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = probe.getLocalPort();
        }
        JdbiStore.Builder builder = JdbiStore.builder()
                .jdbcUrl("jdbc:postgresql://127.0.0.1:" + port + "/locksmith")
                .credentials("operator", "s3cret-PW")
                .connectionTimeout(Duration.ofMillis(500));

        assertThatThrownBy(builder::build)
                .isInstanceOfSatisfying(
                        UnavailableException.class,
                        e -> ErrorTranslationScenarios.assertFreeOfDataAndJdbc(
                                e, "s3cret-PW", "operator", String.valueOf(port)));
    }

    @Test
    void the_embedded_store_keeps_its_data_in_a_file_across_reopening(@TempDir Path dir) {
        Path file = dir.resolve("users");
        try (JdbiStore store = JdbiStore.embedded(file)) {
            store.userAccounts().add(Fixtures.localUser("alice"));
            assertThat(store.toString()).doesNotContain(dir.toString());
        }
        assertThat(Files.exists(dir.resolve("users.mv.db"))).isTrue();
        try (JdbiStore reopened = JdbiStore.embedded(file)) {
            assertThat(reopened.userAccounts().find(Username.of("alice"))).isPresent();
        }
    }
}
