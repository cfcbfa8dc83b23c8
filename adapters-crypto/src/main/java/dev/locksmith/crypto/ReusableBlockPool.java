package dev.locksmith.crypto;

import java.util.Arrays;
import org.bouncycastle.crypto.generators.Argon2BytesGenerator;

/**
 * The 1 KiB memory blocks of one Argon2 computation, kept for the next one.
 *
 * <p>Bouncy Castle 1.87's {@link Argon2BytesGenerator} takes every block it uses (the m KiB of memory and its
 * four working blocks) from the {@link Argon2BytesGenerator.BlockPool} named in its parameters, and on the way
 * out (in {@code finally} blocks) clears each one ({@code Block.clear()}, zero fill) before handing it back,
 * so a pooled block never carries data from one password to the next. Without a pool argument the generator
 * makes a new {@code FixedBlockPool} at each {@code init}, so a new generator allocates its whole memory cost
 * afresh.
 *
 * <p>Last in, first out, like Bouncy Castle's {@code FixedBlockPool}, but not synchronized: that pool locks
 * for each of the roughly 20,000 calls of a default hash, and one pool here serves one computation at a time.
 * The order was measured: handing the blocks out in the same order every time (slot i always the same block)
 * was about 10% slower than last in, first out, in paired runs on this project's 2-core machine (see
 * {@code benchmarks/README.md}, section Argon2id).
 *
 * <p>{@link Argon2Engine} lends a pool out and takes it back through a concurrent queue, which orders
 * consecutive users. Not thread-safe.
 */
final class ReusableBlockPool implements Argon2BytesGenerator.BlockPool {
    private final Argon2BytesGenerator.Block[] blocks;
    private int size;
    private long freshAllocations;

    /** A pool that keeps at most {@code capacity} blocks; beyond that, blocks are allocated and then dropped. */
    ReusableBlockPool(int capacity) {
        this.blocks = new Argon2BytesGenerator.Block[capacity];
    }

    @Override
    public Argon2BytesGenerator.Block allocate() {
        if (size > 0) {
            Argon2BytesGenerator.Block block = blocks[--size];
            blocks[size] = null;
            return block;
        }
        freshAllocations++;
        return new Argon2BytesGenerator.Block();
    }

    @Override
    public void deallocate(Argon2BytesGenerator.Block block) {
        // The generator has already cleared the block. Beyond capacity (a stored hash with a larger memory
        // cost than the configured one) it is left to the garbage collector.
        if (size < blocks.length) {
            blocks[size++] = block;
        }
    }

    /** Blocks currently kept. */
    int size() {
        return size;
    }

    /** How many blocks this pool has had to allocate since it was made. */
    long freshAllocations() {
        return freshAllocations;
    }

    /** The kept blocks (test view of the wipe). */
    Argon2BytesGenerator.Block[] kept() {
        return Arrays.copyOf(blocks, size);
    }
}
