package dev.locksmith.screening;

/**
 * Locale-independent case folding shared by the blocklist's loading and lookup paths, so both sides of a
 * comparison are folded by exactly the same rule.
 */
final class CaseFolding {
    private CaseFolding() {}

    /**
     * Folds every code point of {@code text} into a fresh array. Upper-casing before lower-casing maps variant
     * forms onto one letter (final sigma and sigma, long s and s, Kelvin sign and k), which plain lower-casing
     * misses. Simple folding, one code point for one: a letter whose capital is several letters ({@code ß} and
     * {@code SS}, {@code ǰ}, {@code ΰ}) matches its lower-case spelling only, since full folding would need the
     * password as a {@code String}; a list that must also refuse {@code STRASSE} for {@code straße} lists both.
     * The caller owns the array and wipes it when it held a password.
     */
    static char[] fold(CharSequence text) {
        int length = 0;
        for (int i = 0; i < text.length(); ) {
            int codePoint = Character.codePointAt(text, i);
            length += Character.charCount(fold(codePoint));
            i += Character.charCount(codePoint);
        }
        char[] folded = new char[length];
        int at = 0;
        for (int i = 0; i < text.length(); ) {
            int codePoint = Character.codePointAt(text, i);
            at += Character.toChars(fold(codePoint), folded, at);
            i += Character.charCount(codePoint);
        }
        return folded;
    }

    static int fold(int codePoint) {
        return Character.toLowerCase(Character.toUpperCase(codePoint));
    }
}
