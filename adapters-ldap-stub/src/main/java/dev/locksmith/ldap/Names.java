package dev.locksmith.ldap;

import dev.locksmith.core.domain.InvalidInputException;
import dev.locksmith.core.domain.Username;
import java.util.Locale;

/** Canonical forms shared by directory data and rules, so both compare exactly as core's usernames do. */
final class Names {
    private Names() {}

    /**
     * The canonical form core gives a username (NFKC, stripped, lower-cased with {@link Locale#ROOT}). Going
     * through {@link Username} itself, rather than copying its steps, keeps provider data and lookups in one
     * form even if core refines its canonicalization.
     *
     * @throws InvalidInputException naming {@code field} when the text is not a valid username
     */
    static String canonical(String text, String field) {
        InvalidInputException.requireNonNull(text, field);
        try {
            return Username.of(text).value();
        } catch (InvalidInputException e) {
            throw new InvalidInputException(field, e.parameters().getOrDefault("problem", "is not a valid name"));
        }
    }

    /**
     * True for an LDAP attribute type (RFC 4512 {@code descr} or numeric OID) followed by options
     * ({@code ;lang-en}), as it may stand before the colon of an LDIF line: {@code bytes[from..to)}.
     */
    static boolean isAttributeDescription(byte[] bytes, int from, int to) {
        int i = from;
        if (to == from) {
            return false;
        }
        if (isAlpha(bytes[from])) {
            while (i < to && (isAlpha(bytes[i]) || isDigit(bytes[i]) || bytes[i] == '-')) {
                i++;
            }
        } else if (isDigit(bytes[from])) {
            boolean digitExpected = true;
            while (i < to && (isDigit(bytes[i]) || bytes[i] == '.')) {
                if (bytes[i] == '.' && digitExpected) {
                    return false;
                }
                digitExpected = bytes[i] == '.';
                i++;
            }
            if (digitExpected) {
                return false;
            }
        } else {
            return false;
        }
        while (i < to) {
            if (bytes[i] != ';') {
                return false;
            }
            int start = ++i;
            while (i < to && (isAlpha(bytes[i]) || isDigit(bytes[i]) || bytes[i] == '-')) {
                i++;
            }
            if (i == start) {
                return false;
            }
        }
        return true;
    }

    private static boolean isAlpha(byte b) {
        return (b >= 'a' && b <= 'z') || (b >= 'A' && b <= 'Z');
    }

    private static boolean isDigit(byte b) {
        return b >= '0' && b <= '9';
    }
}
