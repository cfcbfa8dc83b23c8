package dev.locksmith.cli;

import dev.locksmith.core.domain.Reason;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The exit codes of the {@code locksmith} command, one per kind of failure, so that a script can branch on
 * them without reading messages, each with the text {@code --help} shows for it. Every {@link Reason} maps to
 * exactly one code, by its kind ({@link #of(Reason)}). Immutable; thread-safe.
 */
public enum ExitCode {
    /** Success. */
    OK(0, "success"),
    /** An unexpected internal error (a bug): the only case that may print a stack trace, with {@code --debug}. */
    INTERNAL(1, "unexpected internal error (a bug; --debug prints its stack trace)"),
    /**
     * Usage error: the command line cannot be carried out as written. An unknown command or option, a missing
     * argument, or a value that is malformed, out of range or not one of its choices ({@code --limit 0},
     * {@code --preset fancy}, a username or email address that is not one, options that exclude each other),
     * in an argument, a settings file or standard input ({@code INVALID_INPUT}). Nothing was changed.
     */
    USAGE(
            2,
            "usage error: unknown command or option, missing argument, or a value that is malformed, "
                    + "out of range or not one of its choices (INVALID_INPUT); nothing changed"),
    /** Denied by the authorization matrix ({@code DENIED_*}). */
    DENIED(3, "denied by the authorization matrix (DENIED_*)"),
    /** The password breaks the password policy; every violation is listed ({@code POLICY_VIOLATED}). */
    POLICY(4, "the password breaks the password policy, every violation listed (POLICY_VIOLATED)"),
    /** The target user does not exist ({@code NOT_FOUND}). */
    NOT_FOUND(5, "the target user does not exist (NOT_FOUND)"),
    /** A concurrent change won, or the username is taken ({@code CONFLICT}, {@code ALREADY_EXISTS}). */
    CONFLICT(6, "a concurrent change won, or the username is taken (CONFLICT, ALREADY_EXISTS)"),
    /** Mail not configured, no address, or delivery failed ({@code MAIL_*}); nothing was changed. */
    MAIL(7, "mail not configured, no email address, or delivery failed; nothing changed (MAIL_*)"),
    /**
     * A backing system failed or is busy, or a commit's outcome is unknown: database, directory, hashing gate,
     * unreadable stored hash ({@code UNAVAILABLE}, {@code BUSY}, {@code PROVIDER_UNREACHABLE},
     * {@code HASH_UNSUPPORTED}, {@code OUTCOME_UNKNOWN}).
     */
    UNAVAILABLE(
            8,
            "database, directory, hashing or a stored hash unavailable, or a commit's outcome unknown "
                    + "(UNAVAILABLE, BUSY, PROVIDER_UNREACHABLE, HASH_UNSUPPORTED, OUTCOME_UNKNOWN)"),
    /** {@code login} only: the login did not succeed (rejected, locked, disabled, expired, use the provider). */
    LOGIN_FAILED(9, "login only: rejected, locked, disabled, temporary password expired, or use the provider");

    private final int code;
    private final String help;

    ExitCode(int code, String help) {
        this.code = code;
        this.help = help;
    }

    /** The process exit status. */
    public int code() {
        return code;
    }

    /** What it means, as {@code --help} lists it. */
    public String help() {
        return help;
    }

    /** The exit codes and what they mean, in order, for the help text. */
    static Map<String, String> helpMap() {
        Map<String, String> map = new LinkedHashMap<>();
        for (ExitCode exit : values()) {
            map.put(" " + exit.code, exit.help);
        }
        return map;
    }

    /** The exit code for a failure with this reason. */
    public static ExitCode of(Reason reason) {
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
