package dev.locksmith.core.usecase;

import static dev.locksmith.core.testing.LocksmithFixture.name;
import static dev.locksmith.core.testing.TestUsers.aUser;
import static dev.locksmith.core.usecase.Refusals.assertDenied;
import static dev.locksmith.core.usecase.Refusals.assertInvalid;
import static dev.locksmith.core.usecase.Refusals.assertRefused;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.locksmith.core.domain.InvalidInputException;
import dev.locksmith.core.domain.Password;
import dev.locksmith.core.domain.PasswordPolicy;
import dev.locksmith.core.domain.Profile;
import dev.locksmith.core.domain.Reason;
import dev.locksmith.core.domain.UserSearch;
import dev.locksmith.core.domain.Username;
import dev.locksmith.core.port.AuditTrail;
import dev.locksmith.core.testing.LocksmithFixture;
import dev.locksmith.core.testing.TestClock;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Edge cases found in review: bounded policy durations, expiring emailed passwords, typed errors for misuse. */
class HardeningTest {

    @Test
    void policy_durations_beyond_their_ceilings_are_refused_with_the_field_named() {
        assertInvalid(
                () -> PasswordPolicy.builder()
                        .maxAge(Duration.ofSeconds(Long.MAX_VALUE))
                        .build(),
                "maxAge");
        assertInvalid(
                () -> PasswordPolicy.builder()
                        .temporaryLifetime(Duration.ofDays(91))
                        .build(),
                "temporaryLifetime");
        assertInvalid(
                () -> PasswordPolicy.builder()
                        .lockoutDuration(Duration.ofDays(366))
                        .build(),
                "lockoutDuration");
        assertThat(PasswordPolicy.builder()
                        .maxAge(PasswordPolicy.MAX_PASSWORD_AGE)
                        .temporaryLifetime(PasswordPolicy.MAX_TEMPORARY_LIFETIME)
                        .lockoutDuration(PasswordPolicy.MAX_LOCKOUT_DURATION)
                        .build()
                        .maxAge())
                .contains(PasswordPolicy.MAX_PASSWORD_AGE);
    }

    @Test
    void an_emailed_password_expires_even_when_the_policy_turned_temporary_expiry_off() {
        LocksmithFixture f = LocksmithFixture.create();
        f.policy(p -> p.temporaryLifetime(null));
        f.given(aUser().named("rep").privileged());
        f.given(aUser().named("alice").email("alice@example.com"));
        f.given(aUser().named("bob"));

        SetPassword.Result emailed = f.locksmith()
                .setPassword()
                .execute(new SetPassword.Command(
                        name("rep"), name("alice"), Password.of("violet lanterns drift east"), true, false));
        SetPassword.Result notEmailed = f.locksmith()
                .setPassword()
                .execute(new SetPassword.Command(
                        name("rep"), name("bob"), Password.of("violet lanterns drift east"), false, true));

        assertThat(emailed.temporaryPasswordExpiresAt())
                .contains(TestClock.START.plus(SetPassword.EMAILED_PASSWORD_LIFETIME));
        assertThat(f.user("alice").temporaryPasswordExpiresAt()).isEqualTo(emailed.temporaryPasswordExpiresAt());
        assertThat(notEmailed.temporaryPasswordExpiresAt()).isEmpty();
    }

    @Test
    void a_privileged_user_cannot_generate_a_password_for_an_administrator() {
        LocksmithFixture f = LocksmithFixture.create();
        f.given(aUser().named("rep").privileged());
        f.given(aUser().named("root").administrator());

        assertDenied(
                () -> f.locksmith()
                        .generateTemporaryPassword()
                        .execute(new GenerateTemporaryPassword.Command(name("rep"), Optional.of(name("root")))),
                Reason.DENIED_TARGET_IS_ADMINISTRATOR);
    }

    @Test
    void a_wiped_password_is_refused_with_a_typed_error_and_changes_nothing() {
        LocksmithFixture f = LocksmithFixture.create();
        f.given(aUser().named("rep").privileged());
        f.given(aUser().named("alice"));
        Password reused = Password.of("violet lanterns drift east");
        reused.wipe();
        var before = f.stateWithoutAudit();

        assertInvalid(
                () -> f.locksmith()
                        .setPassword()
                        .execute(new SetPassword.Command(name("rep"), name("alice"), reused, false, false)),
                "password");
        assertThat(f.stateWithoutAudit()).isEqualTo(before);
    }

    @Test
    void null_cursors_are_typed_input_errors() {
        assertThatThrownBy(() -> new UserSearch("a", null, 10)).isInstanceOf(InvalidInputException.class);
        assertThatThrownBy(() -> new AuditTrail.Query(null, Optional.empty(), 10))
                .isInstanceOf(InvalidInputException.class);
        assertThatThrownBy(() -> new AuditTrail.Query(Optional.empty(), null, 10))
                .isInstanceOf(InvalidInputException.class);
    }

    @Test
    void a_use_case_refuses_to_run_inside_a_transaction_the_host_opened() {
        LocksmithFixture f = LocksmithFixture.create();
        f.given(aUser().named("rep").privileged());
        f.given(aUser().named("alice"));
        var before = f.stateWithoutAudit();
        int events = f.auditEvents().size();

        assertThatThrownBy(() -> f.transactions()
                        .run(() -> f.locksmith()
                                .setPassword()
                                .execute(new SetPassword.Command(
                                        name("rep"),
                                        name("alice"),
                                        Password.of("violet lanterns drift east"),
                                        false,
                                        false))))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("outside the host's transaction");
        assertThat(f.stateWithoutAudit()).isEqualTo(before);
        assertThat(f.auditEvents()).hasSize(events);
    }

    @Test
    void null_arguments_to_command_and_value_factories_are_typed_input_errors() {
        assertRefused(
                () -> EditUser.Command.profile(name("admin"), name("bob"), null),
                InvalidInputException.class,
                Reason.INVALID_INPUT);
        assertThatThrownBy(() -> EditUser.Command.permissions(name("admin"), name("bob"), null))
                .isInstanceOf(InvalidInputException.class);
        assertThatThrownBy(() -> Profile.named("Bob").withEmail(null)).isInstanceOf(InvalidInputException.class);
        assertThatThrownBy(() -> PasswordPolicy.builder().bannedWords(null)).isInstanceOf(InvalidInputException.class);
    }

    @Test
    void every_case_variant_of_a_username_is_the_same_username_and_folding_keeps_its_length() {
        assertThat(Username.of("ΑΣ1")).isEqualTo(Username.of("Ασ1")).isEqualTo(Username.of("ας1"));
        assertThat(Username.of("KIM"))
                .isEqualTo(Username.of("kım"))
                .isEqualTo(Username.of("kim"))
                .isEqualTo(Username.of("K\u0130M"));
        // U+0130 (capital I with dot above) lower-cases to two code points with String.toLowerCase; folded, one.
        assertThat(Username.of("\u0130".repeat(128)).value()).isEqualTo("i".repeat(128));
        assertThat(Username.of(Username.of("ΚΩΣΤΑΣ").value())).isEqualTo(Username.of("ΚΩΣΤΑΣ"));
    }

    @Test
    void a_banned_word_keeps_its_length_when_folded() {
        PasswordPolicy policy = PasswordPolicy.builder()
                .bannedWords(java.util.Set.of("\u0130".repeat(128)))
                .build();
        assertThat(policy.bannedWords())
                .singleElement()
                .satisfies(word -> assertThat(word).hasSize(128));
        assertThat(PasswordPolicy.builder().bannedWords(policy.bannedWords()).build())
                .isEqualTo(policy);
    }
}
