package dev.locksmith.core.usecase;

import static dev.locksmith.core.testing.LocksmithFixture.name;
import static dev.locksmith.core.testing.LocksmithFixture.password;
import static dev.locksmith.core.testing.TestUsers.aUser;
import static dev.locksmith.core.usecase.Refusals.assertDenied;
import static dev.locksmith.core.usecase.Refusals.assertRefused;
import static dev.locksmith.core.usecase.Refusals.assertViolations;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.locksmith.core.domain.AuditEvent;
import dev.locksmith.core.domain.MailException;
import dev.locksmith.core.domain.Operation;
import dev.locksmith.core.domain.Password;
import dev.locksmith.core.domain.PasswordPolicy;
import dev.locksmith.core.domain.Permission;
import dev.locksmith.core.domain.PolicyViolation;
import dev.locksmith.core.domain.PolicyViolationException;
import dev.locksmith.core.domain.Reason;
import dev.locksmith.core.domain.User;
import dev.locksmith.core.testing.InMemoryDatabase;
import dev.locksmith.core.testing.LocksmithFixture;
import dev.locksmith.core.testing.TestClock;
import java.time.Duration;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class SetPasswordTest {
    private static final String NEW = "violet lanterns drift east";
    private final LocksmithFixture f = LocksmithFixture.create();

    @BeforeEach
    void world() {
        f.given(aUser().named("admin").administrator());
        f.given(aUser().named("rep").privileged());
        f.given(aUser().named("alice")
                .displayNames("Alice Liddell", "Alice L.")
                .email("alice@example.com")
                .failedLogins(10)
                .locked(TestClock.START.minusSeconds(60), null));
    }

    private SetPassword.Result set(String actor, String target, String password, boolean email, boolean mustChange) {
        return f.locksmith()
                .setPassword()
                .execute(new SetPassword.Command(name(actor), name(target), password(password), email, mustChange));
    }

    @Test
    void stores_the_new_hash_pushes_the_old_one_to_history_and_clears_failures_and_lock() {
        User before = f.user("alice");
        SetPassword.Result result = set("rep", "alice", NEW, false, false);

        User after = f.user("alice");
        assertThat(f.passwordIs("alice", NEW)).isTrue();
        assertThat(f.history().recent(name("alice"), 5))
                .containsExactly(before.passwordHash().orElseThrow());
        assertThat(after.failedLogins()).isZero();
        assertThat(after.lock()).isEmpty();
        assertThat(after.mustChangePassword()).isFalse();
        assertThat(after.temporaryPasswordExpiresAt()).isEmpty();
        assertThat(after.passwordChangedAt()).contains(TestClock.START);
        assertThat(result).isEqualTo(new SetPassword.Result(name("alice"), false, Optional.empty(), false));
        AuditEvent event = f.lastAuditEvent();
        assertThat(event.action()).isEqualTo(Operation.SET_PASSWORD);
        assertThat(event.outcome()).isEqualTo(AuditEvent.Outcome.SUCCESS);
        assertThat(event.actor()).contains(name("rep"));
        assertThat(event.target()).contains(name("alice"));
        assertThat(f.mailer().newPasswords()).isEmpty();
    }

    @Test
    void must_change_starts_the_temporary_password_clock() {
        SetPassword.Result result = set("admin", "alice", NEW, false, true);
        assertThat(f.user("alice").mustChangePassword()).isTrue();
        assertThat(f.user("alice").temporaryPasswordExpiresAt()).contains(TestClock.START.plus(Duration.ofHours(72)));
        assertThat(result.temporaryPasswordExpiresAt()).contains(TestClock.START.plus(Duration.ofHours(72)));
    }

    @Test
    void a_policy_without_temporary_lifetime_sets_must_change_without_expiry() {
        f.policy(p -> p.temporaryLifetime(null));
        set("admin", "alice", NEW, false, true);
        assertThat(f.user("alice").mustChangePassword()).isTrue();
        assertThat(f.user("alice").temporaryPasswordExpiresAt()).isEmpty();
    }

    @Test
    void emailing_sends_the_password_and_always_forces_a_change() {
        SetPassword.Result result = set("rep", "alice", NEW, true, false);

        assertThat(result.emailed()).isTrue();
        assertThat(result.mustChangePassword()).isTrue();
        assertThat(f.user("alice").mustChangePassword()).isTrue();
        assertThat(f.mailer().newPasswords()).singleElement().satisfies(mail -> {
            assertThat(mail.to().value()).isEqualTo("alice@example.com");
            assertThat(mail.displayName()).isEqualTo("Alice Liddell");
            assertThat(mail.username()).isEqualTo(name("alice"));
            assertThat(mail.password()).isEqualTo(NEW);
            assertThat(mail.expiresAt()).contains(TestClock.START.plus(Duration.ofHours(72)));
        });
        assertThat(f.lastAuditEvent().details())
                .containsEntry("emailPassword", "true")
                .containsEntry("mustChange", "true");
    }

    @Test
    void emailing_without_mail_configured_is_refused_before_anything_even_before_the_policy() {
        f.mailer().configured(false);
        InMemoryDatabase.State before = f.stateWithoutAudit();
        assertRefused(() -> set("rep", "alice", "weak", true, false), MailException.class, Reason.MAIL_NOT_CONFIGURED);
        assertThat(f.stateWithoutAudit()).isEqualTo(before);
        assertThat(f.lastAuditEvent().outcome()).isEqualTo(AuditEvent.Outcome.FAILED);
        assertThat(f.lastAuditEvent().code()).isEqualTo("MAIL_NOT_CONFIGURED");
    }

    @Test
    void emailing_a_user_without_address_is_refused() {
        f.given(aUser().named("bob"));
        assertRefused(() -> set("rep", "bob", NEW, true, false), MailException.class, Reason.MAIL_NO_ADDRESS);
        assertThat(f.passwordIs("bob", NEW)).isFalse();
    }

    @Test
    void a_mail_delivery_failure_rolls_everything_back_and_is_audited_as_failed() {
        f.mailer().failDelivery(true);
        InMemoryDatabase.State before = f.stateWithoutAudit();
        int events = f.auditEvents().size();

        assertRefused(() -> set("rep", "alice", NEW, true, true), MailException.class, Reason.MAIL_DELIVERY_FAILED);

        assertThat(f.stateWithoutAudit()).isEqualTo(before);
        assertThat(f.passwordIs("alice", NEW)).isFalse();
        assertThat(f.user("alice").failedLogins()).isEqualTo(10);
        assertThat(f.auditEvents()).hasSize(events + 1);
        assertThat(f.lastAuditEvent().outcome()).isEqualTo(AuditEvent.Outcome.FAILED);
        assertThat(f.lastAuditEvent().code()).isEqualTo("MAIL_DELIVERY_FAILED");
    }

    @Test
    void reports_every_violation_at_once_including_blocklist_and_strength() {
        f.policy(p -> p.minStrength(3).bannedWords(Set.of("word")));
        assertViolations(() -> set("rep", "alice", "password", false, false))
                .extracting(PolicyViolation::code)
                .containsExactly(
                        PolicyViolation.Code.TOO_SHORT,
                        PolicyViolation.Code.BANNED_WORD,
                        PolicyViolation.Code.COMMON_PASSWORD,
                        PolicyViolation.Code.TOO_WEAK);
        assertThat(f.lastAuditEvent().code()).isEqualTo("POLICY_VIOLATED");
        assertThat(f.lastAuditEvent().details())
                .containsEntry("violations", "TOO_SHORT,BANNED_WORD,COMMON_PASSWORD,TOO_WEAK");
    }

    @Test
    void the_targets_own_data_is_refused() {
        assertViolations(() -> set("rep", "alice", "wonderland alice liddell", false, false))
                .containsExactly(
                        PolicyViolation.of(PolicyViolation.Code.CONTAINS_USER_INFORMATION, "context", "username"),
                        PolicyViolation.of(PolicyViolation.Code.CONTAINS_USER_INFORMATION, "context", "displayName"),
                        PolicyViolation.of(PolicyViolation.Code.CONTAINS_USER_INFORMATION, "context", "email"));
    }

    @Test
    void a_guess_of_the_targets_current_or_earlier_password_is_answered_like_any_other_password() {
        // With a history kept, comparing would tell the setter whether a guess of someone else's password was
        // right: a password set by someone else is never compared with the target's passwords, nor timed by them.
        f.policy(PasswordPolicy.classicComplex());
        set("admin", "alice", "First-passphrase-1", false, false);
        set("admin", "alice", "Second-passphrase-2", false, false);
        int verifies = f.hasher().verifications();

        SetPassword.Result current = set("rep", "alice", "Second-passphrase-2", false, false);
        SetPassword.Result earlier = set("rep", "alice", "First-passphrase-1", false, false);
        SetPassword.Result fresh = set("rep", "alice", "Never-used-before-3", false, false);

        assertThat(current).isEqualTo(earlier).isEqualTo(fresh);
        assertThat(f.hasher().verifications())
                .as("no verification against the target's hashes")
                .isEqualTo(verifies);
        assertThat(f.auditEvents())
                .filteredOn(e -> e.action() == Operation.SET_PASSWORD)
                .extracting(AuditEvent::code)
                .containsOnly("OK");
        assertThat(f.passwordIs("alice", "Never-used-before-3")).isTrue();
    }

    @Test
    void without_a_history_someone_else_may_set_the_same_password_again() {
        set("admin", "alice", NEW, false, false);
        set("admin", "alice", NEW, false, false);
        assertThat(f.passwordIs("alice", NEW)).isTrue();
    }

    @Test
    void a_revoked_permission_takes_effect_at_once() {
        set("rep", "alice", NEW, false, false);
        f.locksmith()
                .editUser()
                .execute(EditUser.Command.permissions(name("admin"), name("rep"), Set.<Permission>of()));
        assertDenied(() -> set("rep", "alice", "another passphrase now", false, false), Reason.DENIED_NOT_PERMITTED);
        assertThat(f.passwordIs("alice", NEW)).isTrue();
    }

    @Test
    void the_password_is_wiped_after_success_and_after_failure() {
        Password ok = password(NEW);
        f.locksmith().setPassword().execute(new SetPassword.Command(name("rep"), name("alice"), ok, true, false));
        assertThat(ok.isWiped()).isTrue();
        assertThat(f.mailer().newPasswords().get(0).password()).isEqualTo(NEW);

        Password refused = password("short");
        assertThatThrownBy(() -> f.locksmith()
                        .setPassword()
                        .execute(new SetPassword.Command(name("rep"), name("alice"), refused, false, false)))
                .isInstanceOf(PolicyViolationException.class);
        assertThat(refused.isWiped()).isTrue();
    }

    @Test
    void a_stored_hash_the_hasher_cannot_read_does_not_block_a_reset() {
        f.given(aUser().named("legacy").passwordHash(new dev.locksmith.core.domain.PasswordHash("$md5$not-supported")));
        f.policy(p -> p.historySize(3));
        set("admin", "legacy", NEW, false, false);
        assertThat(f.passwordIs("legacy", NEW)).isTrue();
    }
}
