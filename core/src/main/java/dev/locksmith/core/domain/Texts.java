package dev.locksmith.core.domain;

import java.text.Normalizer;

/** Validation of the plain-text fields of the domain. */
final class Texts {
    private Texts() {}

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
        if (normalized.codePoints().anyMatch(Texts::isInvisible)) {
            throw new InvalidInputException(field, "contains invisible characters");
        }
        return normalized;
    }

    /**
     * Whether a code point is invisible: a format character (general category Cf: zero-width space, joiners,
     * word joiner, soft hyphen, byte order mark, bidi controls...) or a Unicode Default_Ignorable_Code_Point
     * (Hangul fillers, variation selectors, combining grapheme joiner, tag characters...). Names made of such
     * characters look like other names ({@code ad<U+200B>min} beside {@code admin}), so single-line fields
     * (usernames, display names, email addresses, provider names) refuse them. Checked after NFKC, which maps
     * the halfwidth and compatibility Hangul fillers to U+1160.
     */
    static boolean isInvisible(int cp) {
        return Character.getType(cp) == Character.FORMAT
                || cp == 0x00AD
                || cp == 0x034F
                || cp == 0x061C
                || (cp >= 0x115F && cp <= 0x1160)
                || (cp >= 0x17B4 && cp <= 0x17B5)
                || (cp >= 0x180B && cp <= 0x180F)
                || (cp >= 0x200B && cp <= 0x200F)
                || (cp >= 0x202A && cp <= 0x202E)
                || (cp >= 0x2060 && cp <= 0x206F)
                || cp == 0x3164
                || (cp >= 0xFE00 && cp <= 0xFE0F)
                || cp == 0xFEFF
                || cp == 0xFFA0
                || (cp >= 0xFFF0 && cp <= 0xFFF8)
                || (cp >= 0x1BCA0 && cp <= 0x1BCA3)
                || (cp >= 0x1D173 && cp <= 0x1D17A)
                || (cp >= 0xE0000 && cp <= 0xE0FFF);
    }

    /** Like {@link #singleLine} but allows line feeds and tabs (free text such as comments). */
    static String multiLine(String value, String field, int maxCodePoints) {
        InvalidInputException.requireNonNull(value, field);
        if (value.length() > maxCodePoints * 2L) {
            throw new InvalidInputException(field, "longer than " + maxCodePoints + " characters");
        }
        requireWellFormed(value, field);
        String normalized = Normalizer.normalize(value.replace("\r\n", "\n"), Normalizer.Form.NFKC)
                .strip();
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
                || codePoint == 0x200E
                || codePoint == 0x200F // bidi marks
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
