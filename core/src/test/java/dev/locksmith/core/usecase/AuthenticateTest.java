package dev.locksmith.core.usecase;

import dev.locksmith.core.Locksmith;
import dev.locksmith.core.domain.AuditEvent;
import dev.locksmith.core.domain.ConflictException;
import dev.locksmith.core.domain.Password;
import dev.locksmith.core.domain.PasswordHash;
import dev.locksmith.core.domain.PasswordPolicy;
import dev.locksmith.core.domain.Reason;
import dev.locksmith.core.domain.UnavailableException;
import dev.locksmith.core.domain.User;
import dev.locksmith.core.port.PasswordHasher;
import dev.locksmith.core.testing.FakePasswordHasher;
import dev.locksmith.core.testing.LocksmithFixture;
import dev.locksmith.core.testing.TestClock;
import dev.locksmith.core.testing.TestUsers;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

import static dev.locksmith.core.testing.LocksmithFixture.name;
import static dev.locksmith.core.testing.LocksmithFixture.password;
import static dev.locksmith.core.testing.TestUsers.aUser;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class AuthenticateTest {
    private static final String RIGHT = TestUsers.DEFAULT_PASSWORD;

    /** Counts verifications, to prove unknown users cost one too and provider users cost none. */
    static final class CountingHasher implements PasswordHasher {
        final FakePasswordHasher delegate = new FakePasswordHasher();
        final AtomicInteger verifies = new AtomicInteger();
        final AtomicInteger hashes = new AtomicInteger();

        @Override public PasswordHash hash(Password password) {
            hashes.incrementAndGet();
            return delegate.hash(password);
        }
        @Override public boolean verify(Password password, PasswordHash hash) {
            verifies.incrementAndGet();
            return delegate.verify(password, hash);
        }
        @Override public boolean needsRehash(PasswordHash hash) {
            return delegate.needsRehash(hash);
        }
    }

    private final CountingHasher hasher = new CountingHasher();
    private final LocksmithFixture f = LocksmithFixture.create(b -> b.passwordHasher(hasher));

    private AuthenticationOutcome login(String username, String password) {
        return f.locksmith().authenticate().execute(new Authenticate.Command(name(username), password(password)));
    }

    @Test
    void the_right_password_authenticates_and_resets_the_failed_count() {
        f.given(aUser().named("alice").failedLogins(3));
        assertThat(login("alice", RIGHT)).isEqualTo(new AuthenticationOutcome.Authenticated(name("alice")));
        assertThat(f.user("alice").failedLogins()).isZero();
        AuditEvent event = f.lastAuditEvent();
        assertThat(event.action()).isEqualTo(AuditEvent.Action.AUTHENTICATE);
        assertThat(event.outcome()).isEqualTo(AuditEvent.Outcome.SUCCESS);
        assertThat(event.target()).contains(name("alice"));
        assertThat(event.actor()).isEmpty();
    }

    @Test
    void a_wrong_password_is_rejected_counted_and_audited() {
        f.given(aUser().named("alice"));
        assertThat(login("alice", "not my password")).isEqualTo(new AuthenticationOutcome.Rejected());
        assertThat(f.user("alice").failedLogins()).isEqualTo(1);
        assertThat(f.lastAuditEvent().outcome()).isEqualTo(AuditEvent.Outcome.REJECTED);
        assertThat(f.lastAuditEvent().code()).isEqualTo("WRONG_PASSWORD");
    }

    @Test
    void an_unknown_user_costs_one_verification_is_rejected_and_audited_without_a_target() {
        f.given(aUser().named("alice"));
        login("alice", "warm up the dummy");
        int before = hasher.verifies.get();
        assertThat(login("nobody", RIGHT)).isEqualTo(new AuthenticationOutcome.Rejected());
        assertThat(hasher.verifies.get() - before).isEqualTo(1);
        assertThat(f.lastAuditEvent().code()).isEqualTo("UNKNOWN_USER");
        assertThat(f.lastAuditEvent().target()).isEmpty();
        // the dummy hash is made once
        int hashes = hasher.hashes.get();
        login("nobody2", RIGHT);
        assertThat(hasher.hashes.get()).isEqualTo(hashes);
    }

    @Test
    void locks_at_the_threshold_once_and_reveals_the_lock_only_to_the_right_password() {
        f.given(aUser().named("alice"));
        for (int i = 0; i < 10; i++) {
            assertThat(login("alice", "guess " + i)).isEqualTo(new AuthenticationOutcome.Rejected());
        }
        assertThat(f.auditEvents()).filteredOn(e -> e.action() == AuditEvent.Action.ACCOUNT_LOCKED).singleElement()
                .satisfies(e -> assertThat(e.target()).contains(name("alice")));
        assertThat(login("alice", "guess 11")).isEqualTo(new AuthenticationOutcome.Rejected());
        assertThat(f.user("alice").failedLogins()).isEqualTo(11);

        assertThat(login("alice", RIGHT)).isEqualTo(new AuthenticationOutcome.Locked(Optional.of(TestClock.START.plus(Duration.ofMinutes(30)))));
        assertThat(f.lastAuditEvent().code()).isEqualTo("LOCKED");
        assertThat(f.user("alice").failedLogins()).isEqualTo(11);

        f.clock().advance(Duration.ofMinutes(30));
        assertThat(login("alice", RIGHT)).isEqualTo(new AuthenticationOutcome.Authenticated(name("alice")));
        assertThat(f.user("alice").failedLogins()).isZero();
        assertThat(f.user("alice").lock()).isEmpty();
    }

    @Test
    void a_lock_until_reset_holds_until_someone_resets_it() {
        f.policy(PasswordPolicy.builder().lockoutThreshold(2).lockoutDuration(null).build());
        f.given(aUser().named("admin").administrator());
        f.given(aUser().named("alice"));
        login("alice", "guess one");
        login("alice", "guess two");
        f.clock().advance(Duration.ofDays(365));
        assertThat(login("alice", RIGHT)).isEqualTo(new AuthenticationOutcome.Locked(Optional.empty()));
        f.locksmith().resetFailedLogins().execute(new ResetFailedLogins.Command(name("admin"), name("alice")));
        assertThat(login("alice", RIGHT)).isEqualTo(new AuthenticationOutcome.Authenticated(name("alice")));
    }

    @Test
    void lockout_off_never_locks() {
        f.policy(PasswordPolicy.builder().lockoutThreshold(0).build());
        f.given(aUser().named("alice"));
        for (int i = 0; i < 20; i++) {
            login("alice", "guess " + i);
        }
        assertThat(login("alice", RIGHT)).isEqualTo(new AuthenticationOutcome.Authenticated(name("alice")));
    }

    @Test
    void disabled_is_revealed_only_to_the_right_password() {
        f.given(aUser().named("alice").disabled());
        assertThat(login("alice", "wrong password")).isEqualTo(new AuthenticationOutcome.Rejected());
        assertThat(login("alice", RIGHT)).isEqualTo(new AuthenticationOutcome.Disabled());
        assertThat(f.lastAuditEvent().outcome()).isEqualTo(AuditEvent.Outcome.REJECTED);
        assertThat(f.lastAuditEvent().code()).isEqualTo("DISABLED");
    }

    @Test
    void an_expired_temporary_password_is_revealed_only_to_the_right_password() {
        f.given(aUser().named("alice").temporaryPasswordUntil(TestClock.START.plusSeconds(60)));
        assertThat(login("alice", RIGHT)).isEqualTo(new AuthenticationOutcome.MustChangePassword(name("alice")));
        f.clock().advance(Duration.ofSeconds(60));
        assertThat(login("alice", "wrong password")).isEqualTo(new AuthenticationOutcome.Rejected());
        assertThat(login("alice", RIGHT)).isEqualTo(new AuthenticationOutcome.TemporaryPasswordExpired());
    }

    @Test
    void must_change_and_expired_passwords_succeed_only_to_change_it() {
        f.policy(PasswordPolicy.builder().maxAge(Duration.ofDays(90)).build());
        f.given(aUser().named("alice").mustChangePassword());
        f.given(aUser().named("bob").passwordChangedAt(TestClock.START.minus(Duration.ofDays(90))));
        f.given(aUser().named("carol").passwordChangedAt(TestClock.START.minus(Duration.ofDays(89))));
        AuthenticationOutcome alice = login("alice", RIGHT);
        assertThat(alice).isEqualTo(new AuthenticationOutcome.MustChangePassword(name("alice")));
        assertThat(alice.succeeded()).isTrue();
        assertThat(login("bob", RIGHT)).isEqualTo(new AuthenticationOutcome.PasswordExpired(name("bob")));
        assertThat(login("carol", RIGHT)).isEqualTo(new AuthenticationOutcome.Authenticated(name("carol")));
    }

    @Test
    void provider_users_are_sent_to_their_provider_without_any_password_check() {
        f.given(aUser().named("dir").fromProvider("ldap"));
        f.given(aUser().named("shadow"));
        f.given(aUser().named("offdir").fromProvider("ldap").disabled());
        f.providers().claim("corp-ad", "shadow").claim("corp-ad", "onlyindirectory");
        int before = hasher.verifies.get();

        assertThat(login("dir", "anything")).isEqualTo(new AuthenticationOutcome.UseProvider("ldap"));
        assertThat(login("shadow", RIGHT)).isEqualTo(new AuthenticationOutcome.UseProvider("corp-ad"));
        assertThat(login("onlyindirectory", "x")).isEqualTo(new AuthenticationOutcome.UseProvider("corp-ad"));
        assertThat(login("offdir", "x")).isEqualTo(new AuthenticationOutcome.Disabled());
        assertThat(hasher.verifies.get()).isEqualTo(before);
        assertThat(f.user("shadow").failedLogins()).isZero();
    }

    @Test
    void an_outdated_hash_is_upgraded_at_a_successful_login() {
        PasswordHash weak;
        try (Password p = Password.of(RIGHT)) {
            weak = new FakePasswordHasher(8).hash(p);
        }
        f.given(aUser().named("alice").passwordHash(weak));
        assertThat(login("alice", RIGHT)).isEqualTo(new AuthenticationOutcome.Authenticated(name("alice")));
        PasswordHash upgraded = f.user("alice").passwordHash().orElseThrow();
        assertThat(upgraded).isNotEqualTo(weak);
        assertThat(f.hasher().needsRehash(upgraded)).isFalse();
        assertThat(f.passwordIs("alice", RIGHT)).isTrue();
        assertThat(f.lastAuditEvent().details()).containsEntry("rehashed", "true");
    }

    @Test
    void a_concurrent_change_during_the_upgrade_does_not_fail_the_login() {
        LocksmithFixture g = LocksmithFixture.create();
        AtomicInteger updates = new AtomicInteger();
        dev.locksmith.core.port.UserAccounts conflicting = g.users();
        dev.locksmith.core.port.UserAccounts racing = new dev.locksmith.core.port.UserAccounts() {
            @Override public Optional<User> find(dev.locksmith.core.domain.Username u) { return conflicting.find(u); }
            @Override public void add(User user) { conflicting.add(user); }
            @Override public User update(User user) {
                updates.incrementAndGet();
                throw ConflictException.concurrentChange(user.username());
            }
            @Override public void remove(dev.locksmith.core.domain.Username u, long v) { conflicting.remove(u, v); }
            @Override public FailedLogin recordFailedLogin(dev.locksmith.core.domain.Username u, java.time.Instant n, int t, Optional<Duration> d) {
                return conflicting.recordFailedLogin(u, n, t, d);
            }
            @Override public dev.locksmith.core.domain.Page<User> search(dev.locksmith.core.domain.UserSearch s) { return conflicting.search(s); }
            @Override public long countEnabledAdministrators() { return conflicting.countEnabledAdministrators(); }
        };
        Locksmith locksmith = Locksmith.builder().userAccounts(racing).passwordHistory(g.history()).auditTrail(g.audit())
                .policyStore(g.policies()).transactions(g.transactions()).passwordHasher(g.hasher()).blocklist(g.blocklist())
                .clock(g.clock()).build();
        PasswordHash weak;
        try (Password p = Password.of(RIGHT)) {
            weak = new FakePasswordHasher(8).hash(p);
        }
        g.given(aUser().named("alice").passwordHash(weak).failedLogins(2));

        AuthenticationOutcome outcome = locksmith.authenticate().execute(new Authenticate.Command(name("alice"), password(RIGHT)));

        assertThat(outcome).isEqualTo(new AuthenticationOutcome.Authenticated(name("alice")));
        assertThat(updates).hasValue(1);
        assertThat(g.lastAuditEvent().outcome()).isEqualTo(AuditEvent.Outcome.SUCCESS);
        assertThat(g.lastAuditEvent().details()).containsEntry("rehashed", "false");
    }

    @Test
    void an_unreadable_stored_hash_is_a_typed_failure_never_a_match() {
        f.given(aUser().named("alice").passwordHash(new PasswordHash("$unknown$abc")));
        assertThatThrownBy(() -> login("alice", RIGHT))
                .isInstanceOfSatisfying(UnavailableException.class, e -> assertThat(e.reason()).isEqualTo(Reason.HASH_UNSUPPORTED));
        assertThat(f.lastAuditEvent().outcome()).isEqualTo(AuditEvent.Outcome.FAILED);
        assertThat(f.lastAuditEvent().code()).isEqualTo("HASH_UNSUPPORTED");
    }

    @Test
    void parallel_failures_are_counted_exactly_and_lock_once() throws Exception {
        f.given(aUser().named("alice"));
        ExecutorService pool = Executors.newFixedThreadPool(8);
        List<Future<?>> futures = new ArrayList<>();
        for (int t = 0; t < 8; t++) {
            futures.add(pool.submit(() -> {
                for (int i = 0; i < 25; i++) {
                    login("alice", "parallel guess");
                }
            }));
        }
        for (Future<?> future : futures) {
            future.get();
        }
        pool.shutdown();
        assertThat(f.user("alice").failedLogins()).isEqualTo(200);
        assertThat(f.auditEvents()).filteredOn(e -> e.action() == AuditEvent.Action.ACCOUNT_LOCKED).hasSize(1);
        assertThat(f.auditEvents()).filteredOn(e -> e.code().equals("WRONG_PASSWORD")).hasSize(200);
    }

    @Test
    void the_password_is_wiped() {
        f.given(aUser().named("alice"));
        Password given = password(RIGHT);
        f.locksmith().authenticate().execute(new Authenticate.Command(name("alice"), given));
        assertThat(given.isWiped()).isTrue();
    }
}
