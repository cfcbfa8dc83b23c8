package dev.locksmith.crypto;

import dev.locksmith.core.domain.InvalidInputException;
import dev.locksmith.core.domain.Password;
import dev.locksmith.core.domain.PasswordHash;
import dev.locksmith.core.domain.Reason;
import dev.locksmith.core.domain.UnavailableException;
import dev.locksmith.core.port.PasswordHasher;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Arrays;

/**
 * Core's {@link PasswordHasher} with Argon2id (Bouncy Castle 1.87): new hashes are PHC strings
 * {@code $argon2id$v=19$m=19456,t=2,p=1$<salt>$<tag>} (unpadded standard Base64, 16-byte salt from one
 * {@link SecureRandom} per hasher, 32-byte tag), with the cost of its {@link Argon2Settings}.
 *
 * <p><b>Verification</b> accepts any canonical Argon2 PHC string (argon2id, argon2i, argon2d; version 16 or
 * 19, the version field may be absent, meaning 16) whose cost is within bounds: 1 to 255 lanes, 1 to 32
 * passes, 8 KiB per lane up to {@link Argon2Settings#maxVerificationMemoryKiB()}, memory times passes up to
 * {@link Argon2Settings#maxVerificationWork()}, salt of 8 to 64 bytes, tag of 16 to 128 bytes; and legacy
 * bcrypt strings {@code $2a$}, {@code $2b$}, {@code $2y$} of cost 4 to {@link Argon2Settings#maxBcryptCost()}
 * (only the first 72 bytes of the password's UTF-8 count, as in every bcrypt). The cost bounds are relative to
 * the configured cost: by default 8 times its memory (at most a quarter of the heap) and 8 times its work, and
 * bcrypt cost 14, which admits the defaults of PHP, argon2-cffi and Spring Security (see
 * {@link Argon2Settings}). Anything else, including a cost beyond a bound, is refused before any hash is
 * computed and before any memory is allocated for it, with {@link UnavailableException} and reason
 * {@link Reason#HASH_UNSUPPORTED}; it never matches. Tags are compared with {@link MessageDigest#isEqual}, which
 * takes the same time wherever the first difference lies. Every password is hashed as the UTF-8 bytes of its
 * NFKC form ({@link Password#toUtf8()}), so a legacy hash made from a non-NFKC spelling of a password does not
 * verify.
 *
 * <p><b>Rehash</b> never replaces a stronger hash with a weaker one. {@link #needsRehash} is true for bcrypt;
 * for argon2i and argon2d (argon2id is preferred, as RFC 9106 recommends, whatever their cost) and for version
 * 16; and for an argon2id version 19 hash whose work (memory x passes) is below the configured work, or whose
 * memory is below both the configured memory and every OWASP configuration for its number of passes (work
 * bought with passes over too little memory). Otherwise the stored hash is kept: m=47104, t=1 (an OWASP
 * configuration, work 47104) is not replaced by m=19456, t=2 (work 38912), nor is a costlier imported hash,
 * which the bounds above keep affordable. Lanes, salt and tag length do not count: every accepted salt (8 bytes
 * or more) and tag (16 bytes or more) is long enough, and lanes change how the work may be spread, not how much
 * there is.
 *
 * <p><b>Resources</b>: at most {@link Argon2Settings#maxConcurrency()} hash computations (hash or verify,
 * Argon2 or bcrypt) run at once, by default one per processor; further callers wait in arrival order, each at
 * most {@link Argon2Settings#maxWait()} (default 10 s), after which it is answered {@link UnavailableException}
 * with reason {@link Reason#BUSY}: too many hashes at once, try again (not a database outage). The bound is on
 * memory too: a verification of a stored hash with more memory than the configured cost takes that much of the
 * budget ({@code maxConcurrency} times the configured memory), up to all of it, so a few such hashes queue
 * instead of running out of heap together, and the memory in use stays within the larger of the budget and one
 * stored hash at the memory bound. The 1 KiB Argon2 memory blocks are kept and reused through
 * Bouncy Castle's block-pool hook ({@code Argon2Parameters.Builder.withBlockPool}), one unsynchronized pool per
 * running computation, so the hasher keeps up to {@code maxConcurrency x m} KiB (about 39 MiB for the defaults
 * on two processors) and a hash no longer allocates its memory cost afresh. Bouncy Castle clears every block
 * before it returns to the pool; the password bytes and computed tags are wiped here after use. Not wiped,
 * because Bouncy Castle keeps them out of reach: its copy of the salt (not secret) and its two copies of H0,
 * the 64-byte BLAKE2b pre-hash of password and salt, left to the garbage collector (a heap dump taken before
 * they are reclaimed allows guessing at BLAKE2b speed against H0).
 *
 * <p>Its time and memory per hash, allocation rate and heap under load, against a new Bouncy Castle generator
 * measured in the same run, are in {@code benchmarks/README.md} (section Argon2id).
 *
 * <p>Thread-safe. {@link #hash} and {@link #verify} throw {@link InvalidInputException} for a null argument,
 * {@link InvalidInputException} for a wiped password, {@link UnavailableException} with reason
 * {@link Reason#BUSY} when no turn came within {@link Argon2Settings#maxWait()}, and with reason
 * {@link Reason#UNAVAILABLE} when the calling thread is interrupted while waiting for its turn (the thread's
 * interrupt flag is set again).
 */
public final class Argon2PasswordHasher implements PasswordHasher {
    static final int SALT_BYTES = 16;
    static final int TAG_BYTES = 32;
    private static final System.Logger LOG = System.getLogger(Argon2PasswordHasher.class.getName());

    private final Argon2Settings settings;
    private final SecureRandom random = new SecureRandom();
    private final ComputationGate gate;
    private final Argon2Engine engine;

    /** A hasher with {@link Argon2Settings#defaults()}. */
    public Argon2PasswordHasher() {
        this(Argon2Settings.defaults());
    }

    /**
     * A hasher with the given settings.
     *
     * @throws InvalidInputException if {@code settings} is null
     */
    public Argon2PasswordHasher(Argon2Settings settings) {
        this(settings, ComputationObserver.NONE);
    }

    Argon2PasswordHasher(Argon2Settings settings, ComputationObserver observer) {
        this.settings = InvalidInputException.requireNonNull(settings, "settings");
        this.gate = new ComputationGate(settings.maxConcurrency(), settings.memoryKiB(), settings.maxWait(), observer);
        this.engine = new Argon2Engine(settings.memoryKiB(), settings.parallelism());
        if (!settings.meetsOwaspMinimum()) {
            LOG.log(
                    System.Logger.Level.WARNING,
                    "Argon2 settings below the OWASP minimum, marked test-only: {0}",
                    settings);
        }
    }

    /** The settings of this hasher. */
    public Argon2Settings settings() {
        return settings;
    }

    @Override
    public PasswordHash hash(Password password) {
        InvalidInputException.requireNonNull(password, "password");
        byte[] salt = new byte[SALT_BYTES];
        random.nextBytes(salt);
        byte[] utf8 = password.toUtf8();
        // the new hash's parameters; its tag, all zero until computed, says how long the tag is
        PhcArgon2Hash untagged = new PhcArgon2Hash(
                Argon2Type.ARGON2ID,
                PhcArgon2Hash.VERSION_13,
                settings.memoryKiB(),
                settings.iterations(),
                settings.parallelism(),
                salt,
                new byte[TAG_BYTES]);
        byte[] tag = null;
        try {
            tag = gate.run(() -> engine.tagFor(untagged, utf8));
            return new PasswordHash(untagged.withTag(tag).encode());
        } finally {
            Arrays.fill(utf8, (byte) 0);
            if (tag != null) {
                Arrays.fill(tag, (byte) 0);
            }
        }
    }

    /**
     * {@inheritDoc}
     *
     * @throws UnavailableException with reason HASH_UNSUPPORTED when the hash is not a valid Argon2 PHC string
     *     or bcrypt string within the bounds stated on this class (nothing is computed), and with reason BUSY
     *     when no turn to compute came within {@link Argon2Settings#maxWait()}
     */
    @Override
    public boolean verify(Password password, PasswordHash hash) {
        InvalidInputException.requireNonNull(password, "password");
        InvalidInputException.requireNonNull(hash, "hash");
        String value = hash.value();
        if (BcryptVerifier.looksLikeBcrypt(value)) {
            BcryptVerifier.validate(value, settings.maxBcryptCost());
            byte[] utf8 = password.toUtf8();
            try {
                return gate.run(() -> BcryptVerifier.matches(value, utf8));
            } finally {
                Arrays.fill(utf8, (byte) 0);
            }
        }
        PhcArgon2Hash stored = parseArgon2(value);
        byte[] utf8 = password.toUtf8();
        byte[] computed = null;
        try {
            computed = gate.run(stored.memoryKiB(), () -> engine.tagFor(stored, utf8));
            return MessageDigest.isEqual(computed, stored.tag());
        } finally {
            Arrays.fill(utf8, (byte) 0);
            if (computed != null) {
                Arrays.fill(computed, (byte) 0);
            }
        }
    }

    /**
     * {@inheritDoc}
     *
     * <p>True when a hash made now would be stronger (see the class comment): never for a stored hash that is
     * at least as strong as the configured cost.
     *
     * @throws UnavailableException with reason HASH_UNSUPPORTED when the hash is not a valid Argon2 PHC string
     *     or bcrypt string within the bounds (the same check as {@link #verify}; nothing is computed)
     */
    @Override
    public boolean needsRehash(PasswordHash hash) {
        InvalidInputException.requireNonNull(hash, "hash");
        String value = hash.value();
        if (BcryptVerifier.looksLikeBcrypt(value)) {
            BcryptVerifier.validate(value, settings.maxBcryptCost());
            return true;
        }
        PhcArgon2Hash stored = parseArgon2(value);
        if (stored.type() != Argon2Type.ARGON2ID || stored.version() != PhcArgon2Hash.VERSION_13) {
            return true;
        }
        long storedWork = (long) stored.memoryKiB() * stored.iterations();
        boolean enoughMemory = stored.memoryKiB() >= settings.memoryKiB()
                || Argon2Settings.meetsOwaspMinimum(stored.memoryKiB(), stored.iterations());
        return storedWork < settings.work() || !enoughMemory;
    }

    /** Number of threads waiting for their turn to compute (test view of the bound). */
    int waitingComputations() {
        return gate.waiting();
    }

    Argon2Engine engine() {
        return engine;
    }

    private PhcArgon2Hash parseArgon2(String value) {
        if (!value.startsWith("$argon2")) {
            // The text is not echoed: a corrupt store might hold a plaintext password where a hash belongs.
            throw new UnavailableException(
                    Reason.HASH_UNSUPPORTED, "unsupported password hash: neither Argon2 nor bcrypt", null);
        }
        return PhcArgon2Hash.parse(value, settings.maxVerificationMemoryKiB(), settings.maxVerificationWork());
    }

    @Override
    public String toString() {
        return "Argon2PasswordHasher[" + settings + "]";
    }
}
