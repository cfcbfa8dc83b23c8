package dev.locksmith.core.fakes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.locksmith.core.domain.AuditEvent;
import dev.locksmith.core.domain.ConflictException;
import dev.locksmith.core.domain.NotFoundException;
import dev.locksmith.core.domain.Operation;
import dev.locksmith.core.domain.PasswordPolicy;
import dev.locksmith.core.domain.Reason;
import dev.locksmith.core.domain.User;
import dev.locksmith.core.domain.UserSearch;
import dev.locksmith.core.domain.Username;
import dev.locksmith.core.port.AuditTrail;
import dev.locksmith.core.port.UserAccounts;
import dev.locksmith.core.testing.InMemoryDatabase;
import dev.locksmith.core.testing.InMemoryStores;
import dev.locksmith.core.testing.InMemoryUserAccounts;
import dev.locksmith.core.testing.TestClock;
import dev.locksmith.core.testing.TestUsers;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** The in-memory stores keep the promises core relies on: real rollback, optimistic versions, exact counting. */
class InMemoryStoresTest {
    private final InMemoryStores stores = InMemoryStores.create();
    private final InMemoryUserAccounts users = stores.userAccounts();
    private final Instant now = TestClock.START;

    @Test
    void a_transaction_that_throws_leaves_every_store_exactly_as_before() {
        User alice = TestUsers.aUser().named("alice").build();
        users.add(alice);
        InMemoryDatabase.State before = stores.database().state();
        IllegalStateException boom = new IllegalStateException("boom");

        assertThatThrownBy(() -> stores.transactions().run(() -> {
                    User stored = users.find(alice.username()).orElseThrow();
                    users.update(stored.withEnabled(false).requirePasswordChange());
                    users.add(TestUsers.aUser().named("bob").build());
                    stores.passwordHistory().push(alice.username(), TestUsers.defaultHash(), now);
                    stores.auditTrail().record(event("x"));
                    stores.policyStore().save(PasswordPolicy.classicComplex());
                    throw boom;
                }))
                .isSameAs(boom);

        assertThat(stores.database().state()).isEqualTo(before);
    }

    @Test
    void a_nested_call_joins_the_running_transaction() {
        assertThatThrownBy(() -> stores.transactions().run(() -> {
                    stores.transactions()
                            .run(() ->
                                    users.add(TestUsers.aUser().named("carol").build()));
                    assertThat(stores.transactions().inProgress()).isTrue();
                    throw new IllegalStateException("outer fails");
                }))
                .hasMessage("outer fails");
        assertThat(users.find(Username.of("carol"))).isEmpty();
    }

    @Test
    void update_is_optimistic_and_bumps_the_version() {
        users.add(TestUsers.aUser().named("dave").build());
        User stored = users.find(Username.of("dave")).orElseThrow();
        User updated = users.update(stored.requirePasswordChange());
        assertThat(updated.version()).isEqualTo(stored.version() + 1);
        assertThatThrownBy(() -> users.update(stored.withEnabled(false)))
                .isInstanceOfSatisfying(
                        ConflictException.class, e -> assertThat(e.reason()).isEqualTo(Reason.CONFLICT));
        assertThatThrownBy(() -> users.remove(stored.id(), stored.version())).isInstanceOf(ConflictException.class);
        users.remove(stored.id(), updated.version());
        assertThatThrownBy(() -> users.update(updated)).isInstanceOf(NotFoundException.class);
    }

    @Test
    void add_refuses_a_taken_username_and_stores_version_zero() {
        users.add(TestUsers.aUser().named("erin").build().atVersion(7));
        assertThat(users.find(Username.of("erin")).orElseThrow().version()).isZero();
        assertThatThrownBy(() -> users.add(TestUsers.aUser().named("ERIN").build()))
                .isInstanceOfSatisfying(
                        ConflictException.class, e -> assertThat(e.reason()).isEqualTo(Reason.ALREADY_EXISTS));
    }

    @Test
    void parallel_failed_logins_are_counted_exactly_and_lock_once() throws Exception {
        users.add(TestUsers.aUser().named("frank").build());
        dev.locksmith.core.domain.UserId frankId =
                users.find(Username.of("frank")).orElseThrow().id();
        dev.locksmith.core.domain.LoginState.Rule rule =
                new dev.locksmith.core.domain.LoginState.Rule(10, Optional.empty(), Optional.empty());
        ExecutorService pool = Executors.newFixedThreadPool(8);
        AtomicInteger locks = new AtomicInteger();
        List<Future<?>> futures = new ArrayList<>();
        for (int t = 0; t < 8; t++) {
            futures.add(pool.submit(() -> {
                for (int i = 0; i < 200; i++) {
                    UserAccounts.FailedLogin result = users.recordFailedLogin(frankId, now, rule);
                    if (result.lockedNow()) {
                        locks.incrementAndGet();
                    }
                }
            }));
        }
        for (Future<?> f : futures) {
            f.get();
        }
        pool.shutdown();
        User frank = users.find(Username.of("frank")).orElseThrow();
        assertThat(frank.failedLogins()).isEqualTo(1600);
        assertThat(locks).hasValue(1);
        assertThat(frank.isLockedAt(now)).isTrue();
    }

    @Test
    void search_is_a_case_insensitive_literal_substring_with_keyset_paging() {
        for (String name : List.of("anna", "bert", "cleo", "dora", "emil")) {
            users.add(TestUsers.aUser()
                    .named(name)
                    .displayName(name.toUpperCase() + " 50%_off")
                    .build());
        }
        users.add(TestUsers.aUser().named("zed").displayName("50 percent off").build());

        var first = users.search(new UserSearch("50%_OFF", Optional.empty(), 2));
        assertThat(first.items()).extracting(u -> u.username().value()).containsExactly("anna", "bert");
        assertThat(first.nextCursor()).contains("bert");
        var second = users.search(new UserSearch("50%_off", Optional.of(Username.of("bert")), 3));
        assertThat(second.items()).extracting(u -> u.username().value()).containsExactly("cleo", "dora", "emil");
        assertThat(second.nextCursor()).isEmpty();
    }

    @Test
    void history_keeps_the_newest_entries_up_to_the_maximum() {
        Username user = Username.of("gina");
        List<dev.locksmith.core.domain.PasswordHash> pushed = new ArrayList<>();
        for (int i = 0; i < PasswordPolicy.MAX_HISTORY + 3; i++) {
            var hash = new dev.locksmith.core.domain.PasswordHash("$test$" + i);
            pushed.add(0, hash);
            stores.passwordHistory().push(user, hash, now.plusSeconds(i));
        }
        assertThat(stores.passwordHistory().recent(user, 100))
                .containsExactlyElementsOf(pushed.subList(0, PasswordPolicy.MAX_HISTORY));
        assertThat(stores.passwordHistory().recent(user, 2)).containsExactlyElementsOf(pushed.subList(0, 2));
        stores.passwordHistory().forget(user);
        assertThat(stores.passwordHistory().recent(user, 5)).isEmpty();
    }

    @Test
    void audit_sequences_increase_and_reads_are_newest_first_and_filtered() {
        long a = stores.auditTrail().record(event("alice"));
        long b = stores.auditTrail().record(event("bob"));
        long c = stores.auditTrail().record(event("alice"));
        assertThat(a).isLessThan(b);
        assertThat(b).isLessThan(c);
        assertThat(stores.auditTrail().read(AuditTrail.Query.latest(10)))
                .extracting(r -> r.sequence())
                .containsExactly(c, b, a);
        assertThat(stores.auditTrail()
                        .read(new AuditTrail.Query(Optional.of(Username.of("alice")), Optional.of(c), 10)))
                .extracting(r -> r.sequence())
                .containsExactly(a);
    }

    private AuditEvent event(String target) {
        return new AuditEvent(
                now,
                Optional.empty(),
                Operation.AUTHENTICATE,
                Optional.of(Username.of(target)),
                AuditEvent.Outcome.SUCCESS,
                "OK",
                Map.of());
    }
}
