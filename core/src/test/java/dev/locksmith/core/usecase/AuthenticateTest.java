package dev.locksmith.core.usecase;

import static dev.locksmith.core.testing.LocksmithFixture.name;
import static dev.locksmith.core.testing.LocksmithFixture.password;
import static dev.locksmith.core.testing.TestUsers.aUser;
import static dev.locksmith.core.usecase.AuditAssertions.assertSuccessWithoutActor;
import static dev.locksmith.core.usecase.Refusals.assertRefused;
import static org.assertj.core.api.Assertions.assertThat;

import dev.locksmith.core.domain.AuditEvent;
import dev.locksmith.core.domain.Operation;
import dev.locksmith.core.domain.Password;
import dev.locksmith.core.domain.PasswordHash;
import dev.locksmith.core.domain.Reason;
import dev.locksmith.core.domain.UnavailableException;
import dev.locksmith.core.domain.User;
import dev.locksmith.core.port.PasswordHasher;
import dev.locksmith.core.testing.FakePasswordHasher;
import dev.locksmith.core.testing.LocksmithFixture;
import dev.locksmith.core.testing.TestClock;
import dev.locksmith.core.testing.TestUsers;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class AuthenticateTest {
    private static final String RIGHT = TestUsers.DEFAULT_PASSWORD;

    /** Counts verifications, to prove unknown users cost one too and provider users cost none. */
    static final class CountingHasher implements PasswordHasher {
        final FakePasswordHasher delegate = new FakePasswordHasher();
        final AtomicInteger verifies = new AtomicInteger();
        final AtomicInteger hashes = new AtomicInteger();
        /** Runs once, during the next verification: a change that lands while a password is being checked. */
        Runnable duringNextVerify;

        @Override
        public PasswordHash hash(Password password) {
            hashes.incrementAndGet();
            return delegate.hash(password);
        }

        @Override
        public boolean verify(Password password, PasswordHash hash) {
            verifies.incrementAndGet();
            boolean matches = delegate.verify(password, hash);
            Runnable hook = duringNextVerify;
            duringNextVerify = null;
            if (hook != null) {
                hook.run();
            }
            return matches;
        }

        @Override
        public boolean needsRehash(PasswordHash hash) {
            return delegate.needsRehash(hash);
        }
    }

    private final CountingHasher hasher = new CountingHasher();
    private final LocksmithFixture f = LocksmithFixture.create(b -> b.passwordHasher(hasher));

    private AuthenticationOutcome login(String username, String password) {
        return f.authenticate(username, password);
    }

    @Test
    void the_right_password_authenticates_and_resets_the_failed_count() {
        f.given(aUser().named("alice").failedLogins(3));
        assertThat(login("alice", RIGHT)).isEqualTo(new AuthenticationOutcome.Authenticated(name("alice")));
        assertThat(f.user("alice").failedLogins()).isZero();
        assertSuccessWithoutActor(f.lastAuditEvent(), Operation.AUTHENTICATE, "alice");
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
    void locks_at_the_threshold_once_and_then_answers_rejected_whatever_the_password() {
        f.given(aUser().named("alice"));
        for (int i = 0; i < 10; i++) {
            assertThat(login("alice", "guess " + i)).isEqualTo(new AuthenticationOutcome.Rejected());
        }
        assertThat(f.user("alice").isLockedAt(f.clock().instant())).isTrue();
        assertThat(f.auditEvents())
                .filteredOn(e -> e.action() == Operation.ACCOUNT_LOCKED)
                .singleElement()
                .satisfies(e -> assertThat(e.target()).contains(name("alice")));

        // While locked, a wrong and a right password get the answer a wrong password gets, at the same cost:
        // the lock is no oracle for guesses, and it does not tell that the account exists.
        int verifies = hasher.verifies.get();
        assertThat(login("alice", "guess 11")).isEqualTo(new AuthenticationOutcome.Rejected());
        assertThat(login("alice", RIGHT)).isEqualTo(new AuthenticationOutcome.Rejected());
        assertThat(login("nobody", "guess 12")).isEqualTo(new AuthenticationOutcome.Rejected());
        assertThat(hasher.verifies.get() - verifies)
                .as("one verification per attempt")
                .isEqualTo(3);
        assertThat(f.auditEvents())
                .filteredOn(e -> e.target().equals(Optional.of(name("alice"))))
                .last()
                .satisfies(e -> assertThat(e.code()).isEqualTo("LOCKED"));

        f.clock().advance(Duration.ofMinutes(30));
        assertThat(login("alice", RIGHT)).isEqualTo(new AuthenticationOutcome.Authenticated(name("alice")));
        assertThat(f.user("alice").failedLogins()).isZero();
        assertThat(f.user("alice").lock()).isEmpty();
        assertThat(f.user("alice").lastLoginAt()).contains(f.clock().instant());
    }

    @Test
    void one_guess_per_lock_period_cannot_keep_an_account_locked() {
        f.policy(p -> p.lockoutThreshold(3).lockoutDuration(Duration.ofMinutes(15)));
        f.given(aUser().named("alice"));
        for (int i = 0; i < 3; i++) {
            login("alice", "guess " + i);
        }
        assertThat(f.user("alice").isLockedAt(f.clock().instant())).isTrue();
        for (int period = 0; period < 5; period++) {
            f.clock().advance(Duration.ofMinutes(16));
            login("alice", "one more guess");
            assertThat(f.user("alice").isLockedAt(f.clock().instant()))
                    .as("period %d", period)
                    .isFalse();
            assertThat(f.user("alice").failedLogins()).isEqualTo(1);
        }
        assertThat(login("alice", RIGHT)).isEqualTo(new AuthenticationOutcome.Authenticated(name("alice")));
    }

    @Test
    void failures_older_than_the_observation_window_no_longer_count() {
        f.policy(p ->
                p.lockoutThreshold(3).lockoutDuration(Duration.ofMinutes(30)).lockoutWindow(Duration.ofMinutes(10)));
        f.given(aUser().named("alice"));
        login("alice", "guess 1");
        f.clock().advance(Duration.ofMinutes(9));
        login("alice", "guess 2");
        assertThat(f.user("alice").failedLogins()).isEqualTo(2);
        f.clock().advance(Duration.ofMinutes(11));
        login("alice", "guess 3");
        assertThat(f.user("alice").failedLogins()).isEqualTo(1);
        assertThat(f.user("alice").isLockedAt(f.clock().instant())).isFalse();
    }

    @Test
    void a_lock_that_lands_while_the_right_password_is_checked_wins_and_a_wrong_guess_gets_the_same_answer() {
        f.given(aUser().named("alice").failedLogins(8));
        LoginState_Rule rule = new LoginState_Rule();
        // Another guess reaches the threshold while this login's password is being checked.
        hasher.duringNextVerify =
                () -> f.users().recordFailedLogin(f.user("alice").id(), TestClock.START, rule.nine());

        assertThat(login("alice", RIGHT)).isEqualTo(new AuthenticationOutcome.Rejected());
        assertThat(f.lastAuditEvent().code()).isEqualTo("LOCKED");
        assertThat(f.user("alice").lock()).isPresent();
        assertThat(f.user("alice").failedLogins()).isEqualTo(9);

        f.given(aUser().named("bob").failedLogins(8));
        hasher.duringNextVerify =
                () -> f.users().recordFailedLogin(f.user("bob").id(), TestClock.START, rule.nine());
        assertThat(login("bob", "a wrong guess"))
                .as("same answer as the right password above")
                .isEqualTo(new AuthenticationOutcome.Rejected());
    }

    /** The lockout rule of the default policy with a threshold of 9. */
    private static final class LoginState_Rule {
        dev.locksmith.core.domain.LoginState.Rule nine() {
            return new dev.locksmith.core.domain.LoginState.Rule(
                    9, Optional.of(Duration.ofMinutes(30)), Optional.of(Duration.ofMinutes(30)));
        }
    }

    @Test
    void a_password_set_while_the_old_one_is_checked_turns_the_login_down_without_counting_a_failure() {
        User alice = f.given(aUser().named("alice"));
        hasher.duringNextVerify = () -> f.users()
                .update(f.user("alice")
                        .passwordSetByOther(
                                hasher.delegate.hash(password("a brand new passphrase")),
                                TestClock.START,
                                false,
                                Optional.empty()));

        assertThat(login("alice", RIGHT)).isEqualTo(new AuthenticationOutcome.Rejected());
        assertThat(f.lastAuditEvent().code()).isEqualTo("PASSWORD_CHANGED");
        assertThat(f.user("alice").failedLogins()).isZero();
        assertThat(f.user("alice").passwordHash()).isNotEqualTo(alice.passwordHash());
    }

    @Test
    void a_successful_login_is_a_login_only_when_nothing_must_be_changed() {
        f.given(aUser().named("alice"));
        f.given(aUser().named("bob").mustChangePassword());
        AuthenticationOutcome alice = login("alice", RIGHT);
        AuthenticationOutcome bob = login("bob", RIGHT);
        assertThat(alice.loggedIn()).isTrue();
        assertThat(alice.passwordChangeRequired()).isFalse();
        assertThat(bob).isEqualTo(new AuthenticationOutcome.MustChangePassword(name("bob")));
        assertThat(bob.loggedIn()).isFalse();
        assertThat(bob.passwordChangeRequired()).isTrue();
        assertThat(login("carol", RIGHT).loggedIn()).isFalse();
    }

    @Test
    void an_account_disabled_while_its_password_is_checked_answers_disabled() {
        f.given(aUser().named("alice"));
        hasher.duringNextVerify = () -> f.users().update(f.user("alice").withEnabled(false));

        assertThat(login("alice", RIGHT)).isEqualTo(new AuthenticationOutcome.Disabled());
    }

    @Test
    void a_lock_until_reset_holds_until_someone_resets_it() {
        f.policy(p -> p.lockoutThreshold(2).lockoutDuration(null));
        f.given(aUser().named("admin").administrator());
        f.given(aUser().named("alice"));
        login("alice", "guess one");
        login("alice", "guess two");
        f.clock().advance(Duration.ofDays(365));
        assertThat(login("alice", RIGHT)).isEqualTo(new AuthenticationOutcome.Rejected());
        assertThat(f.lastAuditEvent().code()).isEqualTo("LOCKED");
        f.locksmith().resetFailedLogins().execute(new ResetFailedLogins.Command(name("admin"), name("alice")));
        assertThat(login("alice", RIGHT)).isEqualTo(new AuthenticationOutcome.Authenticated(name("alice")));
    }

    @Test
    void lockout_off_never_locks() {
        f.policy(p -> p.lockoutThreshold(0));
        f.given(aUser().named("alice"));
        for (int i = 0; i < 20; i++) {
            login("alice", "guess " + i);
        }
        assertThat(login("alice", RIGHT)).isEqualTo(new AuthenticationOutcome.Authenticated(name("alice")));
    }

    @Test
    void a_disabled_account_answers_like_a_wrong_password_unless_the_password_is_right() {
        f.given(aUser().named("alice").disabled());
        f.given(aUser().named("bob"));
        assertThat(login("alice", "wrong password"))
                .isEqualTo(login("bob", "wrong password"))
                .isEqualTo(login("nobody", "wrong password"))
                .isEqualTo(new AuthenticationOutcome.Rejected());
        assertThat(f.user("alice").failedLogins()).isEqualTo(1);
        assertThat(login("alice", RIGHT)).isEqualTo(new AuthenticationOutcome.Disabled());
        assertThat(f.lastAuditEvent().outcome()).isEqualTo(AuditEvent.Outcome.REJECTED);
        assertThat(f.lastAuditEvent().code()).isEqualTo("DISABLED");
    }

    @Test
    void a_wrong_password_costs_one_verification_whatever_the_account() {
        f.given(aUser().named("alice").disabled());
        f.given(aUser().named("bob")
                .failedLogins(10)
                .locked(TestClock.START, TestClock.START.plus(Duration.ofMinutes(30))));
        f.given(aUser().named("carol"));
        login("warm", "up the dummy hash");
        for (String name : List.of("alice", "bob", "carol", "nobody")) {
            int before = hasher.verifies.get();
            assertThat(login(name, "wrong password")).as(name).isEqualTo(new AuthenticationOutcome.Rejected());
            assertThat(hasher.verifies.get() - before).as(name).isEqualTo(1);
        }
    }

    @Test
    void an_unreadable_stored_hash_is_a_typed_failure_never_a_match() {
        f.given(aUser().named("alice").passwordHash(new PasswordHash("$unknown$abc")));
        assertRefused(() -> login("alice", RIGHT), UnavailableException.class, Reason.HASH_UNSUPPORTED);
        assertThat(f.lastAuditEvent().outcome()).isEqualTo(AuditEvent.Outcome.FAILED);
        assertThat(f.lastAuditEvent().code()).isEqualTo("HASH_UNSUPPORTED");
    }

    @Test
    void parallel_failures_are_counted_exactly_with_lockout_off() throws Exception {
        f.policy(p -> p.lockoutThreshold(0));
        f.given(aUser().named("alice"));
        List<AuthenticationOutcome> outcomes = parallelGuesses(8, 25);
        assertThat(outcomes).hasSize(200).containsOnly(new AuthenticationOutcome.Rejected());
        assertThat(f.user("alice").failedLogins()).isEqualTo(200);
        assertThat(f.auditEvents())
                .filteredOn(e -> e.code().equals("WRONG_PASSWORD"))
                .hasSize(200);
        assertThat(f.auditEvents())
                .filteredOn(e -> e.action() == Operation.ACCOUNT_LOCKED)
                .isEmpty();
    }

    @Test
    void parallel_failures_lock_exactly_once_at_the_threshold_and_every_one_is_counted() throws Exception {
        f.given(aUser().named("alice"));
        List<AuthenticationOutcome> outcomes = parallelGuesses(8, 25);
        assertThat(f.user("alice").failedLogins()).isEqualTo(200);
        assertThat(f.user("alice").isLockedAt(f.clock().instant())).isTrue();
        assertThat(f.auditEvents())
                .filteredOn(e -> e.action() == Operation.ACCOUNT_LOCKED)
                .hasSize(1);
        assertThat(f.auditEvents())
                .filteredOn(e -> e.code().equals("WRONG_PASSWORD"))
                .hasSize(200);
        assertThat(outcomes).hasSize(200).containsOnly(new AuthenticationOutcome.Rejected());
    }

    private List<AuthenticationOutcome> parallelGuesses(int threads, int each) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        List<Future<List<AuthenticationOutcome>>> futures = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            futures.add(pool.submit(() -> {
                List<AuthenticationOutcome> mine = new ArrayList<>();
                for (int i = 0; i < each; i++) {
                    mine.add(login("alice", "parallel guess"));
                }
                return mine;
            }));
        }
        List<AuthenticationOutcome> all = new ArrayList<>();
        for (Future<List<AuthenticationOutcome>> future : futures) {
            all.addAll(future.get());
        }
        pool.shutdown();
        return all;
    }

    @Test
    void the_password_is_wiped() {
        f.given(aUser().named("alice"));
        Password given = password(RIGHT);
        f.locksmith().authenticate().execute(new Authenticate.Command(name("alice"), given));
        assertThat(given.isWiped()).isTrue();
    }
}
