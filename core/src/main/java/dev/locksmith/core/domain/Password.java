package dev.locksmith.core.domain;

import java.nio.CharBuffer;
import java.text.Normalizer;
import java.util.Arrays;

/**
 * A plaintext password in transit: NFKC-normalized, never printed, wipeable.
 *
 * <p>Input larger than {@link #MAX_UTF8_BYTES} bytes of UTF-8 is refused before any normalization or
 * hashing work, so a huge string costs nothing. Unpaired surrogates are refused (they have no UTF-8 form).
 * {@link #toString()} is redacted; there is no {@code equals} by content. Call {@link #wipe()} when done; a
 * wiped password throws {@link InvalidInputException} on use. Normalization of non-NFKC input goes through
 * {@link java.text.Normalizer}, which leaves one intermediate {@code String} to the garbage collector; input
 * already in NFKC (most passwords) is copied straight into the wipeable array.
 *
 * <p>Not thread-safe for concurrent {@link #wipe()}; share read-only.
 */
public final class Password implements AutoCloseable {
    /** Hard ceiling on the UTF-8 size of any password input. */
    public static final int MAX_UTF8_BYTES = 4096;

    private final char[] chars;
    /** The characters as typed, when normalization changed them; else null. */
    private final char[] typed;

    private volatile boolean wiped;

    private Password(char[] chars, char[] typed) {
        this.chars = chars;
        this.typed = typed;
    }

    /**
     * Creates a password from the given characters (copied; the caller may wipe its array afterwards).
     *
     * @throws InvalidInputException if null, above 4 KiB of UTF-8, or holding an unpaired surrogate
     */
    public static Password of(char[] raw) {
        InvalidInputException.requireNonNull(raw, "password");
        return of(CharBuffer.wrap(raw));
    }

    /**
     * Creates a password from text.
     *
     * @throws InvalidInputException if null, above 4 KiB of UTF-8, or holding an unpaired surrogate
     */
    public static Password of(CharSequence raw) {
        InvalidInputException.requireNonNull(raw, "password");
        if (raw.length() > MAX_UTF8_BYTES || utf8Length(raw) > MAX_UTF8_BYTES) {
            throw new InvalidInputException("password", "longer than " + MAX_UTF8_BYTES + " bytes");
        }
        Texts.requireWellFormed(raw, "password");
        if (Normalizer.isNormalized(raw, Normalizer.Form.NFKC)) {
            char[] copy = new char[raw.length()];
            for (int i = 0; i < copy.length; i++) {
                copy[i] = raw.charAt(i);
            }
            return new Password(copy, null);
        }
        String normalized = Normalizer.normalize(raw, Normalizer.Form.NFKC);
        if (utf8Length(normalized) > MAX_UTF8_BYTES * 4) {
            throw new InvalidInputException("password", "longer than " + MAX_UTF8_BYTES + " bytes");
        }
        char[] typed = new char[raw.length()];
        for (int i = 0; i < typed.length; i++) {
            typed[i] = raw.charAt(i);
        }
        return new Password(normalized.toCharArray(), typed);
    }

    /**
     * The password exactly as typed, not normalized, when normalization changed it (fullwidth letters from an
     * input method, a ligature...); empty when the typed form is already NFKC. Locksmith hashes and checks the
     * normalized form only; this form exists to verify a hash imported from a system that hashed passwords as
     * typed. The caller owns the returned password and wipes it.
     */
    public java.util.Optional<Password> typedForm() {
        checkLive();
        return typed == null ? java.util.Optional.empty() : java.util.Optional.of(new Password(typed.clone(), null));
    }

    /** Number of Unicode code points (after normalization). */
    public int codePointCount() {
        checkLive();
        return Character.codePointCount(chars, 0, chars.length);
    }

    /** A fresh copy of the normalized characters; the caller should wipe it with {@code Arrays.fill}. */
    public char[] toCharArray() {
        checkLive();
        return chars.clone();
    }

    /** A fresh UTF-8 encoding of the normalized password; the caller should wipe it with {@code Arrays.fill}. */
    public byte[] toUtf8() {
        checkLive();
        byte[] out = new byte[utf8Length(CharBuffer.wrap(chars))];
        int o = 0;
        for (int i = 0; i < chars.length; i++) {
            int cp = chars[i];
            if (Character.isHighSurrogate(chars[i])) {
                cp = Character.toCodePoint(chars[i], chars[++i]);
            }
            if (cp < 0x80) {
                out[o++] = (byte) cp;
            } else if (cp < 0x800) {
                out[o++] = (byte) (0xC0 | (cp >> 6));
                out[o++] = (byte) (0x80 | (cp & 0x3F));
            } else if (cp < 0x10000) {
                out[o++] = (byte) (0xE0 | (cp >> 12));
                out[o++] = (byte) (0x80 | ((cp >> 6) & 0x3F));
                out[o++] = (byte) (0x80 | (cp & 0x3F));
            } else {
                out[o++] = (byte) (0xF0 | (cp >> 18));
                out[o++] = (byte) (0x80 | ((cp >> 12) & 0x3F));
                out[o++] = (byte) (0x80 | ((cp >> 6) & 0x3F));
                out[o++] = (byte) (0x80 | (cp & 0x3F));
            }
        }
        return out;
    }

    /**
     * Whether the password contains {@code word}, comparing case-insensitively (locale-independent, both
     * sides folded alike by upper- then lower-casing each character, so "ΑΘΗΝΑΣ" matches "αθηνας"). Used
     * for context-word and banned-word rules without exposing the password as a {@code String}.
     */
    public boolean containsIgnoreCase(String word) {
        checkLive();
        if (word.isEmpty()) {
            return false;
        }
        String needle = Texts.foldCase(word);
        char[] lower = lowerCopy();
        try {
            outer:
            for (int i = 0; i + needle.length() <= lower.length; i++) {
                for (int j = 0; j < needle.length(); j++) {
                    if (lower[i + j] != needle.charAt(j)) {
                        continue outer;
                    }
                }
                return true;
            }
            return false;
        } finally {
            Arrays.fill(lower, '\0');
        }
    }

    /** Whether the whole password equals {@code word}, ignoring case (locale-independent). */
    public boolean equalsIgnoreCase(String word) {
        checkLive();
        String needle = Texts.foldCase(word);
        char[] lower = lowerCopy();
        try {
            return CharBuffer.wrap(lower).equals(CharBuffer.wrap(needle));
        } finally {
            Arrays.fill(lower, '\0');
        }
    }

    /** Package-private view for the policy rules. */
    char[] chars() {
        checkLive();
        return chars;
    }

    /** Overwrites the characters; the password is unusable afterwards. Idempotent. */
    public void wipe() {
        Arrays.fill(chars, '\0');
        if (typed != null) {
            Arrays.fill(typed, '\0');
        }
        wiped = true;
    }

    /** Whether {@link #wipe()} was called. */
    public boolean isWiped() {
        return wiped;
    }

    /** Same as {@link #wipe()}, for try-with-resources. */
    @Override
    public void close() {
        wipe();
    }

    @Override
    public String toString() {
        return "Password[redacted]";
    }

    private char[] lowerCopy() {
        return Texts.foldCase(chars);
    }

    private void checkLive() {
        if (wiped) {
            throw new InvalidInputException("password", "was wiped (passwords are single-use: create a new one)");
        }
    }

    private static int utf8Length(CharSequence s) {
        int bytes = 0;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c < 0x80) {
                bytes += 1;
            } else if (c < 0x800) {
                bytes += 2;
            } else if (Character.isHighSurrogate(c)
                    && i + 1 < s.length()
                    && Character.isLowSurrogate(s.charAt(i + 1))) {
                bytes += 4;
                i++;
            } else {
                bytes += 3;
            }
        }
        return bytes;
    }
}
