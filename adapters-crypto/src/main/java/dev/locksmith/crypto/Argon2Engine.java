package dev.locksmith.crypto;

import dev.locksmith.core.domain.Reason;
import dev.locksmith.core.domain.UnavailableException;
import java.util.Arrays;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.atomic.AtomicInteger;
import org.bouncycastle.crypto.generators.Argon2BytesGenerator;
import org.bouncycastle.crypto.params.Argon2Parameters;

/**
 * Computes Argon2 tags with Bouncy Castle, reusing memory blocks between computations.
 *
 * <p>Each computation borrows a {@link ReusableBlockPool} from an idle queue (or makes one when the queue is
 * empty) and returns it afterwards. Callers run inside a {@link ComputationGate}, so no more pools exist than
 * computations may run at once, and the memory kept is at most {@code maxConcurrency} times the configured
 * memory cost (plus four working blocks each). A verification with a larger memory cost than the configured
 * one allocates the excess afresh and drops it. Thread-safe.
 */
final class Argon2Engine {
    private final int poolCapacity;
    private final ConcurrentLinkedDeque<ReusableBlockPool> idle = new ConcurrentLinkedDeque<>();
    private final AtomicInteger poolsCreated = new AtomicInteger();

    /** An engine whose pools each keep the blocks of one computation of the given cost. */
    Argon2Engine(int memoryKiB, int parallelism) {
        this.poolCapacity = Argon2BytesGenerator.getBlockCount(memoryKiB, parallelism);
    }

    /**
     * The tag of {@code password} under the variant, version, cost and salt of {@code parameters}, as long as its
     * tag, with no secret and no associated data: for a stored hash, what must equal its tag. The caller wipes
     * {@code password} and the result.
     *
     * @throws UnavailableException with reason HASH_UNSUPPORTED if Bouncy Castle refuses the parameters
     */
    byte[] tagFor(PhcArgon2Hash parameters, byte[] password) {
        return compute(
                parameters.type(),
                parameters.version(),
                parameters.memoryKiB(),
                parameters.iterations(),
                parameters.parallelism(),
                parameters.salt(),
                password,
                null,
                null,
                parameters.tag().length);
    }

    /**
     * The tag of {@code password} under the given parameters. The caller wipes {@code password} and the result.
     *
     * @throws UnavailableException with reason HASH_UNSUPPORTED if Bouncy Castle refuses the parameters (the
     *     callers validate first, so this is a second line of defence)
     */
    byte[] compute(
            Argon2Type type,
            int version,
            int memoryKiB,
            int iterations,
            int parallelism,
            byte[] salt,
            byte[] password,
            byte[] secret,
            byte[] associatedData,
            int tagLength) {
        ReusableBlockPool pool = idle.pollFirst();
        if (pool == null) {
            pool = new ReusableBlockPool(poolCapacity);
            poolsCreated.incrementAndGet();
        }
        Argon2Parameters.Builder builder = new Argon2Parameters.Builder(type.bcType())
                .withVersion(version)
                .withMemoryAsKB(memoryKiB)
                .withIterations(iterations)
                .withParallelism(parallelism)
                .withSalt(salt)
                .withBlockPool(pool);
        if (secret != null) {
            builder.withSecret(secret);
        }
        if (associatedData != null) {
            builder.withAdditional(associatedData);
        }
        Argon2Parameters parameters = builder.build();
        builder.clear();
        byte[] tag = new byte[tagLength];
        boolean completed = false;
        try {
            Argon2BytesGenerator generator = new Argon2BytesGenerator();
            generator.init(parameters);
            generator.generateBytes(password, tag);
            completed = true;
            return tag;
        } catch (IllegalArgumentException | IllegalStateException | UnsupportedOperationException e) {
            Arrays.fill(tag, (byte) 0);
            throw new UnavailableException(Reason.HASH_UNSUPPORTED, "Argon2 parameters refused by Bouncy Castle", e);
        } finally {
            parameters.clear();
            // After a failure (an OutOfMemoryError half-way, say) the pool is dropped rather than trusted; a
            // new one is made on demand. (Bouncy Castle clears and returns blocks in finally blocks, so only
            // blocks it never got back would be missing.)
            if (completed) {
                idle.offerFirst(pool);
            }
        }
    }

    /** Pools made so far (at most the concurrency bound). */
    int poolsCreated() {
        return poolsCreated.get();
    }

    /** An idle pool, for tests that look at reuse and wiping; null if none. */
    ReusableBlockPool peekIdle() {
        return idle.peekFirst();
    }
}
