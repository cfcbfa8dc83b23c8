package dev.locksmith.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import dev.locksmith.core.Locksmith;
import dev.locksmith.core.domain.AuditEvent;
import dev.locksmith.core.domain.AuditRecord;
import dev.locksmith.core.domain.ConflictException;
import dev.locksmith.core.domain.LoginState;
import dev.locksmith.core.domain.Operation;
import dev.locksmith.core.domain.Password;
import dev.locksmith.core.domain.PasswordHash;
import dev.locksmith.core.domain.PasswordPolicy;
import dev.locksmith.core.domain.Profile;
import dev.locksmith.core.domain.User;
import dev.locksmith.core.domain.UserId;
import dev.locksmith.core.domain.Username;
import dev.locksmith.core.port.AuditTrail;
import dev.locksmith.core.port.UserAccounts.FailedLogin;
import dev.locksmith.core.testing.FakePasswordHasher;
import dev.locksmith.core.usecase.Authenticate;
import dev.locksmith.core.usecase.AuthenticationOutcome;
import java.sql.Connection;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * Parallel failed logins and password changes on one user, through one pool and through two separate pools
 * on one database (as two appliance nodes would be), at the port and through core's {@code Authenticate}
 * with a cheap test hasher. The test class it is nested in gives the database.
 */
abstract class ConcurrencyScenarios extends DatabaseScenarios {
    private static final Username TARGET = Username.of("target");
    private static final int THREADS = 8;
    private static final int ATTEMPTS = 500;

    @Test
    void eight_threads_of_500_failures_count_exactly_4000() throws Exception {
        JdbiStore store = stores.open(newLocation(), THREADS);

        List<FailedLogin> results = hammer(List.of(store), 0);

        User after = store.userAccounts().find(TARGET).orElseThrow();
        assertThat(after.failedLogins()).isEqualTo(THREADS * ATTEMPTS);
        assertThat(after.version())
                .as("login bookkeeping leaves the version alone")
                .isZero();
        assertThat(after.lock()).isEmpty();
        assertThat(results).noneMatch(FailedLogin::lockedNow);
        assertEveryCallerSawADifferentCount(results);
    }

    @Test
    void with_threshold_10_exactly_one_of_4000_failures_reports_the_lock() throws Exception {
        JdbiStore store = stores.open(newLocation(), THREADS);

        List<FailedLogin> results = hammer(List.of(store), 10);

        assertThat(results.stream().filter(FailedLogin::lockedNow).toList())
                .singleElement()
                .satisfies(r -> assertThat(r.logins().failedLogins()).isEqualTo(10));
        User after = store.userAccounts().find(TARGET).orElseThrow();
        assertThat(after.failedLogins()).isEqualTo(THREADS * ATTEMPTS);
        assertThat(after.lock()).isPresent();
    }

    @Test
    void a_host_pool_defaulting_to_serializable_still_counts_every_failure_and_gets_its_level_back() throws Exception {
        TestStores.Location location = newLocation();
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(location.url());
        config.setMaximumPoolSize(THREADS);
        config.setTransactionIsolation("TRANSACTION_SERIALIZABLE");
        try (HikariDataSource hostPool = new HikariDataSource(config)) {
            JdbiStore.Builder builder = JdbiStore.builder().dataSource(hostPool);
            location.schema().ifPresent(builder::schema);
            JdbiStore store = stores.track(builder.build());

            List<FailedLogin> results = hammer(List.of(store), 0);

            assertThat(store.userAccounts().find(TARGET).orElseThrow().failedLogins())
                    .isEqualTo(THREADS * ATTEMPTS);
            assertThat(results).hasSize(THREADS * ATTEMPTS);
            try (Connection connection = hostPool.getConnection()) {
                assertThat(connection.getTransactionIsolation()).isEqualTo(Connection.TRANSACTION_SERIALIZABLE);
            }
        }
    }

    @Test
    void a_policy_read_while_another_is_saved_is_one_that_was_saved() throws Exception {
        JdbiStore store = stores.open(newLocation(), 4);
        PasswordPolicy first = PasswordPolicy.builder()
                .minLength(15)
                .bannedWords(words("first", 200))
                .build();
        PasswordPolicy second = PasswordPolicy.builder()
                .minLength(20)
                .bannedWords(words("second", 200))
                .build();
        store.policyStore().save(first);
        AtomicBoolean saving = new AtomicBoolean(true);
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            Future<?> saver = pool.submit(() -> {
                for (int i = 0; i < 150; i++) {
                    PasswordPolicy next = i % 2 == 0 ? second : first;
                    store.transactions().run(() -> store.policyStore().save(next));
                }
                saving.set(false);
            });
            Future<Integer> reader = pool.submit(() -> {
                int reads = 0;
                while (saving.get()) {
                    PasswordPolicy read = store.policyStore().load().orElseThrow();
                    assertThat(read).isIn(first, second);
                    reads++;
                }
                return reads;
            });
            saver.get(120, TimeUnit.SECONDS);
            assertThat(reader.get(120, TimeUnit.SECONDS)).isPositive();
        } finally {
            pool.shutdownNow();
        }
    }

    private static Set<String> words(String stem, int count) {
        Set<String> words = new HashSet<>();
        for (int i = 0; i < count; i++) {
            words.add(stem + i);
        }
        return words;
    }

    @Test
    void two_pools_on_one_database_count_exactly_4000() throws Exception {
        List<JdbiStore> nodes = twoNodes();

        List<FailedLogin> results = hammer(nodes, 0);

        assertThat(nodes.get(1).userAccounts().find(TARGET).orElseThrow().failedLogins())
                .isEqualTo(THREADS * ATTEMPTS);
        assertEveryCallerSawADifferentCount(results);
    }

    @Test
    void two_pools_on_one_database_report_the_lock_exactly_once() throws Exception {
        List<JdbiStore> nodes = twoNodes();

        List<FailedLogin> results = hammer(nodes, 10);

        assertThat(results.stream().filter(FailedLogin::lockedNow).count()).isEqualTo(1);
        assertThat(nodes.get(0).userAccounts().find(TARGET).orElseThrow().failedLogins())
                .isEqualTo(THREADS * ATTEMPTS);
    }

    @Test
    void two_nodes_authenticating_4000_wrong_passwords_with_lockout_off_count_exactly_4000() throws Exception {
        WrongLogins run = authenticateWronglyOnTwoNodes(0);

        assertThat(run.after().lock()).isEmpty();
        assertThat(run.after().version()).isZero();
        assertThat(run.events()).noneMatch(e -> e.action() == Operation.ACCOUNT_LOCKED);
    }

    @Test
    void two_nodes_authenticating_4000_wrong_passwords_with_threshold_10_lock_exactly_once() throws Exception {
        WrongLogins run = authenticateWronglyOnTwoNodes(10);

        assertThat(run.after().isLockedAt(Instant.now())).isTrue();
        assertThat(run.events())
                .filteredOn(e -> e.action() == Operation.ACCOUNT_LOCKED)
                .singleElement()
                .satisfies(e -> assertThat(e.details()).containsEntry("failedLogins", "10"));
    }

    /** The target as the second node reads it after {@link #authenticateWrongly}, and its audit trail. */
    private record WrongLogins(User after, List<AuditEvent> events) {}

    /**
     * {@link #authenticateWrongly} on two new nodes; checks what every such run must show: every wrong
     * password counted, and the audit rows matching the count.
     */
    private WrongLogins authenticateWronglyOnTwoNodes(int lockoutThreshold) throws Exception {
        List<JdbiStore> nodes = twoNodes();
        List<AuditEvent> events = authenticateWrongly(nodes, lockoutThreshold);
        User after = nodes.get(1).userAccounts().find(TARGET).orElseThrow();
        assertThat(after.failedLogins()).isEqualTo(THREADS * ATTEMPTS);
        assertEveryWrongPasswordRowMatchesTheCount(events);
        return new WrongLogins(after, events);
    }

    /**
     * {@code THREADS} threads, spread over one {@link Locksmith} per store (two nodes), each giving
     * {@code ATTEMPTS} wrong passwords for the target through core's {@code Authenticate}; returns the target's
     * audit trail. The policy is the default one with the lockout threshold given.
     */
    private static List<AuditEvent> authenticateWrongly(List<JdbiStore> nodes, int lockoutThreshold) throws Exception {
        nodes.get(0)
                .policyStore()
                .save(PasswordPolicy.builder()
                        .lockoutThreshold(lockoutThreshold)
                        .build());
        FakePasswordHasher hasher = new FakePasswordHasher();
        nodes.get(0)
                .userAccounts()
                .add(User.newLocal(
                        TARGET,
                        Profile.named("Target"),
                        Set.of(),
                        hasher.hash(Password.of("the one right passphrase")),
                        Instant.now(),
                        false,
                        Optional.empty()));
        List<Locksmith> locksmiths = nodes.stream()
                .map(node -> Stores.locksmith(node, hasher).build())
                .toList();
        ConcurrentLinkedQueue<AuthenticationOutcome> outcomes = new ConcurrentLinkedQueue<>();
        Together.run(THREADS, thread -> {
            Locksmith locksmith = locksmiths.get(thread % locksmiths.size());
            for (int i = 0; i < ATTEMPTS; i++) {
                outcomes.add(locksmith
                        .authenticate()
                        .execute(new Authenticate.Command(TARGET, Password.of("wrong guess " + thread + "/" + i))));
            }
        });
        assertThat(outcomes).hasSize(THREADS * ATTEMPTS).allMatch(AuthenticationOutcome.Rejected.class::isInstance);
        List<AuditEvent> events = new ArrayList<>();
        Optional<Long> before = Optional.empty();
        while (true) {
            List<AuditRecord> page =
                    nodes.get(1).auditTrail().read(new AuditTrail.Query(Optional.of(TARGET), before, 1000));
            page.forEach(r -> events.add(r.event()));
            if (page.size() < 1000) {
                return events;
            }
            before = Optional.of(page.get(page.size() - 1).sequence());
        }
    }

    /** Every caller saw a different count: no two read the same row state. */
    private static void assertEveryCallerSawADifferentCount(List<FailedLogin> results) {
        assertThat(results.stream()
                        .map(r -> r.logins().failedLogins())
                        .distinct()
                        .count())
                .isEqualTo(THREADS * ATTEMPTS);
    }

    /** One wrong-password audit row per failure, each with the count that failure reached: 1 to 4000, once each. */
    private static void assertEveryWrongPasswordRowMatchesTheCount(List<AuditEvent> events) {
        List<Integer> counts = events.stream()
                .filter(e -> e.action() == Operation.AUTHENTICATE && "WRONG_PASSWORD".equals(e.code()))
                .map(e -> Integer.parseInt(e.details().get("failedLogins")))
                .sorted()
                .toList();
        assertThat(counts).hasSize(THREADS * ATTEMPTS);
        for (int i = 0; i < counts.size(); i++) {
            assertThat(counts.get(i)).isEqualTo(i + 1);
        }
    }

    /**
     * Adds the target (through the first store), then {@code THREADS} threads, spread over the stores, each record
     * {@code ATTEMPTS} failures.
     */
    private static List<FailedLogin> hammer(List<JdbiStore> nodes, int threshold) throws Exception {
        nodes.get(0).userAccounts().add(Fixtures.localUser(TARGET.value()));
        ConcurrentLinkedQueue<FailedLogin> results = new ConcurrentLinkedQueue<>();
        UserId target = nodes.get(0).userAccounts().find(TARGET).orElseThrow().id();
        // Lock "until reset": once locked, no later failure may lock again.
        LoginState.Rule rule = new LoginState.Rule(threshold, Optional.empty(), Optional.empty());
        Together.run(THREADS, thread -> {
            JdbiStore node = nodes.get(thread % nodes.size());
            for (int i = 0; i < ATTEMPTS; i++) {
                results.add(node.userAccounts().recordFailedLogin(target, Fixtures.NOW, rule));
            }
        });
        assertThat(results).hasSize(THREADS * ATTEMPTS);
        return new ArrayList<>(results);
    }

    /** Two stores with pools of their own (two nodes of a host) on one new location. */
    private List<JdbiStore> twoNodes() {
        TestStores.Location location = newLocation();
        return List.of(stores.open(location, THREADS / 2), stores.open(location, THREADS / 2));
    }

    /** One successful password change, as the update returned it. */
    private record Change(long version, PasswordHash replaced, PasswordHash installed) {}

    @Test
    void concurrent_password_changes_push_one_history_entry_per_success_and_none_per_conflict() throws Exception {
        List<JdbiStore> nodes = twoNodes();
        nodes.get(0).userAccounts().add(Fixtures.localUser(TARGET.value()));
        PasswordHash initial = nodes.get(0)
                .userAccounts()
                .find(TARGET)
                .orElseThrow()
                .passwordHash()
                .orElseThrow();

        ConcurrentLinkedQueue<Change> changes = new ConcurrentLinkedQueue<>();
        AtomicInteger conflicts = new AtomicInteger();
        Together.run(THREADS, thread -> {
            JdbiStore node = nodes.get(thread % 2);
            // 3 attempts per thread: at most 24 successes, the most a history keeps, so every push shows.
            for (int i = 0; i < 3; i++) {
                PasswordHash mine = Fixtures.hash("t" + thread + "-" + i);
                try {
                    changes.add(node.transactions().inTransaction(() -> {
                        User current = node.userAccounts().find(TARGET).orElseThrow();
                        PasswordHash old = current.passwordHash().orElseThrow();
                        node.passwordHistory().push(TARGET, old, Fixtures.NOW);
                        User updated = node.userAccounts().update(current.passwordChangedBySelf(mine, Fixtures.NOW));
                        return new Change(updated.version(), old, mine);
                    }));
                } catch (ConflictException e) {
                    conflicts.incrementAndGet();
                }
            }
        });

        List<Change> ordered = changes.stream()
                .sorted(Comparator.comparingLong(Change::version))
                .toList();
        assertThat(ordered.size() + conflicts.get()).isEqualTo(THREADS * 3);
        assertThat(ordered).isNotEmpty();
        // Versions 1..n without gaps, each change replacing exactly what the previous one installed.
        PasswordHash expectedReplaced = initial;
        for (int i = 0; i < ordered.size(); i++) {
            assertThat(ordered.get(i).version()).isEqualTo(i + 1);
            assertThat(ordered.get(i).replaced()).isEqualTo(expectedReplaced);
            expectedReplaced = ordered.get(i).installed();
        }
        User after = nodes.get(1).userAccounts().find(TARGET).orElseThrow();
        assertThat(after.version()).isEqualTo(ordered.size());
        assertThat(after.passwordHash()).contains(expectedReplaced);
        List<PasswordHash> expectedHistory =
                new ArrayList<>(ordered.stream().map(Change::replaced).toList());
        Collections.reverse(expectedHistory);
        assertThat(nodes.get(1).passwordHistory().recent(TARGET, 24)).containsExactlyElementsOf(expectedHistory);
    }
}
