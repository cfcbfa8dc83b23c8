package dev.locksmith.core.usecase;

import static dev.locksmith.core.testing.LocksmithFixture.name;
import static dev.locksmith.core.testing.LocksmithFixture.password;
import static dev.locksmith.core.testing.TestUsers.aUser;
import static dev.locksmith.core.usecase.Refusals.assertRefused;
import static dev.locksmith.core.usecase.Refusals.assertViolations;
import static org.assertj.core.api.Assertions.assertThat;

import dev.locksmith.core.domain.ConflictException;
import dev.locksmith.core.domain.EmailAddress;
import dev.locksmith.core.domain.Operation;
import dev.locksmith.core.domain.Permission;
import dev.locksmith.core.domain.PolicyViolation;
import dev.locksmith.core.domain.Profile;
import dev.locksmith.core.domain.Reason;
import dev.locksmith.core.domain.Source;
import dev.locksmith.core.testing.LocksmithFixture;
import dev.locksmith.core.testing.TestClock;
import java.time.Duration;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class UserAdministrationTest {
    private final LocksmithFixture f = LocksmithFixture.create();
    private static final Profile CAROL =
            new Profile("Carol Danvers", "Carol (ops)", Optional.of(EmailAddress.of("carol@example.com")), "new hire");

    @BeforeEach
    void world() {
        f.given(aUser().named("admin").administrator());
    }

    private void create(
            String username, Profile profile, Set<Permission> permissions, String password, boolean mustChange) {
        f.locksmith()
                .createUser()
                .execute(new CreateUser.Command(
                        name("admin"), name(username), profile, permissions, password(password), mustChange));
    }

    @Test
    void creates_a_local_user_who_can_log_in() {
        create("carol", CAROL, Set.of(Permission.SET_PASSWORDS), "initial passphrase here", true);
        var carol = f.user("carol");
        assertThat(carol.source()).isEqualTo(Source.local());
        assertThat(carol.profile()).isEqualTo(CAROL);
        assertThat(carol.isPrivileged()).isTrue();
        assertThat(carol.mustChangePassword()).isTrue();
        assertThat(carol.temporaryPasswordExpiresAt()).contains(TestClock.START.plus(Duration.ofHours(72)));
        assertThat(f.lastAuditEvent().action()).isEqualTo(Operation.CREATE_USER);
        assertThat(f.lastAuditEvent().target()).contains(name("carol"));
        assertThat(f.authenticate("carol", "initial passphrase here"))
                .isEqualTo(new AuthenticationOutcome.MustChangePassword(name("carol")));
    }

    @Test
    void the_initial_password_is_checked_against_the_policy_with_the_new_users_data() {
        assertViolations(() -> create("carol", CAROL, Set.of(), "danvers is my name ok", false))
                .containsExactly(
                        PolicyViolation.of(PolicyViolation.Code.CONTAINS_USER_INFORMATION, "context", "displayName"));
        assertThat(f.users().find(name("carol"))).isEmpty();
    }

    @Test
    void a_taken_username_is_a_conflict() {
        create("carol", CAROL, Set.of(), "initial passphrase here", false);
        assertRefused(
                () -> create("CAROL", Profile.empty(), Set.of(), "initial passphrase here", false),
                ConflictException.class,
                Reason.ALREADY_EXISTS);
    }

    @Test
    void edits_profile_enabled_and_permissions() {
        f.given(aUser().named("dave"));
        f.locksmith()
                .editUser()
                .execute(new EditUser.Command(
                        name("admin"),
                        name("dave"),
                        Optional.of(CAROL),
                        Optional.of(false),
                        Optional.of(Set.of(Permission.ADMINISTRATOR))));
        var dave = f.user("dave");
        assertThat(dave.profile()).isEqualTo(CAROL);
        assertThat(dave.enabled()).isFalse();
        assertThat(dave.isAdministrator()).isTrue();
        assertThat(f.lastAuditEvent().details())
                .containsEntry("enabled", "false")
                .containsEntry("permissions", "[ADMINISTRATOR]");
    }

    @Test
    void deleting_a_user_forgets_its_history_but_not_its_audit_events() {
        f.given(aUser().named("erin"));
        f.setPassword("admin", "erin", "fresh passphrase here");
        assertThat(f.history().recent(name("erin"), 5)).hasSize(1);
        f.locksmith().deleteUser().execute(new DeleteUser.Command(name("admin"), name("erin")));
        assertThat(f.users().find(name("erin"))).isEmpty();
        assertThat(f.history().recent(name("erin"), 5)).isEmpty();
        assertThat(f.auditEvents())
                .anyMatch(
                        e -> e.action() == Operation.SET_PASSWORD && e.target().equals(Optional.of(name("erin"))));
    }

    @Test
    void registers_and_syncs_provider_users() {
        var register = f.locksmith().registerProviderUser();
        Source.Provider ldap = new Source.Provider("ldap");
        assertThat(register.execute(
                        new RegisterProviderUser.Command(name("admin"), name("dirk"), ldap, Profile.named("Dirk"))))
                .isEqualTo(RegisterProviderUser.Result.CREATED);
        assertThat(register.execute(
                        new RegisterProviderUser.Command(name("admin"), name("dirk"), ldap, Profile.named("Dirk"))))
                .isEqualTo(RegisterProviderUser.Result.UNCHANGED);
        assertThat(register.execute(
                        new RegisterProviderUser.Command(name("admin"), name("dirk"), ldap, Profile.named("Dirk D."))))
                .isEqualTo(RegisterProviderUser.Result.UPDATED);
        var dirk = f.user("dirk");
        assertThat(dirk.source()).isEqualTo(ldap);
        assertThat(dirk.passwordHash()).isEmpty();
        assertThat(dirk.permissions()).isEmpty();
        assertThat(dirk.profile().publicName()).isEqualTo("Dirk D.");
        assertRefused(
                () -> register.execute(
                        new RegisterProviderUser.Command(name("admin"), name("admin"), ldap, Profile.empty())),
                ConflictException.class,
                Reason.ALREADY_EXISTS);
        assertThat(f.user("admin").source()).isEqualTo(Source.local());
    }

    @Test
    void registering_a_provider_user_under_another_provider_moves_it() {
        var register = f.locksmith().registerProviderUser();
        register.execute(new RegisterProviderUser.Command(
                name("admin"), name("dirk"), new Source.Provider("corp-da"), Profile.named("Dirk")));

        assertThat(register.execute(new RegisterProviderUser.Command(
                        name("admin"), name("dirk"), new Source.Provider("corp-ad"), Profile.named("Dirk"))))
                .isEqualTo(RegisterProviderUser.Result.UPDATED);

        assertThat(f.user("dirk").source()).isEqualTo(new Source.Provider("corp-ad"));
        assertThat(f.auditEvents())
                .anyMatch(e -> e.action() == Operation.REGISTER_PROVIDER_USER
                        && "corp-da".equals(e.details().get("previousProvider")));
    }
}
