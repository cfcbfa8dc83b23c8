package dev.locksmith.jdbc;

import dev.locksmith.core.Locksmith;
import dev.locksmith.core.domain.Password;
import dev.locksmith.core.domain.PasswordHash;
import dev.locksmith.core.domain.PasswordPolicy;
import dev.locksmith.core.domain.Profile;
import dev.locksmith.core.domain.User;
import dev.locksmith.core.domain.Username;
import dev.locksmith.core.port.PasswordHasher;
import dev.locksmith.core.testing.FakePasswordHasher;
import dev.locksmith.core.testing.InMemoryBlocklist;
import dev.locksmith.core.usecase.Authenticate;
import dev.locksmith.core.usecase.AuthenticationOutcome;
import dev.locksmith.core.usecase.BootstrapAdministrator;
import dev.locksmith.core.usecase.CreateUser;
import dev.locksmith.core.usecase.SetPassword;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Small pools serve: a store whose pool holds a single connection starts (the schema migration does not take
 * a second one from it) and runs whole use cases through core; a pool of two serves 32 concurrent logins
 * whose password checks are slow, since no connection is held while a password is checked. Subclasses give
 * the database.
 */
abstract class SmallPoolScenarios {
    final TestStores stores = new TestStores();

    abstract TestStores.Location newLocation();

    @AfterEach
    void closeStores() {
        stores.close();
    }

    @Test
    void a_store_with_a_pool_of_one_connection_migrates_and_runs_use_cases() {
        JdbiStore store = stores.open(newLocation(), 1);
        Locksmith locksmith = Locksmith.builder()
                .userAccounts(store.userAccounts())
                .passwordHistory(store.passwordHistory())
                .auditTrail(store.auditTrail())
                .policyStore(store.policyStore())
                .transactions(store.transactions())
                .passwordHasher(new FakePasswordHasher())
                .blocklist(InMemoryBlocklist.common())
                .build();
        Username admin = Username.of("admin");
        Username alice = Username.of("alice");

        locksmith.bootstrapAdministrator().execute(new BootstrapAdministrator.Command(admin, Profile.named("Admin"),
                Password.of("a long enough first passphrase")));
        locksmith.createUser().execute(new CreateUser.Command(admin, alice, Profile.named("Alice"), Set.of(),
                Password.of("her own first passphrase here"), false));
        AuthenticationOutcome wrong = locksmith.authenticate().execute(
                new Authenticate.Command(alice, Password.of("not the right passphrase at all")));
        locksmith.setPassword().execute(new SetPassword.Command(admin, alice,
                Password.of("a passphrase chosen by the admin"), false, false));
        AuthenticationOutcome right = locksmith.authenticate().execute(
                new Authenticate.Command(alice, Password.of("a passphrase chosen by the admin")));

        assertThat(wrong).isInstanceOf(AuthenticationOutcome.Rejected.class);
        assertThat(right).isEqualTo(new AuthenticationOutcome.Authenticated(alice));
        assertThat(store.userAccounts().find(alice).orElseThrow().failedLogins()).isZero();
    }

    @Test
    void a_pool_of_two_serves_32_concurrent_logins_whose_password_checks_are_slow() throws Exception {
        // Each check takes 600 ms; a caller waits at most 5 s for a connection. Were a connection held during
        // the check, 32 callers on 2 connections would queue for up to 9.6 s, and some would fail UNAVAILABLE.
        JdbiStore store = stores.open(newLocation(), b -> b.maximumPoolSize(2).connectionTimeout(Duration.ofSeconds(5)));
        PasswordHasher slow = new SlowChecks(new FakePasswordHasher(), Duration.ofMillis(600));
        Username bob = Username.of("bob");
        store.userAccounts().add(User.newLocal(bob, Profile.named("Bob"), Set.of(),
                slow.hash(Password.of("bob's right passphrase")), Instant.now(), false, Optional.empty()));
        store.policyStore().save(PasswordPolicy.builder().lockoutThreshold(0).build());
        Locksmith locksmith = Locksmith.builder()
                .userAccounts(store.userAccounts())
                .passwordHistory(store.passwordHistory())
                .auditTrail(store.auditTrail())
                .policyStore(store.policyStore())
                .transactions(store.transactions())
                .passwordHasher(slow)
                .blocklist(InMemoryBlocklist.common())
                .build();
        int callers = 32;
        int rounds = 2;

        ExecutorService pool = Executors.newFixedThreadPool(callers);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<List<AuthenticationOutcome>>> futures = new ArrayList<>();
        try {
            for (int t = 0; t < callers; t++) {
                boolean right = t % 2 == 0;
                futures.add(pool.submit(() -> {
                    start.await();
                    List<AuthenticationOutcome> outcomes = new ArrayList<>();
                    for (int i = 0; i < rounds; i++) {
                        outcomes.add(locksmith.authenticate().execute(new Authenticate.Command(bob,
                                Password.of(right ? "bob's right passphrase" : "a wrong passphrase"))));
                    }
                    return outcomes;
                }));
            }
            start.countDown();
            List<AuthenticationOutcome> all = new ArrayList<>();
            for (Future<List<AuthenticationOutcome>> f : futures) {
                all.addAll(f.get(2, TimeUnit.MINUTES));
            }
            assertThat(all).hasSize(callers * rounds);
            assertThat(all).filteredOn(AuthenticationOutcome.Rejected.class::isInstance).hasSize(callers / 2 * rounds);
            assertThat(all).filteredOn(o -> o.equals(new AuthenticationOutcome.Authenticated(bob))).hasSize(callers / 2 * rounds);
        } finally {
            pool.shutdownNow();
        }
    }

    /** A hasher whose checks take a fixed extra time, as a costly hash's would. */
    private record SlowChecks(PasswordHasher delegate, Duration extra) implements PasswordHasher {
        @Override
        public PasswordHash hash(Password password) {
            return delegate.hash(password);
        }

        @Override
        public boolean verify(Password password, PasswordHash hash) {
            try {
                Thread.sleep(extra.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return delegate.verify(password, hash);
        }

        @Override
        public boolean needsRehash(PasswordHash hash) {
            return delegate.needsRehash(hash);
        }
    }
}
