package dev.locksmith.core.testing;

import dev.locksmith.core.domain.InvalidInputException;
import dev.locksmith.core.domain.Password;
import dev.locksmith.core.domain.PasswordHash;
import dev.locksmith.core.domain.Reason;
import dev.locksmith.core.domain.UnavailableException;
import dev.locksmith.core.port.PasswordHasher;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;
import java.util.concurrent.Semaphore;
import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;

/**
 * A fast but real {@link PasswordHasher} for tests: PBKDF2-HMAC-SHA256 from {@code javax.crypto} with few
 * iterations, stored as a PHC-like string {@code $pbkdf2-sha256$i=<iterations>$<salt>$<hash>} (unpadded
 * Base64, 16-byte salt, 32-byte hash). Constant-time comparison; {@link #needsRehash} when the stored
 * iterations are below the configured ones, the algorithm is another one or the hash is malformed; malformed or
 * foreign hashes give
 * {@link UnavailableException} with {@link Reason#HASH_UNSUPPORTED} from {@link #verify}. At most as many
 * concurrent computations as there are processors. Thread-safe. Never use it in production: the iteration
 * count is far too low.
 */
public final class FakePasswordHasher implements PasswordHasher {
    /** The algorithm identifier in the PHC-like string. */
    public static final String ALGORITHM = "pbkdf2-sha256";
    /** Iterations used by {@link #FakePasswordHasher()}. */
    public static final int DEFAULT_ITERATIONS = 256;

    private static final int SALT_BYTES = 16;
    private static final int HASH_BYTES = 32;
    private static final int MAX_ITERATIONS = 1_000_000;
    private static final Base64.Encoder ENCODER = Base64.getEncoder().withoutPadding();
    private static final Base64.Decoder DECODER = Base64.getDecoder();

    private final int iterations;
    private final SecureRandom random = new SecureRandom();
    private final Semaphore permits = new Semaphore(Runtime.getRuntime().availableProcessors());
    private final java.util.concurrent.atomic.AtomicInteger verifications =
            new java.util.concurrent.atomic.AtomicInteger();

    /** A hasher with {@link #DEFAULT_ITERATIONS}. */
    public FakePasswordHasher() {
        this(DEFAULT_ITERATIONS);
    }

    /** @throws InvalidInputException when iterations is not 1 to 1,000,000 */
    public FakePasswordHasher(int iterations) {
        if (iterations < 1 || iterations > MAX_ITERATIONS) {
            throw new InvalidInputException("iterations", "must be between 1 and " + MAX_ITERATIONS);
        }
        this.iterations = iterations;
    }

    /** How many verifications this hasher has made (tests count them to compare costs). */
    public int verifications() {
        return verifications.get();
    }

    /** The configured iteration count. */
    public int iterations() {
        return iterations;
    }

    @Override
    public PasswordHash hash(Password password) {
        InvalidInputException.requireNonNull(password, "password");
        byte[] salt = new byte[SALT_BYTES];
        random.nextBytes(salt);
        byte[] derived = derive(password, salt, iterations);
        try {
            return new PasswordHash("$" + ALGORITHM + "$i=" + iterations + "$" + ENCODER.encodeToString(salt) + "$"
                    + ENCODER.encodeToString(derived));
        } finally {
            Arrays.fill(derived, (byte) 0);
        }
    }

    @Override
    public boolean verify(Password password, PasswordHash hash) {
        InvalidInputException.requireNonNull(password, "password");
        InvalidInputException.requireNonNull(hash, "hash");
        verifications.incrementAndGet();
        Parsed parsed = parse(hash);
        byte[] derived = derive(password, parsed.salt, parsed.iterations);
        try {
            return MessageDigest.isEqual(derived, parsed.hash);
        } finally {
            Arrays.fill(derived, (byte) 0);
        }
    }

    @Override
    public boolean needsRehash(PasswordHash hash) {
        InvalidInputException.requireNonNull(hash, "hash");
        if (!ALGORITHM.equals(hash.algorithm())) {
            return true;
        }
        try {
            return parse(hash).iterations < iterations;
        } catch (UnavailableException malformed) {
            return true; // it can never verify; whatever replaces it will be a proper hash
        }
    }

    @SuppressWarnings("ArrayRecordComponent") // private, read once where parsed; never compared
    private record Parsed(int iterations, byte[] salt, byte[] hash) {}

    private static Parsed parse(PasswordHash hash) {
        String[] parts = hash.value().split("\\$", -1);
        // "", algorithm, "i=N", salt, hash
        if (parts.length != 5 || !parts[0].isEmpty()) {
            throw unsupported("malformed hash");
        }
        if (!ALGORITHM.equals(parts[1])) {
            throw unsupported("unknown algorithm");
        }
        if (!parts[2].startsWith("i=")
                || parts[2].length() > 9
                || !parts[2].substring(2).matches("[1-9][0-9]*")) {
            throw unsupported("malformed parameters");
        }
        int iterations = Integer.parseInt(parts[2].substring(2));
        if (iterations > MAX_ITERATIONS) {
            throw unsupported("parameters out of range");
        }
        try {
            byte[] salt = DECODER.decode(parts[3]);
            byte[] derived = DECODER.decode(parts[4]);
            if (salt.length < 8 || salt.length > 64 || derived.length != HASH_BYTES) {
                throw unsupported("malformed salt or hash");
            }
            return new Parsed(iterations, salt, derived);
        } catch (IllegalArgumentException e) {
            throw unsupported("malformed Base64");
        }
    }

    private byte[] derive(Password password, byte[] salt, int rounds) {
        char[] chars = password.toCharArray();
        PBEKeySpec spec = new PBEKeySpec(chars, salt, rounds, HASH_BYTES * 8);
        permits.acquireUninterruptibly();
        try {
            return SecretKeyFactory.getInstance("PBKDF2WithHmacSHA256")
                    .generateSecret(spec)
                    .getEncoded();
        } catch (GeneralSecurityException e) {
            throw new UnavailableException("PBKDF2 is not available", e);
        } finally {
            permits.release();
            spec.clearPassword();
            Arrays.fill(chars, '\0');
        }
    }

    private static UnavailableException unsupported(String problem) {
        return new UnavailableException(Reason.HASH_UNSUPPORTED, "unsupported password hash: " + problem, null);
    }
}
