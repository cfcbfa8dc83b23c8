package dev.locksmith.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import dev.locksmith.core.Locksmith;
import dev.locksmith.core.domain.Password;
import dev.locksmith.core.domain.Profile;
import dev.locksmith.core.domain.Username;
import dev.locksmith.core.testing.FakePasswordHasher;
import dev.locksmith.core.usecase.Authenticate;
import dev.locksmith.core.usecase.AuthenticationOutcome;
import dev.locksmith.core.usecase.BootstrapAdministrator;
import dev.locksmith.core.usecase.CreateUser;
import dev.locksmith.core.usecase.SetPassword;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * A store whose pool holds a single connection starts (the schema migration does not take a second one from
 * it) and runs whole use cases through core. The test class it is nested in gives the database.
 */
abstract class PoolOfOneScenarios extends DatabaseScenarios {

    @Test
    void a_store_with_a_pool_of_one_connection_migrates_and_runs_use_cases() {
        JdbiStore store = stores.open(newLocation(), 1);
        Locksmith locksmith = Stores.locksmith(store, new FakePasswordHasher()).build();
        Username admin = Username.of("admin");
        Username alice = Username.of("alice");

        locksmith
                .bootstrapAdministrator()
                .execute(new BootstrapAdministrator.Command(
                        admin, Profile.named("Admin"), Password.of("a long enough first passphrase")));
        locksmith
                .createUser()
                .execute(new CreateUser.Command(
                        admin,
                        alice,
                        Profile.named("Alice"),
                        Set.of(),
                        Password.of("her own first passphrase here"),
                        false));
        AuthenticationOutcome wrong = locksmith
                .authenticate()
                .execute(new Authenticate.Command(alice, Password.of("not the right passphrase at all")));
        locksmith
                .setPassword()
                .execute(new SetPassword.Command(
                        admin, alice, Password.of("a passphrase chosen by the admin"), false, false));
        AuthenticationOutcome right = locksmith
                .authenticate()
                .execute(new Authenticate.Command(alice, Password.of("a passphrase chosen by the admin")));

        assertThat(wrong).isInstanceOf(AuthenticationOutcome.Rejected.class);
        assertThat(right).isEqualTo(new AuthenticationOutcome.Authenticated(alice));
        assertThat(store.userAccounts().find(alice).orElseThrow().failedLogins())
                .isZero();
    }
}
