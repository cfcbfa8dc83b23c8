package dev.locksmith.cli;

import dev.locksmith.core.domain.Reason;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The exit codes of the {@code locksmith} command, one per kind of failure, so that a script can branch on
 * them without reading messages. Every {@link Reason} maps to exactly one code ({@link #of(Reason)}).
 * Constants only; thread-safe.
 */
public final class ExitCode {
    /** Success. */
    public static final int OK = 0;
    /** An unexpected internal error (a bug): the only case that may print a stack trace, with {@code --debug}. */
    public static final int INTERNAL = 1;
    /**
     * Usage error: the command line cannot be carried out as written. An unknown command or option, a missing
     * argument, or a value that is malformed, out of range or not one of its choices ({@code --limit 0},
     * {@code --preset fancy}, a username or email address that is not one, options that exclude each other),
     * in an argument, a settings file or standard input ({@code INVALID_INPUT}). Nothing was changed.
     */
    public static final int USAGE = 2;
    /** Denied by the authorization matrix ({@code DENIED_*}). */
    public static final int DENIED = 3;
    /** The password breaks the password policy; every violation is listed ({@code POLICY_VIOLATED}). */
    public static final int POLICY = 4;
    /** The target user does not exist ({@code NOT_FOUND}). */
    public static final int NOT_FOUND = 5;
    /** A concurrent change won, or the username is taken ({@code CONFLICT}, {@code ALREADY_EXISTS}). */
    public static final int CONFLICT = 6;
    /** Mail not configured, no address, or delivery failed ({@code MAIL_*}); nothing was changed. */
    public static final int MAIL = 7;
    /** A backing system failed: database, directory data, unreadable stored hash ({@code UNAVAILABLE}, {@code HASH_UNSUPPORTED}). */
    public static final int UNAVAILABLE = 8;
    /** {@code login} only: the login did not succeed (rejected, locked, disabled, expired, use the provider). */
    public static final int LOGIN_FAILED = 9;

    private static final String[][] HELP = {
        {String.valueOf(OK), "success"},
        {String.valueOf(INTERNAL), "unexpected internal error (a bug; --debug prints its stack trace)"},
        {
            String.valueOf(USAGE),
            "usage error: unknown command or option, missing argument, or a value that is malformed, "
                    + "out of range or not one of its choices (INVALID_INPUT); nothing changed"
        },
        {String.valueOf(DENIED), "denied by the authorization matrix (DENIED_*)"},
        {String.valueOf(POLICY), "the password breaks the password policy, every violation listed (POLICY_VIOLATED)"},
        {String.valueOf(NOT_FOUND), "the target user does not exist (NOT_FOUND)"},
        {String.valueOf(CONFLICT), "a concurrent change won, or the username is taken (CONFLICT, ALREADY_EXISTS)"},
        {String.valueOf(MAIL), "mail not configured, no email address, or delivery failed; nothing changed (MAIL_*)"},
        {
            String.valueOf(UNAVAILABLE),
            "database, directory data or a stored hash unavailable (UNAVAILABLE, HASH_UNSUPPORTED)"
        },
        {
            String.valueOf(LOGIN_FAILED),
            "login only: rejected, locked, disabled, temporary password expired, or use the provider"
        },
    };

    private ExitCode() {}

    /** The exit codes and what they mean, in order, for the help text. */
    static Map<String, String> helpMap() {
        Map<String, String> map = new LinkedHashMap<>();
        for (String[] entry : HELP) {
            map.put(" " + entry[0], entry[1]);
        }
        return map;
    }

    /** The exit code for a failure with this reason. */
    public static int of(Reason reason) {
        return switch (reason.kind()) {
            case DENIED -> DENIED;
            case INVALID_INPUT -> reason == Reason.POLICY_VIOLATED ? POLICY : USAGE;
            case NOT_FOUND -> NOT_FOUND;
            case CONFLICT -> CONFLICT;
            case MAIL -> MAIL;
            case UNAVAILABLE, OUTCOME_UNKNOWN -> reason == Reason.MAIL_OUTCOME_UNKNOWN ? MAIL : UNAVAILABLE;
        };
    }
}
