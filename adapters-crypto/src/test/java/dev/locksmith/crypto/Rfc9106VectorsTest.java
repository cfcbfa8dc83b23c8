package dev.locksmith.crypto;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.HexFormat;
import java.util.stream.Stream;
import org.bouncycastle.crypto.generators.Argon2BytesGenerator;
import org.bouncycastle.crypto.params.Argon2Parameters;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The test vectors of RFC 9106 section 5 (password 32 x 0x01, salt 16 x 0x02, secret 8 x 0x03, associated
 * data 12 x 0x04, m=32 KiB, t=3, p=4, version 0x13, 32-byte tag), through the raw Bouncy Castle API and
 * through the adapter's pooled engine, plus the PHC encoding of the result.
 */
class Rfc9106VectorsTest {
    private static final byte[] PASSWORD = filled(32, 0x01);
    private static final byte[] SALT = filled(16, 0x02);
    private static final byte[] SECRET = filled(8, 0x03);
    private static final byte[] ASSOCIATED = filled(12, 0x04);

    /** RFC 9106 section 5: each type's tag for the inputs above (3 passes, 32 KiB, 4 lanes, 32-byte tag). */
    static Stream<Arguments> vectors() {
        return Stream.of(
                Arguments.of(Argon2Type.ARGON2D, "512b391b6f1162975371d30919734294f868e3be3984f3c1a13a4db9fabe4acb"),
                Arguments.of(Argon2Type.ARGON2I, "c814d9d1dc7f37aa13f0d77f2494bda1c8de6b016dd388d29952a4c4672b6ce8"),
                Arguments.of(Argon2Type.ARGON2ID, "0d640df58d78766c08c037a34a8b53c9d01ef0452d75b65eb52520e96b01e659"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("vectors")
    void raw_bouncy_castle_generator_gives_the_rfc_tag(Argon2Type type, String expectedHex) {
        Argon2BytesGenerator generator = new Argon2BytesGenerator();
        generator.init(new Argon2Parameters.Builder(type.bcType())
                .withVersion(Argon2Parameters.ARGON2_VERSION_13)
                .withIterations(3)
                .withMemoryAsKB(32)
                .withParallelism(4)
                .withSalt(SALT)
                .withSecret(SECRET)
                .withAdditional(ASSOCIATED)
                .build());
        byte[] tag = new byte[32];
        generator.generateBytes(PASSWORD, tag);

        assertThat(HexFormat.of().formatHex(tag)).isEqualTo(expectedHex);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("vectors")
    void pooled_engine_gives_the_rfc_tag_with_fresh_and_with_reused_blocks(Argon2Type type, String expectedHex) {
        Argon2Engine engine = new Argon2Engine(32, 4);

        byte[] first = engine.compute(type, 0x13, 32, 3, 4, SALT, PASSWORD, SECRET, ASSOCIATED, 32);
        long freshAfterFirst = engine.peekIdle().freshAllocations();
        byte[] second = engine.compute(type, 0x13, 32, 3, 4, SALT, PASSWORD, SECRET, ASSOCIATED, 32);

        assertThat(HexFormat.of().formatHex(first)).isEqualTo(expectedHex);
        assertThat(HexFormat.of().formatHex(second)).isEqualTo(expectedHex);
        assertThat(engine.peekIdle().freshAllocations())
                .as("second run allocated no block")
                .isEqualTo(freshAfterFirst);
        assertThat(engine.poolsCreated()).isEqualTo(1);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({
        "ARGON2ID, 0d640df58d78766c08c037a34a8b53c9d01ef0452d75b65eb52520e96b01e659, "
                + "'$argon2id$v=19$m=32,t=3,p=4$AgICAgICAgICAgICAgICAg$DWQN9Y14dmwIwDejSotTydAe8EUtdbZetSUg6WsB5lk'",
        "ARGON2I,  c814d9d1dc7f37aa13f0d77f2494bda1c8de6b016dd388d29952a4c4672b6ce8, "
                + "'$argon2i$v=19$m=32,t=3,p=4$AgICAgICAgICAgICAgICAg$yBTZ0dx/N6oT8Nd/JJS9ocjeawFt04jSmVKkxGcrbOg'"
    })
    void rfc_tag_round_trips_through_the_phc_string(Argon2Type type, String tagHex, String phc) {
        PhcArgon2Hash built =
                new PhcArgon2Hash(type, 0x13, 32, 3, 4, SALT, HexFormat.of().parseHex(tagHex));

        PhcArgon2Hash parsed = PhcArgon2Hash.parse(phc, 1024, 1024L * 32);

        assertThat(built.encode()).isEqualTo(phc);
        assertThat(parsed.type()).isEqualTo(type);
        assertThat(parsed.version()).isEqualTo(0x13);
        assertThat(parsed.memoryKiB()).isEqualTo(32);
        assertThat(parsed.iterations()).isEqualTo(3);
        assertThat(parsed.parallelism()).isEqualTo(4);
        assertThat(parsed.salt()).isEqualTo(SALT);
        assertThat(HexFormat.of().formatHex(parsed.tag())).isEqualTo(tagHex);
        assertThat(parsed.encode()).isEqualTo(phc);
    }

    private static byte[] filled(int length, int value) {
        byte[] bytes = new byte[length];
        Arrays.fill(bytes, (byte) value);
        return bytes;
    }
}
