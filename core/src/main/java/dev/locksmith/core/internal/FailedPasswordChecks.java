package dev.locksmith.core.internal;

import dev.locksmith.core.domain.AuditEvent;
import dev.locksmith.core.domain.Lock;
import dev.locksmith.core.domain.Operation;
import dev.locksmith.core.domain.PasswordPolicy;
import dev.locksmith.core.domain.User;
import dev.locksmith.core.port.AuditTrail;
import dev.locksmith.core.port.UserAccounts;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;

/** Failed password checks as login-like use cases count them, with the lock they may put in place. Thread-safe. */
public final class FailedPasswordChecks {
    private final UserAccounts users;
    private final AuditTrail audit;

    public FailedPasswordChecks(UserAccounts users, AuditTrail audit) {
        this.users = users;
        this.audit = audit;
    }

    /**
     * Counts one failed password check of the user (atomically in the store, with the policy's lockout and
     * observation window) and, when that check put a lock in place, records the ACCOUNT_LOCKED audit event.
     * Call inside a transaction.
     */
    public UserAccounts.FailedLogin count(User user, PasswordPolicy policy, Instant now) {
        UserAccounts.FailedLogin failed = users.recordFailedLogin(user.id(), now, policy.lockoutRule());
        if (failed.lockedNow()) {
            audit.record(new AuditEvent(
                    now,
                    Optional.empty(),
                    Operation.ACCOUNT_LOCKED,
                    Optional.of(user.username()),
                    AuditEvent.Outcome.SUCCESS,
                    "LOCKED",
                    Map.of(
                            "failedLogins",
                            String.valueOf(failed.logins().failedLogins()),
                            "until",
                            failed.logins()
                                    .lock()
                                    .flatMap(Lock::until)
                                    .map(Instant::toString)
                                    .orElse("reset"))));
        }
        return failed;
    }
}
