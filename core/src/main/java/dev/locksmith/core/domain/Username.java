package dev.locksmith.core.domain;

/**
 * The login identifier of a user: unique, never editable through the password paths. Canonical form is
 * NFKC-normalized and case-folded (each character upper- then lower-cased, locale-independent), so
 * {@code Alice} and {@code alice}, or {@code ΚΩΣΤΑΣ} and {@code κωστας}, are one user, as directories treat
 * them. 1 to 128 characters, no whitespace or control characters. Immutable.
 *
 * <p>The constructor throws {@link InvalidInputException} when the value is not a valid username
 */
public record Username(String value) implements Comparable<Username> {
    /** Longest accepted username, in code points. */
    public static final int MAX_LENGTH = 128;

    public Username {
        String text = Texts.singleLine(value, "username", MAX_LENGTH, false);
        if (text.codePoints().anyMatch(Character::isWhitespace)
                || text.codePoints().anyMatch(Character::isSpaceChar)) {
            throw new InvalidInputException("username", "must not contain whitespace");
        }
        // Case-folded, not String.toLowerCase: every case variant of a name is one username (final and medial
        // sigma, dotted, dotless and capital I...), as directories compare names, so a local account cannot
        // shadow a directory one by a different spelling. Folding keeps the length.
        value = Texts.foldCase(text);
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
