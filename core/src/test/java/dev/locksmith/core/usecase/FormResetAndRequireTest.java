package dev.locksmith.core.usecase;

import static dev.locksmith.core.testing.LocksmithFixture.name;
import static dev.locksmith.core.testing.TestUsers.aUser;
import static org.assertj.core.api.Assertions.assertThat;

import dev.locksmith.core.domain.Operation;
import dev.locksmith.core.domain.PasswordPolicy;
import dev.locksmith.core.testing.LocksmithFixture;
import dev.locksmith.core.testing.TestClock;
import dev.locksmith.core.testing.TestUsers;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Opening the change-password form, resetting failed logins and requiring a change. */
class FormResetAndRequireTest {
    private final LocksmithFixture f = LocksmithFixture.create();

    @BeforeEach
    void world() {
        f.given(aUser().named("rep").privileged());
        f.given(aUser().named("alice")
                .displayNames("Alice Liddell", "Alice (sales)")
                .email("alice@example.com")
                .comments("VIP customer line")
                .failedLogins(12)
                .locked(TestClock.START.minusSeconds(5), null));
        f.given(aUser().named("bob"));
    }

    private OpenChangePasswordForm.Result form(String target) {
        return f.locksmith()
                .openChangePasswordForm()
                .execute(new OpenChangePasswordForm.Command(name("rep"), name(target)));
    }

    @Test
    void the_form_shows_the_read_only_fields_and_the_policy() {
        f.policy(PasswordPolicy.classicComplex());
        OpenChangePasswordForm.Result form = form("alice");
        assertThat(form)
                .isEqualTo(new OpenChangePasswordForm.Result(
                        name("alice"),
                        "Alice Liddell",
                        "Alice (sales)",
                        Optional.of(dev.locksmith.core.domain.EmailAddress.of("alice@example.com")),
                        "VIP customer line",
                        true,
                        PasswordPolicy.classicComplex()));
        assertThat(f.lastAuditEvent().action()).isEqualTo(Operation.OPEN_CHANGE_PASSWORD_FORM);
    }

    @Test
    void emailing_is_offered_only_with_mail_configured_and_an_address() {
        assertThat(form("alice").emailPasswordOffered()).isTrue();
        assertThat(form("bob").emailPasswordOffered()).isFalse();
        f.mailer().configured(false);
        assertThat(form("alice").emailPasswordOffered()).isFalse();
    }

    @Test
    void resetting_clears_the_count_and_the_lock_and_lets_the_user_in() {
        f.locksmith().resetFailedLogins().execute(new ResetFailedLogins.Command(name("rep"), name("alice")));
        assertThat(f.user("alice").failedLogins()).isZero();
        assertThat(f.user("alice").lock()).isEmpty();
        assertThat(f.lastAuditEvent().details())
                .containsEntry("previousFailedLogins", "12")
                .containsEntry("wasLocked", "true");
        assertThat(f.authenticate("alice", TestUsers.DEFAULT_PASSWORD))
                .isEqualTo(new AuthenticationOutcome.Authenticated(name("alice")));
    }

    @Test
    void requiring_a_change_sets_must_change_without_touching_the_password() {
        var before = f.user("bob");
        f.locksmith().requirePasswordChange().execute(new RequirePasswordChange.Command(name("rep"), name("bob")));
        assertThat(f.user("bob").mustChangePassword()).isTrue();
        assertThat(f.user("bob").passwordHash()).isEqualTo(before.passwordHash());
        assertThat(f.authenticate("bob", TestUsers.DEFAULT_PASSWORD))
                .isEqualTo(new AuthenticationOutcome.MustChangePassword(name("bob")));
    }
}
