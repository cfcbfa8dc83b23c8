package dev.locksmith.core.domain;

/**
 * Machine-readable reason carried by every {@link LocksmithException}. Programs branch on these codes, or on
 * their {@link #kind()}; message text is for people.
 */
public enum Reason {
    /** The input was malformed: null, empty, oversized, control characters, bad syntax. */
    INVALID_INPUT(Kind.INVALID_INPUT),
    /** The acting user does not exist. */
    DENIED_ACTOR_UNKNOWN(Kind.DENIED),
    /** The acting user is disabled. */
    DENIED_ACTOR_DISABLED(Kind.DENIED),
    /**
     * The acting user must change their own password first (the must-change flag is set, or the password or
     * the temporary password has expired): every use case but the self-service change is refused.
     */
    DENIED_PASSWORD_CHANGE_REQUIRED(Kind.DENIED),
    /** The actor holds neither the permission the action needs nor administrator rights. */
    DENIED_NOT_PERMITTED(Kind.DENIED),
    /** A privileged (non-administrator) user targeted an administrator. */
    DENIED_TARGET_IS_ADMINISTRATOR(Kind.DENIED),
    /** The target's password lives in an external security provider. */
    DENIED_TARGET_MANAGED_BY_PROVIDER(Kind.DENIED),
    /** The delegated path was used on the actor's own account; the self-service change must be used. */
    DENIED_SELF_TARGET(Kind.DENIED),
    /** A local-only action (own password change) was asked for by a provider user. */
    DENIED_NOT_LOCAL(Kind.DENIED),
    /** The change would leave the appliance without an enabled administrator, or lock an administrator out of their own account. */
    DENIED_LAST_ADMINISTRATOR(Kind.DENIED),
    /** An administrator tried to delete or disable their own account. */
    DENIED_SELF_ADMINISTRATION(Kind.DENIED),
    /** The current password given for a self-service change did not verify. */
    DENIED_WRONG_CURRENT_PASSWORD(Kind.DENIED),
    /** The target user does not exist. */
    NOT_FOUND(Kind.NOT_FOUND),
    /** The new password breaks the password policy; see the violations. */
    POLICY_VIOLATED(Kind.INVALID_INPUT),
    /** A concurrent change won, and retrying did not help; re-read and retry later. */
    CONFLICT(Kind.CONFLICT),
    /** A user with that username already exists. */
    ALREADY_EXISTS(Kind.CONFLICT),
    /** Email was requested but no mail relay is configured. */
    MAIL_NOT_CONFIGURED(Kind.MAIL),
    /** Email was requested but the target has no email address. */
    MAIL_NO_ADDRESS(Kind.MAIL),
    /** The mail server did not accept the message; nothing was sent. */
    MAIL_DELIVERY_FAILED(Kind.MAIL),
    /**
     * The message was handed over but the mail server's final answer was lost or late: it may or may not
     * have been accepted. Never reported as "nothing was sent".
     */
    MAIL_OUTCOME_UNKNOWN(Kind.OUTCOME_UNKNOWN),
    /** A stored password hash is malformed, uses an unknown algorithm, or costs more than the configured bound. */
    HASH_UNSUPPORTED(Kind.UNAVAILABLE),
    /** Too many password hashes are being computed; the wait for a turn exceeded its bound. Try again. */
    BUSY(Kind.UNAVAILABLE),
    /** A configured directory (security provider) could not be reached or answered with an error. */
    PROVIDER_UNREACHABLE(Kind.UNAVAILABLE),
    /** A backing system (database, directory) failed or is unreachable; nothing was changed. */
    UNAVAILABLE(Kind.UNAVAILABLE),
    /**
     * The connection to a backing system was lost while it was committing: the change may or may not have
     * been stored. Read the state again before repeating it.
     */
    OUTCOME_UNKNOWN(Kind.OUTCOME_UNKNOWN);

    private final Kind kind;

    Reason(Kind kind) {
        this.kind = kind;
    }

    /** The kind of failure this reason belongs to. */
    public Kind kind() {
        return kind;
    }

    /** Whether the authorization matrix (or a check of who the actor is) refused the request. */
    public boolean isDenial() {
        return kind == Kind.DENIED;
    }

    /** The kinds of failure, one per way a caller reacts. */
    public enum Kind {
        /** Refused by the authorization matrix; retrying as the same actor will not help. */
        DENIED,
        /** Malformed input or a policy violation; correct the input. */
        INVALID_INPUT,
        /** The named user does not exist. */
        NOT_FOUND,
        /** A concurrent change or a taken name; re-read and retry. */
        CONFLICT,
        /** Mail could not be sent (nothing was changed). */
        MAIL,
        /** A backing system failed or is busy; nothing was changed; retry later. */
        UNAVAILABLE,
        /** It is not known whether the change or the hand-over happened; read the state before retrying. */
        OUTCOME_UNKNOWN
    }
}
