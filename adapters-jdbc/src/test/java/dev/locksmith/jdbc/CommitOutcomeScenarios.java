package dev.locksmith.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import dev.locksmith.core.Locksmith;
import dev.locksmith.core.domain.ConflictException;
import dev.locksmith.core.domain.Password;
import dev.locksmith.core.domain.Profile;
import dev.locksmith.core.domain.Reason;
import dev.locksmith.core.domain.UnavailableException;
import dev.locksmith.core.domain.Username;
import dev.locksmith.core.port.AuditTrail;
import dev.locksmith.core.testing.FakePasswordHasher;
import dev.locksmith.core.usecase.BootstrapAdministrator;
import dev.locksmith.core.usecase.CreateUser;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A commit whose answer is lost is reported as such: a host data source whose connection performs the
 * commit and then fails it (as a connection cut during COMMIT does) gives {@code OUTCOME_UNKNOWN}, never
 * "nothing changed"; a commit the database refused is still a definite answer. The test class it is nested in gives the database.
 */
abstract class CommitOutcomeScenarios extends DatabaseScenarios {
    /**
     * What the next commit does: nothing special; commit and then fail, for the next transaction that wrote
     * (ran an INSERT, UPDATE or DELETE) or for any next one; or fail without committing.
     */
    private enum NextCommit {
        NORMAL,
        WRITE_COMMITS_THEN_LOSES_CONNECTION,
        ANY_COMMITS_THEN_LOSES_CONNECTION,
        REFUSE_AS_SERIALIZATION_FAILURE
    }

    private final AtomicReference<NextCommit> nextCommit = new AtomicReference<>(NextCommit.NORMAL);
    private HikariDataSource hostPool;
    private JdbiStore store;

    @BeforeEach
    void openStoreOnAFailingHostDataSource() {
        TestStores.Location location = newLocation();
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(location.url());
        config.setMaximumPoolSize(2);
        hostPool = new HikariDataSource(config);
        JdbiStore.Builder builder = JdbiStore.builder().dataSource(failingCommits(hostPool));
        location.schema().ifPresent(builder::schema);
        store = stores.track(builder.build());
    }

    @AfterEach
    void close() {
        stores.close();
        hostPool.close();
    }

    @Test
    void a_connection_lost_during_a_commit_that_happened_is_outcome_unknown() {
        nextCommit.set(NextCommit.WRITE_COMMITS_THEN_LOSES_CONNECTION);

        assertThatThrownBy(() ->
                        store.transactions().run(() -> store.userAccounts().add(Fixtures.localUser("alice"))))
                .isInstanceOfSatisfying(UnavailableException.class, e -> {
                    assertThat(e.reason()).isEqualTo(Reason.OUTCOME_UNKNOWN);
                    assertThat(e.reason().kind()).isEqualTo(Reason.Kind.OUTCOME_UNKNOWN);
                    assertThat(e.getMessage())
                            .contains("may or may not have been stored")
                            .doesNotContain("nothing");
                    ErrorTranslationScenarios.assertFreeOfDataAndJdbc(e, "alice");
                });

        // It had committed: the answer "nothing changed" would have been wrong.
        assertThat(store.userAccounts().find(Username.of("alice"))).isPresent();
    }

    @Test
    void a_port_call_outside_a_transaction_whose_commit_answer_is_lost_is_outcome_unknown_too() {
        nextCommit.set(NextCommit.WRITE_COMMITS_THEN_LOSES_CONNECTION);

        assertThatThrownBy(() -> store.userAccounts().add(Fixtures.localUser("bob")))
                .isInstanceOfSatisfying(
                        UnavailableException.class, e -> assertThat(e.reason()).isEqualTo(Reason.OUTCOME_UNKNOWN));

        assertThat(store.userAccounts().find(Username.of("bob"))).isPresent();
    }

    @Test
    void a_lost_commit_answer_of_a_transaction_that_only_read_is_unavailable_since_nothing_can_have_changed() {
        store.userAccounts().add(Fixtures.localUser("gus"));
        nextCommit.set(NextCommit.ANY_COMMITS_THEN_LOSES_CONNECTION);

        assertThatThrownBy(() -> store.userAccounts().find(Username.of("gus")))
                .isInstanceOfSatisfying(
                        UnavailableException.class, e -> assertThat(e.reason()).isEqualTo(Reason.UNAVAILABLE));
    }

    @Test
    void a_commit_the_database_refused_is_a_definite_answer_not_an_unknown_one() {
        nextCommit.set(NextCommit.REFUSE_AS_SERIALIZATION_FAILURE);

        assertThatThrownBy(() ->
                        store.transactions().run(() -> store.userAccounts().add(Fixtures.localUser("carol"))))
                .isInstanceOfSatisfying(
                        ConflictException.class, e -> assertThat(e.reason()).isEqualTo(Reason.CONFLICT));

        assertThat(store.userAccounts().find(Username.of("carol"))).isEmpty();
    }

    @Test
    void a_use_case_whose_commit_answer_is_lost_says_so_and_the_audit_trail_records_the_same() {
        Locksmith locksmith = Stores.locksmith(store, new FakePasswordHasher()).build();
        Username admin = Username.of("admin");
        locksmith
                .bootstrapAdministrator()
                .execute(new BootstrapAdministrator.Command(
                        admin, Profile.named("Admin"), Password.of("a long enough first passphrase")));
        nextCommit.set(NextCommit.WRITE_COMMITS_THEN_LOSES_CONNECTION);

        assertThatThrownBy(() -> locksmith
                        .createUser()
                        .execute(new CreateUser.Command(
                                admin,
                                Username.of("dora"),
                                Profile.named("Dora"),
                                Set.of(),
                                Password.of("her own first passphrase here"),
                                false)))
                .isInstanceOfSatisfying(
                        UnavailableException.class, e -> assertThat(e.reason()).isEqualTo(Reason.OUTCOME_UNKNOWN));
        assertThat(store.userAccounts().find(Username.of("dora"))).isPresent();
        // The next use case that commits records the failure event kept for it.
        locksmith
                .createUser()
                .execute(new CreateUser.Command(
                        admin,
                        Username.of("emil"),
                        Profile.named("Emil"),
                        Set.of(),
                        Password.of("his own first passphrase here"),
                        false));

        assertThat(store.auditTrail()
                        .read(new AuditTrail.Query(Optional.of(Username.of("dora")), Optional.empty(), 10)))
                .extracting(r -> r.event().outcome() + " " + r.event().code())
                .contains("FAILED OUTCOME_UNKNOWN");
    }

    /** The host's data source, its connections' next commit doing what {@link #nextCommit} says. */
    private DataSource failingCommits(DataSource host) {
        return proxy(DataSource.class, host, (method, args) -> {
            Object result = method.invoke(host, args);
            return result instanceof Connection connection ? failingCommits(connection) : result;
        });
    }

    private Connection failingCommits(Connection connection) {
        boolean[] wrote = {false};
        return proxy(Connection.class, connection, (method, args) -> {
            if (method.getName().startsWith("prepare")
                    && args != null
                    && args[0] instanceof String sql
                    && sql.strip().matches("(?is)(INSERT|UPDATE|DELETE)\\b.*")) {
                wrote[0] = true;
            }
            if (method.getName().equals("rollback") && (args == null || args.length == 0)) {
                wrote[0] = false;
            }
            if (!method.getName().equals("commit")) {
                return method.invoke(connection, args);
            }
            boolean writing = wrote[0];
            wrote[0] = false;
            NextCommit mode = nextCommit.get();
            if (mode == NextCommit.WRITE_COMMITS_THEN_LOSES_CONNECTION && !writing) {
                mode = NextCommit.NORMAL;
            } else {
                nextCommit.set(NextCommit.NORMAL);
            }
            switch (mode) {
                case WRITE_COMMITS_THEN_LOSES_CONNECTION, ANY_COMMITS_THEN_LOSES_CONNECTION -> {
                    connection.commit();
                    throw new SQLException("An I/O error occurred while sending to the backend.", "08006");
                }
                case REFUSE_AS_SERIALIZATION_FAILURE -> {
                    connection.rollback();
                    throw new SQLException("could not serialize access due to concurrent update", "40001");
                }
                default -> {
                    return method.invoke(connection, args);
                }
            }
        });
    }

    @FunctionalInterface
    private interface Call {
        Object invoke(Method method, Object[] args) throws Throwable;
    }

    private static <T> T proxy(Class<T> type, T target, Call call) {
        InvocationHandler handler = (self, method, args) -> {
            if (method.getName().equals("unwrap") || method.getName().equals("isWrapperFor")) {
                return method.invoke(target, args);
            }
            try {
                return call.invoke(method, args);
            } catch (InvocationTargetException e) {
                throw e.getCause();
            }
        };
        return type.cast(
                Proxy.newProxyInstance(CommitOutcomeScenarios.class.getClassLoader(), new Class<?>[] {type}, handler));
    }
}
