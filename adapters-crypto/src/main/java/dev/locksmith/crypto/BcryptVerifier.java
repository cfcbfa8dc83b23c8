package dev.locksmith.crypto;

import dev.locksmith.core.domain.Reason;
import dev.locksmith.core.domain.UnavailableException;
import org.bouncycastle.crypto.DataLengthException;
import org.bouncycastle.crypto.generators.OpenBSDBCrypt;

/**
 * Checks legacy bcrypt hashes ({@code $2a$}, {@code $2b$}, {@code $2y$}) with Bouncy Castle's
 * {@link OpenBSDBCrypt}, which compares in constant time.
 *
 * <p>The string is checked here first, strictly: 60 characters, a known prefix, a two-digit cost from 04 to the
 * bound of {@link Argon2Settings#maxBcryptCost()} (default 14; each step doubles the time of a check, and cost 17
 * already means 2^17 Blowfish key setups, several seconds), 53 characters of bcrypt's Base64 whose unused
 * trailing bits are zero. Bouncy Castle
 * also accepts {@code $2$} and {@code $2x$} (the latter names crypt_blowfish's old sign-extension bug, which
 * Bouncy Castle does not reproduce); both are refused here.
 *
 * <p>The password goes in as the UTF-8 bytes of its NFKC form, through the {@code byte[]} overload (the
 * {@code char[]} overload encodes UTF-8 the same way; the bytes are used so Argon2 and bcrypt see the same
 * input, and are wiped by the caller). Like every bcrypt implementation, only the first 72 bytes count: a
 * password longer than 72 bytes of UTF-8 matches every password with the same first 72 bytes, even when the
 * cut falls inside a multi-byte character. This is the function the legacy system computed, so refusing long
 * passwords would lock their owners out; after a successful login the hash is upgraded to Argon2id, which
 * takes the whole password.
 */
final class BcryptVerifier {
    private static final String ALPHABET = "./ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";

    private BcryptVerifier() {}

    /** Whether the string claims to be bcrypt (it may still be malformed). */
    static boolean looksLikeBcrypt(String value) {
        return value.startsWith("$2");
    }

    /**
     * Validates the bcrypt string, with a cost of at most {@code maxCost}.
     *
     * @throws UnavailableException with reason HASH_UNSUPPORTED if it is not a canonical bcrypt string within bounds
     */
    static void validate(String value, int maxCost) {
        if (value.length() != 60
                || value.charAt(0) != '$'
                || value.charAt(1) != '2'
                || value.charAt(3) != '$'
                || value.charAt(6) != '$') {
            throw unsupported("wrong length or layout");
        }
        char variant = value.charAt(2);
        if (variant != 'a' && variant != 'b' && variant != 'y') {
            throw unsupported("unknown bcrypt variant");
        }
        char c1 = value.charAt(4);
        char c2 = value.charAt(5);
        if (c1 < '0' || c1 > '9' || c2 < '0' || c2 > '9') {
            throw unsupported("malformed cost");
        }
        int cost = (c1 - '0') * 10 + (c2 - '0');
        if (cost < Argon2Settings.MIN_BCRYPT_COST || cost > Argon2Settings.MAX_BCRYPT_COST) {
            throw unsupported("cost out of bounds");
        }
        if (cost > maxCost) {
            throw unsupported("cost " + cost + " above the bound of " + maxCost + " (Argon2Settings.maxBcryptCost)");
        }
        for (int i = 7; i < 60; i++) {
            if (ALPHABET.indexOf(value.charAt(i)) < 0) {
                throw unsupported("malformed bcrypt Base64");
            }
        }
        // 22 characters carry the 16-byte salt (4 spare bits), 31 carry the 23-byte hash (2 spare bits).
        if ((ALPHABET.indexOf(value.charAt(28)) & 0x0F) != 0 || (ALPHABET.indexOf(value.charAt(59)) & 0x03) != 0) {
            throw unsupported("non-canonical bcrypt Base64");
        }
    }

    /** Whether the password's UTF-8 bytes match the (validated) bcrypt string. */
    static boolean matches(String value, byte[] utf8Password) {
        try {
            return OpenBSDBCrypt.checkPassword(value, utf8Password);
        } catch (IllegalArgumentException | DataLengthException e) {
            throw new UnavailableException(Reason.HASH_UNSUPPORTED, "bcrypt hash refused by Bouncy Castle", e);
        }
    }

    private static UnavailableException unsupported(String problem) {
        return new UnavailableException(
                Reason.HASH_UNSUPPORTED, "unsupported password hash (bcrypt): " + problem, null);
    }
}
