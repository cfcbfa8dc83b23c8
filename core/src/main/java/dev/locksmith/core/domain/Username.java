package dev.locksmith.core.domain;

import java.util.Locale;

/**
 * The login identifier of a user: unique, never editable through the password paths. Canonical form is
 * NFKC-normalized and lower-cased (locale-independent), so {@code Alice} and {@code alice} are one user, as
 * directories treat them. 1 to 128 characters, no whitespace or control characters. Immutable.
 *
 * @throws InvalidInputException from the constructor when the value is not a valid username
 */
public record Username(String value) implements Comparable<Username> {
    /** Longest accepted username, in code points. */
    public static final int MAX_LENGTH = 128;

    public Username {
        String text = Texts.singleLine(value, "username", MAX_LENGTH, false);
        if (text.codePoints().anyMatch(Character::isWhitespace) || text.codePoints().anyMatch(Character::isSpaceChar)) {
            throw new InvalidInputException("username", "must not contain whitespace");
        }
        String lower = text.toLowerCase(Locale.ROOT);
        // Lower-casing can lengthen a name (U+0130 becomes two code points): the limit holds for what is stored.
        if (lower.codePointCount(0, lower.length()) > MAX_LENGTH) {
            throw new InvalidInputException("username", "longer than " + MAX_LENGTH + " characters once lower-cased");
        }
        value = lower;
    }

    /** Shorthand for {@code new Username(value)}. */
    public static Username of(String value) {
        return new Username(value);
    }

    @Override
    public int compareTo(Username other) {
        return value.compareTo(other.value);
    }

    @Override
    public String toString() {
        return value;
    }
}
