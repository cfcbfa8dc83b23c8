package dev.locksmith.crypto;

import dev.locksmith.core.domain.Reason;
import dev.locksmith.core.domain.UnavailableException;
import java.util.Base64;

/**
 * A parsed Argon2 PHC string: {@code $argon2<type>[$v=<16|19>]$m=<kib>,t=<passes>,p=<lanes>$<salt>$<tag>}, the
 * three parameters in any order (node's {@code argon2} package writes {@code m=,p=,t=}).
 *
 * <p>Parsing is strict: decimal numbers without sign or leading zero, the parameters m, t and p once each, in
 * any order (the reference implementation writes m, t, p; node's {@code argon2} writes m, p, t), and nothing else (no
 * {@code keyid} or {@code data}), unpadded standard Base64 whose unused trailing bits are zero. A missing
 * version field means version 16, as the reference implementation decodes it; older libraries wrote version
 * 16 hashes both with and without the field, so both spellings of such a hash are accepted. Every bound is
 * checked before any hash is computed, so a stored string cannot make the hasher allocate or work without
 * limit (the limits themselves are set by {@link Argon2Settings}).
 */
@SuppressWarnings("ArrayRecordComponent") // package-private parse result; salt and tag are read, never compared
record PhcArgon2Hash(
        Argon2Type type, int version, int memoryKiB, int iterations, int parallelism, byte[] salt, byte[] tag) {
    static final int VERSION_10 = 0x10;
    static final int VERSION_13 = 0x13;
    static final int MIN_SALT_BYTES = 8;
    static final int MAX_SALT_BYTES = 64;
    /** Shorter tags are refused: a 4-byte tag (the reference minimum) would let a wrong password match 1 in 2^32. */
    static final int MIN_TAG_BYTES = 16;

    static final int MAX_TAG_BYTES = 128;

    private static final Base64.Decoder DECODER = Base64.getDecoder();
    private static final Base64.Encoder ENCODER = Base64.getEncoder().withoutPadding();

    /**
     * Parses and bounds-checks a PHC string: memory at most {@code maxMemoryKiB}, memory times passes at most
     * {@code maxWork}.
     *
     * @throws UnavailableException with reason HASH_UNSUPPORTED if it is not a canonical Argon2 PHC string
     *     within the bounds (the message names the problem and the bound, never the string)
     */
    static PhcArgon2Hash parse(String value, int maxMemoryKiB, long maxWork) {
        String[] parts = value.split("\\$", -1);
        if ((parts.length != 5 && parts.length != 6) || !parts[0].isEmpty()) {
            throw unsupported("not a PHC string with 4 or 5 fields");
        }
        Argon2Type type = Argon2Type.ofPhcId(parts[1]);
        if (type == null) {
            throw unsupported("unknown Argon2 variant");
        }
        int next = 2;
        int version = VERSION_10;
        if (parts.length == 6) {
            if (!parts[2].startsWith("v=")) {
                throw unsupported("version field expected");
            }
            long v = decimal(parts[2].substring(2));
            if (v != VERSION_10 && v != VERSION_13) {
                throw unsupported("unknown Argon2 version");
            }
            version = (int) v;
            next = 3;
        }
        String[] params = parts[next].split(",", -1);
        // PHC leaves the order open: the reference implementation writes m,t,p, node's argon2 writes m,p,t.
        long m = -1;
        long t = -1;
        long p = -1;
        for (String param : params) {
            if (params.length != 3 || param.length() < 3 || param.charAt(1) != '=') {
                throw unsupported("parameters must be m=, t= and p=, each once");
            }
            long number = decimal(param.substring(2));
            switch (param.charAt(0)) {
                case 'm' -> m = m < 0 ? number : -2;
                case 't' -> t = t < 0 ? number : -2;
                case 'p' -> p = p < 0 ? number : -2;
                default -> throw unsupported("parameters must be m=, t= and p=, each once");
            }
        }
        if (m < 0 || t < 0 || p < 0) {
            throw unsupported("parameters must be m=, t= and p=, each once");
        }
        if (p < 1 || p > Argon2Settings.MAX_PARALLELISM) {
            throw unsupported("parallelism out of bounds");
        }
        if (t < 1 || t > Argon2Settings.MAX_ITERATIONS) {
            throw unsupported("iterations out of bounds");
        }
        if (m < 8 * p) {
            throw unsupported("memory cost below 8 KiB per lane");
        }
        if (m > maxMemoryKiB) {
            throw unsupported("memory cost m=" + m + " KiB above the bound of " + maxMemoryKiB
                    + " KiB (Argon2Settings.maxVerificationMemoryKiB)");
        }
        if (m * t > maxWork) {
            throw unsupported("work m x t = " + m * t + " above the bound of " + maxWork
                    + " (Argon2Settings.maxVerificationWork)");
        }
        byte[] salt = base64(parts[next + 1]);
        if (salt.length < MIN_SALT_BYTES || salt.length > MAX_SALT_BYTES) {
            throw unsupported("salt length out of bounds");
        }
        byte[] tag = base64(parts[next + 2]);
        if (tag.length < MIN_TAG_BYTES || tag.length > MAX_TAG_BYTES) {
            throw unsupported("hash length out of bounds");
        }
        return new PhcArgon2Hash(type, version, (int) m, (int) t, (int) p, salt, tag);
    }

    /** The same variant, version, cost and salt with another tag. */
    PhcArgon2Hash withTag(byte[] tag) {
        return new PhcArgon2Hash(type, version, memoryKiB, iterations, parallelism, salt, tag);
    }

    /** The canonical PHC string (always with the version field). */
    String encode() {
        return "$" + type.phcId() + "$v=" + version + "$m=" + memoryKiB + ",t=" + iterations + ",p=" + parallelism + "$"
                + ENCODER.encodeToString(salt) + "$" + ENCODER.encodeToString(tag);
    }

    @Override
    public String toString() {
        return "PhcArgon2Hash[" + type.phcId() + " v=" + version + " m=" + memoryKiB + " t=" + iterations + " p="
                + parallelism + "]";
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof PhcArgon2Hash h && h.encode().equals(encode());
    }

    @Override
    public int hashCode() {
        return encode().hashCode();
    }

    /** A canonical non-negative decimal of at most 10 digits (so it fits a long; bounds are checked by the caller). */
    private static long decimal(String s) {
        if (s.isEmpty() || s.length() > 10 || (s.length() > 1 && s.charAt(0) == '0')) {
            throw unsupported("malformed number");
        }
        long n = 0;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c < '0' || c > '9') {
                throw unsupported("malformed number");
            }
            n = n * 10 + (c - '0');
        }
        return n;
    }

    private static byte[] base64(String s) {
        if (s.isEmpty() || s.length() % 4 == 1) {
            throw unsupported("malformed Base64");
        }
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            boolean ok =
                    (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '+' || c == '/';
            if (!ok) {
                throw unsupported("malformed Base64");
            }
        }
        byte[] bytes = DECODER.decode(s);
        // Non-zero unused bits would give a second spelling of the same bytes: refuse it.
        if (!ENCODER.encodeToString(bytes).equals(s)) {
            throw unsupported("non-canonical Base64");
        }
        return bytes;
    }

    static UnavailableException unsupported(String problem) {
        return new UnavailableException(
                Reason.HASH_UNSUPPORTED, "unsupported password hash (argon2): " + problem, null);
    }
}
