package dev.locksmith.core.domain;

import java.util.Map;
import java.util.Objects;

/**
 * One broken rule of the password policy, as a code with parameters (e.g. {@code TOO_SHORT},
 * {@code minimum=15}). Never contains the password. Immutable.
 */
public record PolicyViolation(Code code, Map<String, String> parameters) {

    /** The rules a password can break. */
    public enum Code {
        /** Fewer code points than {@code minimum}. */
        TOO_SHORT,
        /** More code points than {@code maximum}. */
        TOO_LONG,
        /** Contains control characters. */
        CONTROL_CHARACTERS,
        /** Complex passwords required: fewer than {@code required} of the four character classes. */
        NOT_COMPLEX,
        /** Fewer upper-case letters than {@code minimum}. */
        TOO_FEW_UPPERCASE,
        /** Fewer lower-case letters than {@code minimum}. */
        TOO_FEW_LOWERCASE,
        /** Fewer digits than {@code minimum}. */
        TOO_FEW_DIGITS,
        /** Fewer other characters (symbols, spaces, other scripts) than {@code minimum}. */
        TOO_FEW_OTHER,
        /** Contains the user's username, a display name or the email's local part ({@code context}). */
        CONTAINS_USER_INFORMATION,
        /** A common or breached password. */
        COMMON_PASSWORD,
        /** Contains one of the administrator's banned words. */
        BANNED_WORD,
        /** Estimated strength {@code score} below {@code minimum}; {@code feedback} may suggest a fix. */
        TOO_WEAK,
        /** Same as the current password. */
        SAME_AS_CURRENT,
        /** Same as one of the previous {@code history} passwords. */
        RECENTLY_USED
    }

    public PolicyViolation {
        Objects.requireNonNull(code, "code");
        parameters = Map.copyOf(parameters);
    }

    public static PolicyViolation of(Code code) {
        return new PolicyViolation(code, Map.of());
    }

    public static PolicyViolation of(Code code, String key, Object value) {
        return new PolicyViolation(code, Map.of(key, String.valueOf(value)));
    }
}
