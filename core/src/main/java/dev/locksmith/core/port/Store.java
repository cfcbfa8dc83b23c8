package dev.locksmith.core.port;

/**
 * The stores of one backing store, sharing its {@link Transactions}: what a storage adapter hands to
 * {@code Locksmith.builder().store(...)} in one call, so that the accounts, the password history, the audit
 * trail, the policy and the unit of work spanning them always come from the same database. The reset-token
 * store, optional, is given on its own. Implementations are thread-safe.
 */
public interface Store {
    /** The user accounts, in {@link #transactions()}. */
    UserAccounts userAccounts();

    /** The password history, in {@link #transactions()}. */
    PasswordHistory passwordHistory();

    /** The audit trail, in {@link #transactions()}. */
    AuditTrail auditTrail();

    /** The password policy, in {@link #transactions()}. */
    PolicyStore policyStore();

    /** The unit of work spanning the four stores above. */
    Transactions transactions();
}
