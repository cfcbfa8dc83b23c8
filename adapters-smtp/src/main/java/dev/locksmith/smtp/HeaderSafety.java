package dev.locksmith.smtp;

import dev.locksmith.core.domain.InvalidInputException;

/**
 * Checks for text that reaches a mail header (or a line of the SMTP dialogue): a CR or LF would let a value
 * start a header or command of its own, so every control character, line or paragraph separator, bidi control
 * and unpaired surrogate is refused before anything is sent. Stateless.
 */
final class HeaderSafety {
    private HeaderSafety() {}

    /** Whether {@code value} holds nothing that could break or disguise a header line. */
    static boolean isSafe(CharSequence value) {
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (Character.isHighSurrogate(c)) {
                if (i + 1 >= value.length() || !Character.isLowSurrogate(value.charAt(i + 1))) {
                    return false;
                }
                i++;
                continue;
            }
            if (Character.isLowSurrogate(c) || isForbidden(c)) {
                return false;
            }
        }
        return true;
    }

    /**
     * Refuses a display name that is null, too long or not header-safe.
     *
     * @throws InvalidInputException naming {@code field}
     */
    static String requireSafeName(String value, String field) {
        InvalidInputException.requireNonNull(value, field);
        if (value.length() > SmtpSettings.MAX_NAME_LENGTH * 2
                || value.codePointCount(0, value.length()) > SmtpSettings.MAX_NAME_LENGTH) {
            throw new InvalidInputException(field, "longer than " + SmtpSettings.MAX_NAME_LENGTH + " characters");
        }
        if (!isSafe(value)) {
            throw new InvalidInputException(field, "contains line breaks or control characters");
        }
        return value;
    }

    private static boolean isForbidden(char c) {
        int type = Character.getType(c);
        return Character.isISOControl(c)
                || type == Character.LINE_SEPARATOR
                || type == Character.PARAGRAPH_SEPARATOR
                || c == '\u200E'
                || c == '\u200F' // bidi marks
                || (c >= '\u202A' && c <= '\u202E') // bidi embeddings and overrides
                || (c >= '\u2066' && c <= '\u2069'); // bidi isolates
    }
}
