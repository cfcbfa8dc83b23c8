package dev.locksmith.core.usecase;

import static dev.locksmith.core.testing.LocksmithFixture.name;
import static dev.locksmith.core.testing.LocksmithFixture.password;
import static dev.locksmith.core.testing.TestUsers.aUser;
import static dev.locksmith.core.usecase.Refusals.assertDenied;
import static dev.locksmith.core.usecase.Refusals.assertViolations;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.locksmith.core.domain.AccessDeniedException;
import dev.locksmith.core.domain.AuditEvent;
import dev.locksmith.core.domain.Operation;
import dev.locksmith.core.domain.Password;
import dev.locksmith.core.domain.PolicyViolation;
import dev.locksmith.core.domain.Reason;
import dev.locksmith.core.testing.LocksmithFixture;
import dev.locksmith.core.testing.TestClock;
import dev.locksmith.core.testing.TestUsers;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class ChangeOwnPasswordTest {
    private static final String CURRENT = TestUsers.DEFAULT_PASSWORD;
    private final LocksmithFixture f = LocksmithFixture.create();

    @Test
    void clears_must_change_temporary_expiry_and_failures_and_keeps_the_old_hash_in_history() {
        var before = f.given(aUser().named("alice")
                .temporaryPasswordUntil(TestClock.START.plusSeconds(600))
                .failedLogins(4));
        f.changeOwnPassword("alice", CURRENT, "my very own passphrase");
        var after = f.user("alice");
        assertThat(f.passwordIs("alice", "my very own passphrase")).isTrue();
        assertThat(after.mustChangePassword()).isFalse();
        assertThat(after.temporaryPasswordExpiresAt()).isEmpty();
        assertThat(after.failedLogins()).isZero();
        assertThat(f.history().recent(name("alice"), 3))
                .containsExactly(before.passwordHash().orElseThrow());
        assertThat(f.lastAuditEvent().action()).isEqualTo(Operation.CHANGE_OWN_PASSWORD);
        assertThat(f.lastAuditEvent().outcome()).isEqualTo(AuditEvent.Outcome.SUCCESS);
        assertThat(f.authenticate("alice", "my very own passphrase"))
                .isEqualTo(new AuthenticationOutcome.Authenticated(name("alice")));
    }

    @Test
    void a_wrong_current_password_is_denied_audited_and_counted_as_a_failed_login() {
        f.given(aUser().named("alice").failedLogins(2));
        var before = f.user("alice");
        assertDenied(
                () -> f.changeOwnPassword("alice", "not the current one", "my very own passphrase"),
                Reason.DENIED_WRONG_CURRENT_PASSWORD);
        var after = f.user("alice");
        assertThat(after.failedLogins()).isEqualTo(3);
        assertThat(after.passwordHash()).isEqualTo(before.passwordHash());
        assertThat(f.history().recent(name("alice"), 3)).isEmpty();
        assertThat(f.lastAuditEvent().outcome()).isEqualTo(AuditEvent.Outcome.DENIED);
        assertThat(f.lastAuditEvent().code()).isEqualTo("DENIED_WRONG_CURRENT_PASSWORD");
    }

    @Test
    void guessing_the_current_password_locks_the_account_at_the_threshold_and_a_locked_account_cannot_change() {
        f.policy(p -> p.lockoutThreshold(3));
        f.given(aUser().named("alice"));
        for (int i = 0; i < 3; i++) {
            assertThatThrownBy(() -> f.changeOwnPassword("alice", "a wrong guess", "my very own passphrase"))
                    .isInstanceOf(AccessDeniedException.class);
        }
        assertThat(f.user("alice").isLockedAt(f.clock().instant())).isTrue();
        assertThat(f.auditEvents())
                .filteredOn(e -> e.action() == Operation.ACCOUNT_LOCKED)
                .hasSize(1);

        assertDenied(
                () -> f.changeOwnPassword("alice", CURRENT, "my very own passphrase"),
                Reason.DENIED_WRONG_CURRENT_PASSWORD);
        assertThat(f.passwordIs("alice", CURRENT)).isTrue();
    }

    @Test
    void an_expired_temporary_password_no_longer_counts_as_the_current_one() {
        f.given(aUser().named("alice").temporaryPasswordUntil(TestClock.START.plusSeconds(60)));
        f.clock().advance(Duration.ofMinutes(2));
        assertDenied(
                () -> f.changeOwnPassword("alice", CURRENT, "my very own passphrase"),
                Reason.DENIED_WRONG_CURRENT_PASSWORD);
    }

    @Test
    void the_new_password_must_differ_from_the_current_one_even_without_a_history() {
        f.given(aUser().named("alice"));
        assertViolations(() -> f.changeOwnPassword("alice", CURRENT, CURRENT))
                .containsExactly(PolicyViolation.of(PolicyViolation.Code.SAME_AS_CURRENT));
    }

    @Test
    void the_policy_history_is_enforced_and_every_violation_reported() {
        f.policy(p -> p.historySize(3));
        f.given(aUser().named("alice"));
        f.changeOwnPassword("alice", CURRENT, "second passphrase here");
        f.changeOwnPassword("alice", "second passphrase here", "third passphrase here");
        assertViolations(() -> f.changeOwnPassword("alice", "third passphrase here", CURRENT))
                .containsExactly(PolicyViolation.of(PolicyViolation.Code.RECENTLY_USED, "history", 3));
        assertViolations(() -> f.changeOwnPassword("alice", "third passphrase here", "alice"))
                .extracting(PolicyViolation::code)
                .containsExactly(PolicyViolation.Code.TOO_SHORT, PolicyViolation.Code.CONTAINS_USER_INFORMATION);
    }

    @Test
    void unknown_directory_locked_and_disabled_users_with_a_wrong_password_are_answered_like_a_wrong_password() {
        f.given(aUser().named("alice"));
        f.given(aUser().named("dirk").fromProvider("ldap"));
        f.given(aUser().named("lena").failedLogins(10).locked(TestClock.START, TestClock.START.plusSeconds(1800)));
        f.given(aUser().named("dora").disabled());
        for (String name : java.util.List.of("alice", "dirk", "lena", "dora", "nobody")) {
            int before = f.hasher().verifications();
            assertThatThrownBy(() -> f.changeOwnPassword(name, "a wrong password", "my very own passphrase"))
                    .as(name)
                    .isInstanceOfSatisfying(
                            AccessDeniedException.class,
                            e -> assertThat(e.reason()).isEqualTo(Reason.DENIED_WRONG_CURRENT_PASSWORD));
            assertThat(f.hasher().verifications() - before)
                    .as(name + ": one verification")
                    .isEqualTo(1);
        }
        assertThat(f.auditEvents())
                .filteredOn(e -> e.action() == Operation.CHANGE_OWN_PASSWORD)
                .extracting(e -> e.details().get("why"))
                .containsExactly("WRONG_PASSWORD", "NOT_LOCAL", "WRONG_PASSWORD", "WRONG_PASSWORD", "UNKNOWN_USER");
        // A right password on a disabled account is the one case told apart, as at login.
        assertDenied(
                () -> f.changeOwnPassword("dora", TestUsers.DEFAULT_PASSWORD, "my very own passphrase"),
                Reason.DENIED_ACTOR_DISABLED);
    }

    @Test
    void both_passwords_are_wiped() {
        f.given(aUser().named("alice"));
        Password current = password(CURRENT);
        Password next = password("my very own passphrase");
        f.locksmith().changeOwnPassword().execute(new ChangeOwnPassword.Command(name("alice"), current, next));
        assertThat(current.isWiped()).isTrue();
        assertThat(next.isWiped()).isTrue();
    }
}
