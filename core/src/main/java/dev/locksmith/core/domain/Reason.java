package dev.locksmith.core.domain;

/**
 * Machine-readable reason carried by every {@link LocksmithException}. Programs branch on these codes;
 * message text is for people. The prefix of each constant names the kind of failure.
 */
public enum Reason {
    /** The input was malformed: null, empty, oversized, control characters, bad syntax. */
    INVALID_INPUT,
    /** The acting user does not exist. */
    DENIED_ACTOR_UNKNOWN,
    /** The acting user is disabled. */
    DENIED_ACTOR_DISABLED,
    /** The actor holds neither the permission the action needs nor administrator rights. */
    DENIED_NOT_PERMITTED,
    /** A privileged (non-administrator) user targeted an administrator. */
    DENIED_TARGET_IS_ADMINISTRATOR,
    /** The target's password lives in an external security provider. */
    DENIED_TARGET_MANAGED_BY_PROVIDER,
    /** The delegated path was used on the actor's own account; the self-service change must be used. */
    DENIED_SELF_TARGET,
    /** A local-only action (own password change) was asked for by a provider user. */
    DENIED_NOT_LOCAL,
    /** The change would leave the appliance without an enabled administrator, or lock an administrator out of their own account. */
    DENIED_LAST_ADMINISTRATOR,
    /** An administrator tried to delete or disable their own account. */
    DENIED_SELF_ADMINISTRATION,
    /** The current password given for a self-service change did not verify. */
    DENIED_WRONG_CURRENT_PASSWORD,
    /** The target user does not exist. */
    NOT_FOUND,
    /** The new password breaks the password policy; see the violations. */
    POLICY_VIOLATED,
    /** A concurrent change won; re-read and retry. */
    CONFLICT,
    /** A user with that username already exists. */
    ALREADY_EXISTS,
    /** Email was requested but no mail relay is configured. */
    MAIL_NOT_CONFIGURED,
    /** Email was requested but the target has no email address. */
    MAIL_NO_ADDRESS,
    /** The mail server did not accept the message. */
    MAIL_DELIVERY_FAILED,
    /** A stored password hash is malformed or uses an unknown algorithm. */
    HASH_UNSUPPORTED,
    /** A backing system (database, directory) failed or is unreachable. */
    UNAVAILABLE
}
