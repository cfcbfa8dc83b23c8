package dev.locksmith.ldap;

import static dev.locksmith.core.testing.TestUsers.aUser;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.locksmith.core.domain.AccessDeniedException;
import dev.locksmith.core.domain.AuditEvent;
import dev.locksmith.core.domain.Operation;
import dev.locksmith.core.domain.Password;
import dev.locksmith.core.domain.Reason;
import dev.locksmith.core.domain.Username;
import dev.locksmith.core.testing.InMemoryDatabase;
import dev.locksmith.core.testing.LocksmithFixture;
import dev.locksmith.core.usecase.Authenticate;
import dev.locksmith.core.usecase.AuthenticationOutcome;
import dev.locksmith.core.usecase.OpenChangePasswordForm;
import dev.locksmith.core.usecase.ResetFailedLogins;
import dev.locksmith.core.usecase.SetPassword;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Core's use cases with the LDIF security providers wired in. "dave" has a LOCAL record in the store, but the
 * directory claims his username: the stricter answer wins, so nobody can set his password here, a privileged
 * user may still reset his failed logins, and his login is sent to the directory.
 */
class DirectoryUsersEndToEndTest {
    private static final String NEW_PASSWORD = "violet lanterns drift east";

    @TempDir
    Path folder;

    private LdifSecurityProviders providers;
    private LocksmithFixture fixture;

    @BeforeEach
    void wire() {
        Path ldif = folder.resolve("corp.ldif");
        Fixtures.write(ldif, Fixtures.entries("Dave"));
        providers = LdifSecurityProviders.builder()
                .provider(LdifProvider.builder("corp-ad", ProviderKind.ACTIVE_DIRECTORY)
                        .ldif(ldif)
                        .build())
                .build();
        fixture = LocksmithFixture.create(builder -> builder.securityProviders(providers));
        fixture.given(aUser().named("admin").administrator());
        fixture.given(aUser().named("rep").privileged());
        fixture.given(aUser().named("dave").failedLogins(4));
        fixture.given(aUser().named("erin"));
    }

    @AfterEach
    void close() {
        providers.close();
    }

    @Test
    void a_privileged_user_cannot_set_the_password_of_a_user_only_the_directory_claims() {
        assertSetPasswordRefusedAsProviderManaged("rep");
    }

    @Test
    void an_administrator_gets_the_managed_by_provider_refusal_for_a_directory_user() {
        assertSetPasswordRefusedAsProviderManaged("admin");
    }

    @Test
    void the_change_password_form_of_a_directory_user_is_refused_too() {
        AccessDeniedException denied = catchThrowableOfType(
                AccessDeniedException.class,
                () -> fixture.locksmith()
                        .openChangePasswordForm()
                        .execute(new OpenChangePasswordForm.Command(Username.of("rep"), Username.of("dave"))));

        assertThat(denied.reason()).isEqualTo(Reason.DENIED_TARGET_MANAGED_BY_PROVIDER);
    }

    @Test
    void a_local_user_the_directory_does_not_claim_can_still_be_set() {
        fixture.locksmith()
                .setPassword()
                .execute(new SetPassword.Command(
                        Username.of("rep"), Username.of("erin"), Password.of(NEW_PASSWORD), false, true));

        assertThat(fixture.passwordIs("erin", NEW_PASSWORD)).isTrue();
    }

    @Test
    void a_privileged_user_may_reset_the_failed_logins_of_a_directory_user() {
        fixture.locksmith()
                .resetFailedLogins()
                .execute(new ResetFailedLogins.Command(Username.of("rep"), Username.of("dave")));

        assertThat(fixture.user("dave").failedLogins()).isZero();
    }

    @Test
    void a_directory_user_logging_in_is_sent_to_the_directory() {
        AuthenticationOutcome outcome = fixture.locksmith()
                .authenticate()
                .execute(new Authenticate.Command(Username.of("DAVE"), Password.of("whatever he typed here")));

        assertThat(outcome).isEqualTo(new AuthenticationOutcome.UseProvider("corp-ad"));
    }

    @Test
    void a_reload_that_adds_a_user_to_the_directory_takes_effect_for_the_next_request() {
        Fixtures.replace(folder.resolve("corp.ldif"), Fixtures.entries("Dave", "erin"));
        providers.reload();

        AccessDeniedException denied = catchThrowableOfType(
                AccessDeniedException.class,
                () -> fixture.locksmith()
                        .setPassword()
                        .execute(new SetPassword.Command(
                                Username.of("rep"), Username.of("erin"), Password.of(NEW_PASSWORD), false, false)));

        assertThat(denied.reason()).isEqualTo(Reason.DENIED_TARGET_MANAGED_BY_PROVIDER);
    }

    private void assertSetPasswordRefusedAsProviderManaged(String actor) {
        InMemoryDatabase.State before = fixture.database().state().withoutAudit();

        AccessDeniedException denied = catchThrowableOfType(
                AccessDeniedException.class,
                () -> fixture.locksmith()
                        .setPassword()
                        .execute(new SetPassword.Command(
                                Username.of(actor), Username.of("dave"), Password.of(NEW_PASSWORD), false, true)));

        assertThat(denied).isNotNull();
        assertThat(denied.reason()).isEqualTo(Reason.DENIED_TARGET_MANAGED_BY_PROVIDER);
        assertThat(fixture.database().state().withoutAudit()).isEqualTo(before);
        assertThat(fixture.auditEvents()).last().satisfies(event -> {
            assertThat(event.action()).isEqualTo(Operation.SET_PASSWORD);
            assertThat(event.outcome()).isEqualTo(AuditEvent.Outcome.DENIED);
            assertThat(event.actor()).contains(Username.of(actor));
            assertThat(event.target()).contains(Username.of("dave"));
            assertThat(event.code()).isEqualTo(Reason.DENIED_TARGET_MANAGED_BY_PROVIDER.name());
        });
    }
}
