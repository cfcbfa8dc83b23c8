package dev.locksmith.crypto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.locksmith.core.domain.Password;
import dev.locksmith.core.domain.PasswordHash;
import java.lang.reflect.Field;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.bouncycastle.crypto.generators.Argon2BytesGenerator;
import org.bouncycastle.crypto.params.Argon2Parameters;
import org.junit.jupiter.api.Test;

/**
 * Reuse of Argon2 memory blocks: after the first computation no block is allocated again, pooled blocks are
 * zero (wiped by Bouncy Castle before they return), and tags computed with reused blocks equal those of a new
 * Bouncy Castle generator, across different variants and costs.
 */
class BlockReuseTest {

    @Test
    void after_the_first_hash_no_block_is_allocated_again() {
        Argon2PasswordHasher hasher = new Argon2PasswordHasher(Argon2Settings.builder()
                .testOnly()
                .memoryKiB(256)
                .iterations(2)
                .parallelism(2)
                .maxConcurrency(1)
                .build());
        int blocks = Argon2BytesGenerator.getBlockCount(256, 2);

        hasher.hash(Password.of("one"));
        ReusableBlockPool pool = hasher.engine().peekIdle();
        assertThat(pool.freshAllocations()).isEqualTo(blocks);
        for (int i = 0; i < 5; i++) {
            assertThat(hasher.verify(Password.of("two " + i), hasher.hash(Password.of("two " + i))))
                    .isTrue();
        }

        assertThat(hasher.engine().poolsCreated()).isEqualTo(1);
        assertThat(pool.freshAllocations()).isEqualTo(blocks);
        assertThat(pool.size()).isEqualTo(blocks);
    }

    @Test
    void blocks_come_back_last_in_first_out_up_to_the_capacity() {
        ReusableBlockPool pool = new ReusableBlockPool(2);
        Argon2BytesGenerator.Block a = pool.allocate();
        Argon2BytesGenerator.Block b = pool.allocate();
        Argon2BytesGenerator.Block c = pool.allocate();
        pool.deallocate(a.clear());
        pool.deallocate(b.clear());
        pool.deallocate(c.clear());

        assertThat(pool.size())
                .as("the third block is left to the garbage collector")
                .isEqualTo(2);
        assertThat(pool.allocate()).isSameAs(b);
        assertThat(pool.allocate()).isSameAs(a);
        assertThat(pool.allocate()).isNotIn(a, b, c);
        assertThat(pool.freshAllocations()).isEqualTo(4);
    }

    @Test
    void a_failed_computation_drops_its_pool() {
        Argon2Engine engine = new Argon2Engine(64, 1);
        byte[] salt = new byte[16];
        engine.compute(Argon2Type.ARGON2ID, 0x13, 64, 1, 1, salt, new byte[1], null, null, 32);
        ReusableBlockPool before = engine.peekIdle();

        // Version 0x11 does not exist: Bouncy Castle refuses it once the pool has been lent out.
        assertThatThrownBy(() -> engine.compute(Argon2Type.ARGON2ID, 0x11, 64, 1, 1, salt, new byte[1], null, null, 32))
                .isInstanceOf(dev.locksmith.core.domain.UnavailableException.class);
        assertThat(engine.peekIdle()).isNull();
        engine.compute(Argon2Type.ARGON2ID, 0x13, 64, 1, 1, salt, new byte[1], null, null, 32);

        assertThat(engine.peekIdle()).isNotSameAs(before);
        assertThat(engine.poolsCreated()).isEqualTo(2);
    }

    @Test
    void pooled_blocks_are_zero_between_computations() throws Exception {
        Argon2PasswordHasher hasher = new Argon2PasswordHasher(Argon2Settings.testOnly(64, 1, 1));
        hasher.hash(Password.of("leave no trace"));
        Field v = Argon2BytesGenerator.Block.class.getDeclaredField("v");
        v.setAccessible(true);

        Argon2BytesGenerator.Block[] kept = hasher.engine().peekIdle().kept();
        assertThat(kept).isNotEmpty();
        for (Argon2BytesGenerator.Block block : kept) {
            assertThat((long[]) v.get(block)).containsOnly(0L);
        }
    }

    @Test
    void a_larger_stored_cost_borrows_extra_blocks_and_keeps_only_the_configured_number() {
        // Reference-tool hash with m=4096, t=3: 64 times the configured memory, so the bounds are raised for it.
        Argon2PasswordHasher hasher = new Argon2PasswordHasher(Argon2Settings.builder()
                .testOnly()
                .memoryKiB(64)
                .iterations(1)
                .maxConcurrency(1)
                .maxVerificationMemoryKiB(4096)
                .maxVerificationWork(4096L * 3)
                .build());
        PasswordHash larger = new PasswordHash(MalformedHashTest.VALID_ARGON2);

        assertThat(hasher.verify(Password.of("password"), larger)).isTrue();
        assertThat(hasher.engine().peekIdle().size()).isEqualTo(Argon2BytesGenerator.getBlockCount(64, 1));
        assertThat(hasher.verify(Password.of("password"), larger)).isTrue();
        assertThat(hasher.verify(Password.of("Password"), larger)).isFalse();
    }

    @Test
    void tags_from_reused_blocks_equal_those_of_a_new_generator() {
        Argon2Engine engine = new Argon2Engine(512, 1);
        byte[] salt = "a sixteen b salt".getBytes(StandardCharsets.US_ASCII);
        int[][] costs = {{512, 2, 1}, {64, 1, 1}, {1024, 1, 4}, {128, 3, 2}, {512, 2, 1}};
        for (int round = 0; round < 2; round++) {
            for (Argon2Type type : Argon2Type.values()) {
                for (int version : new int[] {0x10, 0x13}) {
                    for (int[] c : costs) {
                        byte[] password = ("pw " + round + type + version + c[0]).getBytes(StandardCharsets.UTF_8);
                        byte[] pooled = engine.compute(type, version, c[0], c[1], c[2], salt, password, null, null, 32);
                        assertThat(pooled)
                                .as("%s v%s %s", type, version, Arrays.toString(c))
                                .isEqualTo(fresh(type, version, c, salt, password));
                    }
                }
            }
        }
        assertThat(engine.poolsCreated()).isEqualTo(1);
    }

    private static byte[] fresh(Argon2Type type, int version, int[] cost, byte[] salt, byte[] password) {
        Argon2BytesGenerator generator = new Argon2BytesGenerator();
        generator.init(new Argon2Parameters.Builder(type.bcType())
                .withVersion(version)
                .withMemoryAsKB(cost[0])
                .withIterations(cost[1])
                .withParallelism(cost[2])
                .withSalt(salt)
                .build());
        byte[] tag = new byte[32];
        generator.generateBytes(password, tag);
        return tag;
    }
}
