package dev.locksmith.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import dev.locksmith.core.Locksmith;
import dev.locksmith.core.domain.Password;
import dev.locksmith.core.domain.PasswordHash;
import dev.locksmith.core.domain.PasswordPolicy;
import dev.locksmith.core.domain.Permission;
import dev.locksmith.core.domain.Profile;
import dev.locksmith.core.domain.User;
import dev.locksmith.core.domain.Username;
import dev.locksmith.core.port.PasswordHasher;
import dev.locksmith.core.testing.FakePasswordHasher;
import dev.locksmith.core.usecase.Authenticate;
import dev.locksmith.core.usecase.AuthenticationOutcome;
import dev.locksmith.core.usecase.ReadPolicy;
import dev.locksmith.core.usecase.ResetFailedLogins;
import dev.locksmith.core.usecase.SetPassword;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * Slow work never holds a connection and login bookkeeping never conflicts with administration, on a real
 * database: a small pool serves many concurrent logins whose hashing takes time, and the help desk's
 * set-password and reset succeed on an account under a stream of wrong guesses. The hasher is a cheap test
 * one made slow by a sleep, so the test does not depend on the machine's speed. The test class it is nested in gives the database.
 */
abstract class SlowWorkScenarios extends DatabaseScenarios {
    private static final Duration HASHING = Duration.ofMillis(40);

    /** A test hasher whose every hash and verification takes {@link #HASHING}, as Argon2 takes its time. */
    static final class SlowHasher implements PasswordHasher {
        private final FakePasswordHasher delegate = new FakePasswordHasher();

        @Override
        public PasswordHash hash(Password password) {
            pause();
            return delegate.hash(password);
        }

        @Override
        public boolean verify(Password password, PasswordHash hash) {
            pause();
            return delegate.verify(password, hash);
        }

        @Override
        public boolean needsRehash(PasswordHash hash) {
            return delegate.needsRehash(hash);
        }

        private static void pause() {
            try {
                Thread.sleep(HASHING.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private static Locksmith locksmith(JdbiStore store, PasswordHasher hasher) {
        return Stores.locksmith(store, hasher).build();
    }

    private static void add(JdbiStore store, PasswordHasher hasher, String name, Set<Permission> permissions) {
        store.userAccounts()
                .add(User.newLocal(
                        Username.of(name),
                        Profile.named("User " + name),
                        permissions,
                        hasher.hash(Password.of("the right passphrase of " + name)),
                        Instant.now(),
                        false,
                        Optional.empty()));
    }

    @Test
    void a_pool_of_two_serves_32_concurrent_logins_and_an_administrator_without_unavailable() throws Exception {
        JdbiStore store =
                stores.open(newLocation(), b -> b.maximumPoolSize(2).connectionTimeout(Duration.ofSeconds(2)));
        SlowHasher hasher = new SlowHasher();
        for (int i = 0; i < 32; i++) {
            add(store, hasher, "user" + i, Set.of());
        }
        add(store, hasher, "admin", Set.of(Permission.ADMINISTRATOR));
        Locksmith locksmith = locksmith(store, hasher);
        ConcurrentLinkedQueue<Throwable> failures = new ConcurrentLinkedQueue<>();
        AtomicInteger authenticated = new AtomicInteger();
        AtomicInteger policyReads = new AtomicInteger();
        List<Together.Task> tasks = new ArrayList<>();
        for (int t = 0; t < 32; t++) {
            Username user = Username.of("user" + t);
            tasks.add(() -> {
                for (int i = 0; i < 5; i++) {
                    try {
                        AuthenticationOutcome outcome = locksmith
                                .authenticate()
                                .execute(new Authenticate.Command(
                                        user,
                                        Password.of(
                                                (i % 2 == 0 ? "the right passphrase of " : "wrong ") + user.value())));
                        if (outcome.loggedIn()) {
                            authenticated.incrementAndGet();
                        }
                    } catch (RuntimeException e) {
                        failures.add(e);
                    }
                }
            });
        }
        tasks.add(() -> {
            for (int i = 0; i < 20; i++) {
                try {
                    locksmith.readPolicy().execute(new ReadPolicy.Command(Username.of("admin")));
                    policyReads.incrementAndGet();
                } catch (RuntimeException e) {
                    failures.add(e);
                }
            }
        });
        Together.run(tasks);

        assertThat(failures).isEmpty();
        assertThat(authenticated).hasValue(32 * 3);
        assertThat(policyReads).hasValue(20);
        assertThat(store.userAccounts().find(Username.of("user0")).orElseThrow().failedLogins())
                .isZero();
    }

    @Test
    void set_password_and_reset_succeed_on_an_account_under_a_stream_of_wrong_guesses() throws Exception {
        JdbiStore store = stores.open(newLocation(), 8);
        SlowHasher hasher = new SlowHasher();
        store.policyStore().save(PasswordPolicy.builder().lockoutThreshold(5).build());
        add(store, hasher, "admin", Set.of(Permission.ADMINISTRATOR));
        add(store, hasher, "rep", Set.of(Permission.SET_PASSWORDS));
        add(store, hasher, "alice", Set.of());
        Locksmith locksmith = locksmith(store, new FakePasswordHasher());
        Locksmith guessing = locksmith(store, new FakePasswordHasher());
        Username alice = Username.of("alice");
        AtomicBoolean running = new AtomicBoolean(true);
        AtomicInteger guesses = new AtomicInteger();
        List<Thread> guessers = new ArrayList<>();
        for (int t = 0; t < 3; t++) {
            Thread guesser = new Thread(() -> {
                while (running.get()) {
                    guessing.authenticate().execute(new Authenticate.Command(alice, Password.of("a wrong guess")));
                    guesses.incrementAndGet();
                }
            });
            guesser.start();
            guessers.add(guesser);
        }
        // The help desk hashes slowly (a real Argon2 takes tens of milliseconds) while guesses keep landing.
        Locksmith helpDesk = locksmith(store, hasher);
        List<Throwable> failures = new ArrayList<>();
        try {
            for (int i = 0; i < 10; i++) {
                // Each call starts after at least one more guess landed, so the two interleave on any machine.
                int before = guesses.get();
                long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
                while (guesses.get() == before && System.nanoTime() < deadline) {
                    Thread.onSpinWait();
                }
                try {
                    helpDesk.setPassword()
                            .execute(SetPassword.Command.of(
                                    Username.of(i % 2 == 0 ? "rep" : "admin"),
                                    alice,
                                    Password.of("a new passphrase number " + i)));
                    helpDesk.resetFailedLogins().execute(new ResetFailedLogins.Command(Username.of("rep"), alice));
                } catch (RuntimeException e) {
                    failures.add(e);
                }
            }
        } finally {
            running.set(false);
            for (Thread guesser : guessers) {
                guesser.join();
            }
        }

        assertThat(failures).isEmpty();
        assertThat(guesses.get()).isGreaterThanOrEqualTo(10);
        helpDesk.resetFailedLogins().execute(new ResetFailedLogins.Command(Username.of("rep"), alice));
        User after = store.userAccounts().find(alice).orElseThrow();
        assertThat(after.failedLogins()).isZero();
        assertThat(after.lock()).isEmpty();
        assertThat(locksmith
                        .authenticate()
                        .execute(new Authenticate.Command(alice, Password.of("a new passphrase number 9"))))
                .isEqualTo(new AuthenticationOutcome.Authenticated(alice));
    }
}
