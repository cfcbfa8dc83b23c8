package dev.locksmith.core.usecase;

import static dev.locksmith.core.testing.LocksmithFixture.name;
import static dev.locksmith.core.testing.LocksmithFixture.password;
import static dev.locksmith.core.testing.TestUsers.aUser;
import static dev.locksmith.core.usecase.Refusals.assertDenied;
import static dev.locksmith.core.usecase.Refusals.assertRefused;
import static org.assertj.core.api.Assertions.assertThat;

import dev.locksmith.core.domain.AuditEvent;
import dev.locksmith.core.domain.ConflictException;
import dev.locksmith.core.domain.NotFoundException;
import dev.locksmith.core.domain.Password;
import dev.locksmith.core.domain.PasswordHash;
import dev.locksmith.core.domain.PasswordPolicy;
import dev.locksmith.core.domain.Permission;
import dev.locksmith.core.domain.Profile;
import dev.locksmith.core.domain.Reason;
import dev.locksmith.core.domain.UnavailableException;
import dev.locksmith.core.domain.User;
import dev.locksmith.core.port.PasswordHasher;
import dev.locksmith.core.testing.FakePasswordHasher;
import dev.locksmith.core.testing.InMemoryDatabase;
import dev.locksmith.core.testing.LocksmithFixture;
import dev.locksmith.core.testing.TestUsers;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

/**
 * Use cases run their slow work (hashing, verifying) with no transaction open, then write in a short one that
 * re-reads actor and target: guessing never starves administration, and nothing stale is ever written.
 */
class SlowWorkOutsideTransactionsTest {

    /** A hasher that checks no transaction is open, may take its time, and may run a change while it works. */
    static final class SlowHasher implements PasswordHasher {
        final FakePasswordHasher delegate = new FakePasswordHasher();
        final List<String> inTransaction = new CopyOnWriteArrayList<>();
        volatile LocksmithFixture fixture;
        volatile Duration delay = Duration.ZERO;
        /** Runs during each of the next hashes (not verifications), with the attempt number from 1. */
        volatile Consumer<Integer> duringHash;

        final AtomicInteger hashes = new AtomicInteger();

        @Override
        public PasswordHash hash(Password password) {
            check("hash");
            int attempt = hashes.incrementAndGet();
            Consumer<Integer> hook = duringHash;
            if (hook != null) {
                hook.accept(attempt);
            }
            pause();
            return delegate.hash(password);
        }

        @Override
        public boolean verify(Password password, PasswordHash hash) {
            check("verify");
            pause();
            return delegate.verify(password, hash);
        }

        @Override
        public boolean needsRehash(PasswordHash hash) {
            return delegate.needsRehash(hash);
        }

        private void check(String what) {
            if (fixture != null && fixture.transactions().inProgress()) {
                inTransaction.add(what);
            }
        }

        private void pause() {
            if (!delay.isZero()) {
                try {
                    Thread.sleep(delay.toMillis());
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
        }
    }

    private final SlowHasher hasher = new SlowHasher();
    private final LocksmithFixture f = LocksmithFixture.create(b -> b.passwordHasher(hasher));

    {
        hasher.fixture = f;
        f.given(aUser().named("admin").administrator());
        f.given(aUser().named("rep").privileged());
        f.given(aUser().named("alice").email("alice@example.com"));
    }

    @Test
    void no_hash_or_verification_ever_runs_inside_a_transaction() {
        f.policy(PasswordPolicy.classicComplex());
        f.setPassword("rep", "alice", "Violet-lanterns-1");
        f.authenticate("alice", "Violet-lanterns-1");
        f.authenticate("alice", "wrong guess");
        f.authenticate("nobody", "wrong guess");
        f.changeOwnPassword("alice", "Violet-lanterns-1", "Amber-harbors-22");
        f.locksmith()
                .createUser()
                .execute(new CreateUser.Command(
                        name("admin"),
                        name("bob"),
                        Profile.named("Bob"),
                        Set.of(),
                        password("Quiet-meadow-333"),
                        false));
        f.locksmith()
                .generateTemporaryPassword()
                .execute(GenerateTemporaryPassword.Command.of(name("rep")))
                .wipe();

        assertThat(hasher.hashes.get()).isGreaterThanOrEqualTo(3);
        assertThat(hasher.inTransaction).isEmpty();
    }

    @Test
    void set_password_and_reset_succeed_on_an_account_under_a_stream_of_wrong_guesses() throws Exception {
        f.policy(p -> p.lockoutThreshold(5));
        hasher.delay = Duration.ofMillis(5);
        AtomicBoolean guessing = new AtomicBoolean(true);
        AtomicInteger guesses = new AtomicInteger();
        Thread guesser = new Thread(() -> {
            while (guessing.get()) {
                f.authenticate("alice", "a wrong guess");
                guesses.incrementAndGet();
            }
        });
        guesser.start();
        List<Throwable> failures = new ArrayList<>();
        try {
            for (int i = 0; i < 20; i++) {
                // Each round starts after at least one more guess, so guesses interleave with every call.
                int seen = guesses.get();
                long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
                while (guesses.get() == seen && System.nanoTime() < deadline) {
                    Thread.onSpinWait();
                }
                try {
                    f.setPassword(i % 2 == 0 ? "rep" : "admin", "alice", "a new passphrase number " + i);
                    f.locksmith()
                            .resetFailedLogins()
                            .execute(new ResetFailedLogins.Command(name("rep"), name("alice")));
                } catch (RuntimeException e) {
                    failures.add(e);
                }
            }
        } finally {
            guessing.set(false);
            guesser.join();
        }

        assertThat(failures).isEmpty();
        assertThat(guesses.get()).isGreaterThanOrEqualTo(20);
        assertThat(f.passwordIs("alice", "a new passphrase number 19")).isTrue();
        f.locksmith().resetFailedLogins().execute(new ResetFailedLogins.Command(name("rep"), name("alice")));
        assertThat(f.user("alice").failedLogins()).isZero();
        assertThat(f.user("alice").lock()).isEmpty();
    }

    @Test
    void a_set_password_clears_the_count_and_lock_left_by_guesses() {
        f.policy(p -> p.lockoutThreshold(3));
        for (int i = 0; i < 3; i++) {
            f.authenticate("alice", "guess " + i);
        }
        assertThat(f.user("alice").isLockedAt(f.clock().instant())).isTrue();
        long version = f.user("alice").version();

        f.setPassword("rep", "alice", "a fresh passphrase here");

        assertThat(f.user("alice").failedLogins()).isZero();
        assertThat(f.user("alice").lock()).isEmpty();
        assertThat(f.user("alice").version()).isEqualTo(version + 1);
    }

    @Test
    void an_actor_disabled_while_the_password_is_hashed_writes_nothing() {
        InMemoryDatabase.State before = f.stateWithoutAudit();
        hasher.duringHash = attempt -> f.users().update(f.user("rep").withEnabled(false));

        assertDenied(() -> f.setPassword("rep", "alice", "a fresh passphrase here"), Reason.DENIED_ACTOR_DISABLED);

        assertThat(f.passwordIs("alice", TestUsers.DEFAULT_PASSWORD)).isTrue();
        assertThat(f.user("alice")).isEqualTo(before.users().get(name("alice")));
        assertThat(f.lastAuditEvent().outcome()).isEqualTo(AuditEvent.Outcome.DENIED);
    }

    @Test
    void a_permission_revoked_while_the_password_is_hashed_writes_nothing() {
        hasher.duringHash = attempt -> f.users().update(f.user("rep").withPermissions(Set.of()));

        assertDenied(() -> f.setPassword("rep", "alice", "a fresh passphrase here"), Reason.DENIED_NOT_PERMITTED);
        assertThat(f.passwordIs("alice", TestUsers.DEFAULT_PASSWORD)).isTrue();
    }

    @Test
    void a_target_deleted_and_re_created_meanwhile_never_receives_the_write() {
        hasher.duringHash = attempt -> {
            if (attempt == 1) {
                User old = f.user("alice");
                f.users().remove(old.id(), old.version());
                f.users()
                        .add(aUser().named("alice")
                                .administrator()
                                .email("new.alice@example.com")
                                .build());
            }
        };
        User reborn;

        assertRefused(
                () -> f.setPassword("admin", "alice", "a fresh passphrase here"),
                NotFoundException.class,
                Reason.NOT_FOUND);

        reborn = f.user("alice");
        assertThat(reborn.isAdministrator()).isTrue();
        assertThat(reborn.profile().email()).map(Object::toString).contains("new.alice@example.com");
        assertThat(f.passwordIs("alice", TestUsers.DEFAULT_PASSWORD)).isTrue();
    }

    @Test
    void a_target_edited_during_the_slow_step_is_read_again_and_the_edit_is_kept() {
        hasher.duringHash = attempt -> {
            if (attempt == 1) {
                f.users().update(f.user("alice").withProfile(Profile.named("Alice Edited")));
            }
        };

        f.setPassword("rep", "alice", "a fresh passphrase here");

        assertThat(hasher.hashes.get()).as("started again once").isEqualTo(2);
        assertThat(f.passwordIs("alice", "a fresh passphrase here")).isTrue();
        assertThat(f.user("alice").profile().publicName()).isEqualTo("Alice Edited");
    }

    @Test
    void a_target_that_keeps_changing_ends_in_a_conflict_after_three_attempts_and_nothing_is_written() {
        hasher.duringHash = attempt -> f.users().update(f.user("alice").withProfile(Profile.named("Edit " + attempt)));

        assertRefused(
                () -> f.setPassword("rep", "alice", "a fresh passphrase here"),
                ConflictException.class,
                Reason.CONFLICT);

        assertThat(hasher.hashes.get()).isEqualTo(3);
        assertThat(f.passwordIs("alice", TestUsers.DEFAULT_PASSWORD)).isTrue();
        assertThat(f.lastAuditEvent().code()).isEqualTo("CONFLICT");
    }

    @Test
    void a_privileged_user_who_must_change_their_password_may_not_set_others_until_they_do() {
        f.users().update(f.user("rep").requirePasswordChange());

        assertDenied(
                () -> f.setPassword("rep", "alice", "a fresh passphrase here"), Reason.DENIED_PASSWORD_CHANGE_REQUIRED);
        assertDenied(
                () -> f.locksmith()
                        .searchUsers()
                        .execute(SearchUsers.Command.of(name("rep"), "", Optional.empty(), 10)),
                Reason.DENIED_PASSWORD_CHANGE_REQUIRED);
        assertThat(f.locksmith().readPolicy().execute(new ReadPolicy.Command(name("rep"))))
                .isNotNull();

        f.changeOwnPassword("rep", TestUsers.DEFAULT_PASSWORD, "my own new passphrase");
        f.setPassword("rep", "alice", "a fresh passphrase here");
        assertThat(f.passwordIs("alice", "a fresh passphrase here")).isTrue();
    }

    @Test
    void an_actor_whose_password_expired_may_do_nothing_but_change_it() {
        f.policy(p -> p.maxAge(Duration.ofDays(90)));
        f.clock().advance(Duration.ofDays(91));
        f.given(aUser().named("fresh").privileged().passwordChangedAt(f.clock().instant()));

        assertDenied(
                () -> f.setPassword("rep", "alice", "a fresh passphrase here"), Reason.DENIED_PASSWORD_CHANGE_REQUIRED);
        f.setPassword("fresh", "alice", "a fresh passphrase here");
    }

    @Test
    void an_imported_hash_of_a_password_typed_with_fullwidth_letters_verifies_and_is_replaced() {
        // Other systems hash the password as typed; Locksmith normalizes (NFKC) first.
        String typed = "ｐａｓｓｗｏｒｄ ｏｆ ｍｙ ｏｗｎ";
        PasswordHash imported;
        try (Password asTyped = password(typed).typedForm().orElseThrow()) {
            imported = hasher.delegate.hash(asTyped);
        }
        f.given(aUser().named("kana").passwordHash(imported));
        assertThat(hasher.delegate.verify(password(typed), imported))
                .as("the normalized form alone")
                .isFalse();

        AuthenticationOutcome outcome = f.authenticate("kana", typed);

        assertThat(outcome).isEqualTo(new AuthenticationOutcome.Authenticated(name("kana")));
        PasswordHash replaced = f.user("kana").passwordHash().orElseThrow();
        assertThat(replaced).isNotEqualTo(imported);
        assertThat(hasher.delegate.verify(password(typed), replaced))
                .as("now a hash of the normalized form")
                .isTrue();
        assertThat(f.lastAuditEvent().details()).containsEntry("rehashed", "true");
        assertThat(f.authenticate("kana", "password of my own"))
                .as("NFKC form, the one Locksmith checks from now on")
                .isEqualTo(new AuthenticationOutcome.Authenticated(name("kana")));
    }

    @Test
    void a_provider_that_checks_passwords_authenticates_its_users_and_its_refusals_count() {
        f.providers().claim("corp-ad", "dave").password("dave", "directory passphrase");
        f.given(aUser().named("dave").fromProvider("corp-ad"));

        assertThat(f.authenticate("dave", "directory passphrase"))
                .isEqualTo(new AuthenticationOutcome.Authenticated(name("dave"), Optional.of("corp-ad")));
        assertThat(f.user("dave").lastLoginAt()).contains(f.clock().instant());

        assertThat(f.authenticate("dave", "wrong")).isEqualTo(new AuthenticationOutcome.Rejected());
        assertThat(f.user("dave").failedLogins()).isEqualTo(1);
        assertThat(f.authenticate("dave", ""))
                .as("an empty password is never sent to the directory")
                .isEqualTo(new AuthenticationOutcome.Rejected());

        f.providers().unreachable(true);
        assertThat(f.authenticate("dave", "directory passphrase"))
                .isEqualTo(new AuthenticationOutcome.ProviderUnavailable(Optional.empty()));
        assertThat(f.user("dave").failedLogins())
                .as("an outage is not a wrong password")
                .isEqualTo(2);
    }

    @Test
    void an_unreachable_directory_gets_the_stricter_answer() {
        f.providers().unreachable(true);

        assertRefused(
                () -> f.setPassword("rep", "alice", "a fresh passphrase here"),
                UnavailableException.class,
                Reason.PROVIDER_UNREACHABLE);
        assertThat(f.authenticate("alice", TestUsers.DEFAULT_PASSWORD))
                .isEqualTo(new AuthenticationOutcome.ProviderUnavailable(Optional.empty()));
        SearchUsers.Result page = f.locksmith()
                .searchUsers()
                .execute(SearchUsers.Command.of(name("admin"), "alice", Optional.empty(), 10));
        assertThat(page.page().items()).singleElement().satisfies(row -> {
            assertThat(row.affordances())
                    .doesNotContain(SearchUsers.Affordance.CHANGE_PASSWORD)
                    .contains(SearchUsers.Affordance.RESET_FAILED_LOGINS);
            assertThat(row.source().toString()).contains(SearchUsers.UNREACHABLE_PROVIDER);
        });

        f.providers().unreachable(false);
        f.setPassword("rep", "alice", "a fresh passphrase here");
        assertThat(f.passwordIs("alice", "a fresh passphrase here")).isTrue();
    }

    @Test
    void search_shows_administrators_the_last_login_and_when_a_lock_ends() {
        f.policy(p -> p.lockoutThreshold(1).lockoutDuration(Duration.ofMinutes(15)));
        f.authenticate("rep", TestUsers.DEFAULT_PASSWORD);
        f.authenticate("alice", "a wrong guess");

        List<SearchUsers.Row> rows = f.locksmith()
                .searchUsers()
                .execute(SearchUsers.Command.of(name("admin"), "", Optional.empty(), 10))
                .page()
                .items();

        assertThat(rows)
                .filteredOn(r -> r.username().equals(name("rep")))
                .singleElement()
                .satisfies(r -> assertThat(r.details().orElseThrow().lastLoginAt())
                        .contains(f.clock().instant()));
        assertThat(rows)
                .filteredOn(r -> r.username().equals(name("alice")))
                .singleElement()
                .satisfies(r -> assertThat(r.details().orElseThrow().lockedUntil())
                        .contains(f.clock().instant().plus(Duration.ofMinutes(15))));
        assertThat(f.user("admin").permissions()).contains(Permission.ADMINISTRATOR);
    }
}
