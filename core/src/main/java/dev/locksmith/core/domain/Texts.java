package dev.locksmith.core.domain;

import java.text.Normalizer;

/** Validation of the plain-text fields of the domain. */
final class Texts {
    private Texts() {
    }

    /** NFKC-normalizes and validates a single-line text field; rejects controls, unpaired surrogates, CR/LF. */
    static String singleLine(String value, String field, int maxCodePoints, boolean allowEmpty) {
        InvalidInputException.requireNonNull(value, field);
        if (value.length() > maxCodePoints * 2L) {
            throw new InvalidInputException(field, "longer than " + maxCodePoints + " characters");
        }
        requireWellFormed(value, field);
        String normalized = Normalizer.normalize(value, Normalizer.Form.NFKC).strip();
        if (!allowEmpty && normalized.isEmpty()) {
            throw new InvalidInputException(field, "must not be empty");
        }
        if (normalized.codePointCount(0, normalized.length()) > maxCodePoints) {
            throw new InvalidInputException(field, "longer than " + maxCodePoints + " characters");
        }
        if (normalized.codePoints().anyMatch(Texts::isForbiddenInLine)) {
            throw new InvalidInputException(field, "contains control characters");
        }
        return normalized;
    }

    /** Like {@link #singleLine} but allows line feeds and tabs (free text such as comments). */
    static String multiLine(String value, String field, int maxCodePoints) {
        InvalidInputException.requireNonNull(value, field);
        if (value.length() > maxCodePoints * 2L) {
            throw new InvalidInputException(field, "longer than " + maxCodePoints + " characters");
        }
        requireWellFormed(value, field);
        String normalized = Normalizer.normalize(value.replace("\r\n", "\n"), Normalizer.Form.NFKC).strip();
        if (normalized.codePointCount(0, normalized.length()) > maxCodePoints) {
            throw new InvalidInputException(field, "longer than " + maxCodePoints + " characters");
        }
        if (normalized.codePoints().anyMatch(c -> c != '\n' && c != '\t' && isForbiddenInLine(c))) {
            throw new InvalidInputException(field, "contains control characters");
        }
        return normalized;
    }

    static void requireWellFormed(CharSequence value, String field) {
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (Character.isHighSurrogate(c)) {
                if (i + 1 >= value.length() || !Character.isLowSurrogate(value.charAt(i + 1))) {
                    throw new InvalidInputException(field, "contains an unpaired surrogate");
                }
                i++;
            } else if (Character.isLowSurrogate(c)) {
                throw new InvalidInputException(field, "contains an unpaired surrogate");
            }
        }
    }

    static boolean isForbiddenInLine(int codePoint) {
        int type = Character.getType(codePoint);
        return Character.isISOControl(codePoint)
                || type == Character.LINE_SEPARATOR
                || type == Character.PARAGRAPH_SEPARATOR
                || type == Character.UNASSIGNED
                || type == Character.SURROGATE
                || codePoint == 0x200E || codePoint == 0x200F // bidi marks
                || (codePoint >= 0x202A && codePoint <= 0x202E) // bidi embedding / override
                || (codePoint >= 0x2066 && codePoint <= 0x2069); // bidi isolates
    }

    /**
     * Case folding, the same on both sides of every comparison (usernames, password word rules, search): each
     * code point upper-cased, then lower-cased, independent of locale and of context. So final sigma and
     * sigma, long s and s, dotted and dotless i fold alike, where {@code String.toLowerCase} maps some of
     * them differently by position and {@code Character.toLowerCase} alone would leave them apart. A BMP code
     * point folds to a BMP code point, so lengths are kept.
     */
    static int foldCase(int codePoint) {
        return Character.toLowerCase(Character.toUpperCase(codePoint));
    }

    /** {@link #foldCase(int)} over a whole string; same length as {@code text}. */
    static String foldCase(String text) {
        StringBuilder folded = new StringBuilder(text.length());
        text.codePoints().forEach(cp -> folded.appendCodePoint(foldCase(cp)));
        return folded.toString();
    }

    /** {@link #foldCase(int)} over {@code chars} into a new array of the same length (the caller wipes it). */
    static char[] foldCase(char[] chars) {
        char[] folded = new char[chars.length];
        for (int i = 0; i < chars.length; ) {
            int cp = Character.codePointAt(chars, i);
            int width = Character.charCount(cp);
            int fold = foldCase(cp);
            if (Character.charCount(fold) == width) {
                Character.toChars(fold, folded, i);
            } else {
                System.arraycopy(chars, i, folded, i, width);
            }
            i += width;
        }
        return folded;
    }
}
