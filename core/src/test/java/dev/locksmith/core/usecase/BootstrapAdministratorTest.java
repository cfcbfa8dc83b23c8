package dev.locksmith.core.usecase;

import static dev.locksmith.core.testing.LocksmithFixture.name;
import static dev.locksmith.core.testing.LocksmithFixture.password;
import static dev.locksmith.core.testing.TestUsers.aUser;
import static dev.locksmith.core.usecase.AuditAssertions.assertSuccessWithoutActor;
import static dev.locksmith.core.usecase.Refusals.assertDenied;
import static dev.locksmith.core.usecase.Refusals.assertInvalid;
import static dev.locksmith.core.usecase.Refusals.assertRefused;
import static dev.locksmith.core.usecase.Refusals.assertViolations;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.locksmith.core.domain.AccessDeniedException;
import dev.locksmith.core.domain.AuditEvent;
import dev.locksmith.core.domain.ConflictException;
import dev.locksmith.core.domain.EmailAddress;
import dev.locksmith.core.domain.InvalidInputException;
import dev.locksmith.core.domain.Operation;
import dev.locksmith.core.domain.Password;
import dev.locksmith.core.domain.Permission;
import dev.locksmith.core.domain.PolicyViolation;
import dev.locksmith.core.domain.Profile;
import dev.locksmith.core.domain.Reason;
import dev.locksmith.core.domain.Source;
import dev.locksmith.core.domain.User;
import dev.locksmith.core.testing.InMemoryDatabase;
import dev.locksmith.core.testing.LocksmithFixture;
import dev.locksmith.core.testing.TestClock;
import java.util.Set;
import org.junit.jupiter.api.Test;

class BootstrapAdministratorTest {
    private static final String PASSPHRASE = "first light over the harbour";
    private static final Profile ROOT = Profile.named("Appliance Admin").withEmail(EmailAddress.of("root@example.com"));

    private final LocksmithFixture f = LocksmithFixture.create();

    private void bootstrap(String username, String password) {
        f.locksmith()
                .bootstrapAdministrator()
                .execute(new BootstrapAdministrator.Command(name(username), ROOT, password(password)));
    }

    @Test
    void creates_a_local_enabled_administrator_on_an_empty_store_who_can_log_in_and_administer() {
        bootstrap("root", PASSPHRASE);

        User root = f.user("root");
        assertThat(root.isAdministrator()).isTrue();
        assertThat(root.enabled()).isTrue();
        assertThat(root.source()).isEqualTo(Source.local());
        assertThat(root.profile()).isEqualTo(ROOT);
        assertThat(root.mustChangePassword()).isFalse();
        assertThat(root.passwordChangedAt()).contains(TestClock.START);
        assertThat(f.passwordIs("root", PASSPHRASE)).isTrue();
        assertThat(f.authenticate("root", PASSPHRASE)).isEqualTo(new AuthenticationOutcome.Authenticated(name("root")));
        f.locksmith()
                .createUser()
                .execute(new CreateUser.Command(
                        name("root"),
                        name("rep"),
                        Profile.named("Rep"),
                        Set.of(Permission.SET_PASSWORDS),
                        password("quiet harbor at dawn"),
                        false));
        assertThat(f.user("rep").isPrivileged()).isTrue();
    }

    @Test
    void is_audited_as_a_bootstrap_without_actor() {
        bootstrap("root", PASSPHRASE);

        assertSuccessWithoutActor(f.auditEvents().get(0), Operation.BOOTSTRAP_ADMINISTRATOR, "root");
    }

    @Test
    void is_denied_once_an_enabled_administrator_exists_and_changes_nothing_but_the_audit() {
        f.given(aUser().named("admin").administrator());
        InMemoryDatabase.State before = f.stateWithoutAudit();

        assertDenied(() -> bootstrap("intruder", PASSPHRASE), Reason.DENIED_NOT_PERMITTED);

        assertThat(f.stateWithoutAudit()).isEqualTo(before);
        assertThat(f.lastAuditEvent().outcome()).isEqualTo(AuditEvent.Outcome.DENIED);
        assertThat(f.lastAuditEvent().code()).isEqualTo("DENIED_NOT_PERMITTED");
        assertThat(f.lastAuditEvent().action()).isEqualTo(Operation.BOOTSTRAP_ADMINISTRATOR);
    }

    @Test
    void a_second_bootstrap_is_denied() {
        bootstrap("root", PASSPHRASE);

        assertDenied(() -> bootstrap("root2", "another long passphrase"), Reason.DENIED_NOT_PERMITTED);
        assertThat(f.users().find(name("root2"))).isEmpty();
    }

    @Test
    void succeeds_when_every_administrator_is_disabled() {
        f.given(aUser().named("old-admin").administrator().disabled());
        f.given(aUser().named("rep").privileged());

        bootstrap("root", PASSPHRASE);

        assertThat(f.user("root").isAdministrator()).isTrue();
    }

    @Test
    void refuses_a_taken_username() {
        f.given(aUser().named("root"));
        InMemoryDatabase.State before = f.stateWithoutAudit();

        assertRefused(() -> bootstrap("root", PASSPHRASE), ConflictException.class, Reason.ALREADY_EXISTS);
        assertThat(f.stateWithoutAudit()).isEqualTo(before);
        assertThat(f.user("root").isAdministrator()).isFalse();
    }

    @Test
    void refuses_a_username_that_a_security_provider_claims() {
        f.providers().claim("corp-ldap", "root");

        assertThatThrownBy(() -> bootstrap("root", PASSPHRASE))
                .isInstanceOfSatisfying(AccessDeniedException.class, e -> {
                    assertThat(e.reason()).isEqualTo(Reason.DENIED_TARGET_MANAGED_BY_PROVIDER);
                    assertThat(e.parameters()).containsEntry("provider", "corp-ldap");
                });
        assertThat(f.users().find(name("root"))).isEmpty();
    }

    @Test
    void checks_the_password_against_the_whole_policy_and_reports_every_violation() {
        assertViolations(() -> bootstrap("root", "root"))
                .extracting(PolicyViolation::code)
                .contains(PolicyViolation.Code.TOO_SHORT, PolicyViolation.Code.CONTAINS_USER_INFORMATION);
        assertThat(f.users().find(name("root"))).isEmpty();
        assertThat(f.lastAuditEvent().outcome()).isEqualTo(AuditEvent.Outcome.FAILED);
        assertThat(f.lastAuditEvent().code()).isEqualTo("POLICY_VIOLATED");
    }

    @Test
    void wipes_the_password_whatever_the_outcome() {
        Password accepted = password(PASSPHRASE);
        f.locksmith()
                .bootstrapAdministrator()
                .execute(new BootstrapAdministrator.Command(name("root"), ROOT, accepted));
        Password refused = password(PASSPHRASE);
        assertThatThrownBy(() -> f.locksmith()
                        .bootstrapAdministrator()
                        .execute(new BootstrapAdministrator.Command(name("root2"), ROOT, refused)))
                .isInstanceOf(AccessDeniedException.class);

        assertThat(accepted.isWiped()).isTrue();
        assertThat(refused.isWiped()).isTrue();
    }

    @Test
    void refuses_missing_fields_with_a_typed_error() {
        assertInvalid(() -> new BootstrapAdministrator.Command(null, ROOT, password(PASSPHRASE)), "username");
        assertInvalid(() -> new BootstrapAdministrator.Command(name("root"), null, password(PASSPHRASE)), "profile");
        assertInvalid(() -> new BootstrapAdministrator.Command(name("root"), ROOT, null), "password");
        assertThatThrownBy(() -> f.locksmith().bootstrapAdministrator().execute(null))
                .isInstanceOf(InvalidInputException.class);
    }
}
