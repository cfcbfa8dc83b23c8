package dev.locksmith.core.usecase;

import static dev.locksmith.core.testing.LocksmithFixture.name;
import static dev.locksmith.core.testing.LocksmithFixture.password;
import static dev.locksmith.core.testing.TestUsers.aUser;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.locksmith.core.Locksmith;
import dev.locksmith.core.domain.AuditEvent;
import dev.locksmith.core.domain.Operation;
import dev.locksmith.core.domain.UnavailableException;
import dev.locksmith.core.domain.User;
import dev.locksmith.core.port.UserAccounts;
import dev.locksmith.core.testing.ForwardingUserAccounts;
import dev.locksmith.core.testing.InMemoryDatabase;
import dev.locksmith.core.testing.LocksmithFixture;
import dev.locksmith.core.testing.TestClock;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

/** A use case that fails half-way leaves the store exactly as before and still audits the failure. */
class AtomicityTest {

    /** A user store whose updates fail on demand, after the use case already wrote to the history. */
    static final class FailingUpdates extends ForwardingUserAccounts {
        final AtomicBoolean fail = new AtomicBoolean();
        volatile RuntimeException failure = new UnavailableException("database went away", null);

        FailingUpdates(UserAccounts delegate) {
            super(delegate);
        }

        @Override
        public User update(User user) {
            if (fail.get()) {
                throw failure;
            }
            return super.update(user);
        }
    }

    private final LocksmithFixture f = LocksmithFixture.create();
    private final FailingUpdates users = new FailingUpdates(f.users());
    /** The fixture's Locksmith but for its user store, whose updates fail on demand. */
    private final Locksmith locksmith =
            f.requiredPorts().userAccounts(users).clock(f.clock()).build();

    @Test
    void a_store_failure_after_the_history_push_undoes_the_push_and_is_audited() {
        f.given(aUser().named("admin").administrator());
        f.given(aUser().named("alice").failedLogins(3));
        InMemoryDatabase.State before = f.stateWithoutAudit();
        users.fail.set(true);

        assertThatThrownBy(() -> locksmith
                        .setPassword()
                        .execute(new SetPassword.Command(
                                name("admin"), name("alice"), password("violet lanterns drift east"), false, true)))
                .isInstanceOf(UnavailableException.class);

        assertThat(f.stateWithoutAudit()).isEqualTo(before);
        assertThat(f.history().recent(name("alice"), 5)).isEmpty();
        assertThat(f.auditEvents()).noneMatch(e -> e.outcome() == AuditEvent.Outcome.SUCCESS);
        // The store failed: the FAILED event is not waited for a second time but kept, and recorded with the
        // next use case that commits.
        assertThat(locksmith.unrecordedAuditEvents()).isEqualTo(1);
        users.fail.set(false);
        locksmith.readPolicy().execute(new ReadPolicy.Command(name("admin")));
        assertThat(locksmith.unrecordedAuditEvents()).isZero();
        assertThat(f.auditEvents()).anySatisfy(e -> {
            assertThat(e.action()).isEqualTo(Operation.SET_PASSWORD);
            assertThat(e.outcome()).isEqualTo(AuditEvent.Outcome.FAILED);
            assertThat(e.code()).isEqualTo("UNAVAILABLE");
        });
    }

    @Test
    void an_unexpected_exception_is_rolled_back_and_audited_too() {
        f.given(aUser().named("admin").administrator());
        f.given(aUser().named("alice"));
        InMemoryDatabase.State before = f.stateWithoutAudit();
        IllegalStateException bug = new IllegalStateException("adapter bug");
        users.failure = bug;
        users.fail.set(true);

        assertThatThrownBy(() -> locksmith
                        .setPassword()
                        .execute(new SetPassword.Command(
                                name("admin"), name("alice"), password("violet lanterns drift east"), false, false)))
                .isSameAs(bug);

        assertThat(f.stateWithoutAudit()).isEqualTo(before);
        assertThat(f.lastAuditEvent().outcome()).isEqualTo(AuditEvent.Outcome.FAILED);
        assertThat(f.lastAuditEvent().code()).isEqualTo("INTERNAL_ERROR");
        assertThat(f.lastAuditEvent().details()).containsEntry("exception", "java.lang.IllegalStateException");
    }

    @Test
    void when_the_audit_trail_cannot_record_the_change_does_not_happen() {
        AtomicBoolean broken = new AtomicBoolean();
        Locksmith flakyAudit = f.requiredPorts()
                .auditTrail(new FailingAuditTrail(f.audit(), e -> broken.get()))
                .clock(f.clock())
                .build();
        f.given(aUser().named("admin").administrator());
        f.given(aUser().named("alice").failedLogins(4));
        InMemoryDatabase.State before = f.database().state();
        broken.set(true);

        assertThatThrownBy(() -> flakyAudit
                        .resetFailedLogins()
                        .execute(new ResetFailedLogins.Command(name("admin"), name("alice"))))
                .isInstanceOf(UnavailableException.class);
        assertThat(f.database().state()).isEqualTo(before);
        assertThat(f.user("alice").failedLogins()).isEqualTo(4);
        assertThat(flakyAudit.unrecordedAuditEvents()).isEqualTo(1);
    }

    @Test
    void a_failed_login_count_commits_even_though_the_login_did_not_succeed() {
        f.given(aUser().named("alice"));
        AuthenticationOutcome outcome = f.authenticate("alice", "wrong guess");
        assertThat(outcome).isEqualTo(new AuthenticationOutcome.Rejected());
        assertThat(f.user("alice").failedLogins()).isEqualTo(1);
        assertThat(f.lastAuditEvent().outcome()).isEqualTo(AuditEvent.Outcome.REJECTED);
        assertThat(f.clock().instant()).isEqualTo(TestClock.START);
    }
}
