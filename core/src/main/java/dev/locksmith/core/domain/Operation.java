package dev.locksmith.core.domain;

/**
 * Every operation Locksmith performs, under one name each: the authorization matrix rules on them
 * ({@link Authorization}) and the audit trail records them ({@link AuditEvent#action()}). Most are use cases a
 * host calls; {@link #DISABLE_USER} and {@link #REVOKE_ADMINISTRATOR} are rules the matrix applies within an
 * edit (audited as {@link #EDIT_USER}); {@link #AUTHENTICATE}, {@link #BOOTSTRAP_ADMINISTRATOR},
 * {@link #ACCOUNT_LOCKED} and {@link #PASSWORD_CHANGED_NOTICE} are audited but not decided by the matrix (a login
 * has no actor yet, a bootstrap has none at all, the last two are consequences). Immutable.
 */
public enum Operation {
    /** Search and list users. */
    SEARCH_USERS(Decision.UNTARGETED),
    /** Open another user's change-password form. */
    OPEN_CHANGE_PASSWORD_FORM(Decision.TARGETED),
    /** Set another user's password (the delegated path). */
    SET_PASSWORD(Decision.TARGETED),
    /** Make another user change their password at next login. */
    REQUIRE_PASSWORD_CHANGE(Decision.TARGETED),
    /** Generate a temporary password that satisfies the policy. */
    GENERATE_PASSWORD(Decision.UNTARGETED),
    /** Reset another user's failed-login count and lock. */
    RESET_FAILED_LOGINS(Decision.TARGETED),
    /** Change one's own password, giving the current one. */
    CHANGE_OWN_PASSWORD(Decision.UNTARGETED),
    /** Create a local user. */
    CREATE_USER(Decision.UNTARGETED),
    /** Edit a user's profile or permissions (enabling included). */
    EDIT_USER(Decision.TARGETED),
    /** Disable an enabled user (a rule within an edit). */
    DISABLE_USER(Decision.TARGETED),
    /** Take {@link Permission#ADMINISTRATOR} from a user who holds it (a rule within an edit). */
    REVOKE_ADMINISTRATOR(Decision.TARGETED),
    /** Delete a user. */
    DELETE_USER(Decision.TARGETED),
    /** Register a security-provider user, update its profile, or move it to another provider. */
    REGISTER_PROVIDER_USER(Decision.UNTARGETED),
    /** Read the password policy. */
    READ_POLICY(Decision.UNTARGETED),
    /** Change the password policy. */
    CHANGE_POLICY(Decision.UNTARGETED),
    /** Read the audit trail. */
    READ_AUDIT_TRAIL(Decision.UNTARGETED),
    /** Issue and mail a one-time password-reset link for another user (authorized as {@link #SET_PASSWORD}). */
    ISSUE_RESET_LINK(Decision.NONE),
    /** Use a one-time reset link to set a new password (no actor: the link is the credential). */
    REDEEM_RESET_LINK(Decision.NONE),
    /** A login attempt (no actor: the user is not logged in yet). */
    AUTHENTICATE(Decision.NONE),
    /** The first administrator of an empty store (no actor). */
    BOOTSTRAP_ADMINISTRATOR(Decision.NONE),
    /** An account locked by failed logins. */
    ACCOUNT_LOCKED(Decision.NONE),
    /** A "your password was changed" notice, recorded when it could not be sent. */
    PASSWORD_CHANGED_NOTICE(Decision.NONE);

    private final Decision decision;

    Operation(Decision decision) {
        this.decision = decision;
    }

    /** Whether the authorization matrix rules on it. */
    public boolean decidedByTheMatrix() {
        return decision != Decision.NONE;
    }

    /** Whether it concerns an existing target user (decided with {@link Authorization#decide(Authorization.Actor, Operation, Authorization.Target)}). */
    public boolean targeted() {
        return decision == Decision.TARGETED;
    }

    /** Whether deciding it needs the number of enabled administrators (the last-administrator rule). */
    public boolean needsAdministratorCount() {
        return this == DISABLE_USER || this == REVOKE_ADMINISTRATOR || this == DELETE_USER;
    }

    private enum Decision {
        TARGETED,
        UNTARGETED,
        NONE
    }
}
