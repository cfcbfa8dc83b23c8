package dev.locksmith.core.usecase;

import static dev.locksmith.core.testing.LocksmithFixture.name;
import static dev.locksmith.core.testing.LocksmithFixture.password;
import static dev.locksmith.core.testing.TestUsers.aUser;
import static dev.locksmith.core.usecase.Refusals.assertInvalid;
import static dev.locksmith.core.usecase.Refusals.assertRefused;
import static org.assertj.core.api.Assertions.assertThat;

import dev.locksmith.core.Locksmith;
import dev.locksmith.core.domain.AuditEvent;
import dev.locksmith.core.domain.AuditRecord;
import dev.locksmith.core.domain.MailException;
import dev.locksmith.core.domain.Operation;
import dev.locksmith.core.domain.PasswordPolicy;
import dev.locksmith.core.domain.Reason;
import dev.locksmith.core.domain.UnavailableException;
import dev.locksmith.core.port.AuditTrail;
import dev.locksmith.core.testing.LocksmithFixture;
import dev.locksmith.core.testing.TestUsers;
import java.util.List;
import java.util.Optional;
import java.util.logging.Level;
import org.junit.jupiter.api.Test;

/** Reading and changing the policy, reading the audit trail, the optional change notices, the builder. */
class PolicyAuditAndNoticesTest {

    @Test
    void the_policy_is_the_nist_default_until_an_administrator_changes_it() {
        LocksmithFixture f = LocksmithFixture.create();
        f.given(aUser().named("admin").administrator());
        f.given(aUser().named("plain"));
        assertThat(f.locksmith().readPolicy().execute(new ReadPolicy.Command(name("plain"))))
                .isEqualTo(PasswordPolicy.nistDefault());
        f.locksmith().changePolicy().execute(new ChangePolicy.Command(name("admin"), PasswordPolicy.classicComplex()));
        assertThat(f.locksmith().readPolicy().execute(new ReadPolicy.Command(name("plain"))))
                .isEqualTo(PasswordPolicy.classicComplex());
        assertThat(f.auditEvents())
                .filteredOn(e -> e.action() == Operation.CHANGE_POLICY)
                .singleElement()
                .satisfies(e ->
                        assertThat(e.details()).containsEntry("minLength", "8").containsEntry("complex", "true"));
    }

    @Test
    void a_minimum_strength_needs_a_strength_estimator() {
        LocksmithFixture f = LocksmithFixture.create();
        Locksmith withoutEstimator = f.requiredPorts().clock(f.clock()).build();
        f.given(aUser().named("admin").administrator());
        f.given(aUser().named("alice"));
        PasswordPolicy strong = PasswordPolicy.builder().minStrength(3).build();
        assertInvalid(
                () -> withoutEstimator.changePolicy().execute(new ChangePolicy.Command(name("admin"), strong)),
                "minStrength");
        // a policy saved elsewhere with a minimum strength fails closed rather than skipping the check
        f.policy(strong);
        assertRefused(
                () -> withoutEstimator
                        .setPassword()
                        .execute(new SetPassword.Command(
                                name("admin"), name("alice"), password("some long enough passphrase"), false, false)),
                UnavailableException.class,
                Reason.UNAVAILABLE);
    }

    @Test
    void administrators_read_the_audit_trail_newest_first() {
        LocksmithFixture f = LocksmithFixture.create();
        f.given(aUser().named("admin").administrator());
        f.given(aUser().named("alice"));
        f.locksmith().requirePasswordChange().execute(new RequirePasswordChange.Command(name("admin"), name("alice")));
        f.locksmith().resetFailedLogins().execute(new ResetFailedLogins.Command(name("admin"), name("alice")));
        List<AuditRecord> records = f.locksmith()
                .readAuditTrail()
                .execute(new ReadAuditTrail.Command(
                        name("admin"), new AuditTrail.Query(Optional.of(name("alice")), Optional.empty(), 10)));
        assertThat(records)
                .extracting(r -> r.event().action())
                .containsExactly(Operation.RESET_FAILED_LOGINS, Operation.REQUIRE_PASSWORD_CHANGE);
        assertThat(f.lastAuditEvent().action()).isEqualTo(Operation.READ_AUDIT_TRAIL);
    }

    @Test
    void notices_go_out_after_a_change_by_someone_else_or_by_oneself_when_turned_on() {
        LocksmithFixture f = LocksmithFixture.create(b -> b.notifyPasswordChanges(true));
        f.given(aUser().named("admin").administrator());
        f.given(aUser().named("alice").email("alice@example.com").displayName("Alice"));
        f.given(aUser().named("bob"));
        f.setPassword("admin", "alice", "violet lanterns drift east");
        f.changeOwnPassword("alice", "violet lanterns drift east", "amber lanterns drift west");
        f.setPassword("admin", "bob", "violet lanterns drift east");
        assertThat(f.mailer().passwordChangedNotices())
                .extracting(n -> n.username().value() + ":" + n.bySelf())
                .containsExactly("alice:false", "alice:true");
        // emailing the new password is notice enough
        f.setPassword("admin", "alice", "teal lanterns drift north", SetPassword.Option.EMAIL_PASSWORD);
        assertThat(f.mailer().passwordChangedNotices()).hasSize(2);
    }

    @Test
    void notices_are_off_by_default() {
        LocksmithFixture f = LocksmithFixture.create();
        f.given(aUser().named("alice").email("alice@example.com"));
        f.changeOwnPassword("alice", TestUsers.DEFAULT_PASSWORD, "amber lanterns drift west");
        assertThat(f.mailer().passwordChangedNotices()).isEmpty();
    }

    @Test
    void a_failed_notice_is_logged_and_does_not_undo_the_change() {
        LocksmithFixture f = LocksmithFixture.create(b -> b.notifyPasswordChanges(true));
        f.given(aUser().named("alice").email("alice@example.com"));
        f.mailer().failDelivery(true);
        try (CapturedLogs logs = new CapturedLogs()) {
            f.changeOwnPassword("alice", TestUsers.DEFAULT_PASSWORD, "amber lanterns drift west");
            assertThat(f.passwordIs("alice", "amber lanterns drift west")).isTrue();
            assertThat(logs.records()).anySatisfy(r -> assertThat(r.getLevel()).isEqualTo(Level.WARNING));
            assertThat(logs.texts())
                    .anyMatch(t -> t.contains("MAIL_DELIVERY_FAILED"))
                    .noneMatch(t -> t.contains("amber lanterns"));
        }
        assertThat(f.auditEvents())
                .filteredOn(e -> e.action() == Operation.CHANGE_OWN_PASSWORD)
                .singleElement()
                .satisfies(e -> assertThat(e.outcome()).isEqualTo(AuditEvent.Outcome.SUCCESS));
        // The notice that could not be sent is in the audit trail too, not only in the log.
        assertThat(f.lastAuditEvent().action()).isEqualTo(Operation.PASSWORD_CHANGED_NOTICE);
        assertThat(f.lastAuditEvent().outcome()).isEqualTo(AuditEvent.Outcome.FAILED);
        assertThat(f.lastAuditEvent().code()).isEqualTo("MAIL_DELIVERY_FAILED");
        assertThat(f.lastAuditEvent().target()).contains(name("alice"));
    }

    @Test
    void the_builder_names_a_missing_port_and_defaults_mail_to_not_configured() {
        LocksmithFixture f = LocksmithFixture.create();
        assertInvalid(() -> Locksmith.builder().userAccounts(f.users()).build(), "passwordHistory");
        assertInvalid(() -> f.requiredPorts().blocklist(null).build(), "blocklist");
        assertInvalid(() -> Locksmith.builder().store(null), "store");
        // requiredPorts() hands the fixture's stores over with store(...): the users given below are seen.
        Locksmith minimal = f.requiredPorts().build();
        f.given(aUser().named("admin").administrator());
        f.given(aUser().named("alice").email("alice@example.com"));
        assertThat(minimal.openChangePasswordForm()
                        .execute(new OpenChangePasswordForm.Command(name("admin"), name("alice")))
                        .emailPasswordOffered())
                .isFalse();
        assertRefused(
                () -> minimal.setPassword()
                        .execute(new SetPassword.Command(
                                name("admin"), name("alice"), password("violet lanterns drift east"), true, false)),
                MailException.class,
                Reason.MAIL_NOT_CONFIGURED);
    }
}
