package dev.locksmith.crypto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.locksmith.core.domain.Password;
import dev.locksmith.core.domain.PasswordHash;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Validation of the settings: OWASP floor unless test-only, structural limits always. */
class Argon2SettingsTest {

    @Test
    void defaults_are_the_owasp_recommendation_with_one_computation_per_processor() {
        Argon2Settings s = Argon2Settings.defaults();

        assertThat(s.memoryKiB()).isEqualTo(19_456);
        assertThat(s.iterations()).isEqualTo(2);
        assertThat(s.parallelism()).isEqualTo(1);
        assertThat(s.maxConcurrency()).isEqualTo(Runtime.getRuntime().availableProcessors());
        assertThat(s.maxVerificationMemoryKiB()).isEqualTo(262_144);
        assertThat(s.isTestOnly()).isFalse();
    }

    @Test
    void the_default_hasher_writes_the_default_phc_prefix() {
        PasswordHash hash = new Argon2PasswordHasher().hash(Password.of("default cost"));

        assertThat(hash.value()).startsWith("$argon2id$v=19$m=19456,t=2,p=1$").hasSize(97);
    }

    @ParameterizedTest(name = "m={0} t={1}")
    @CsvSource({"47104, 1", "19456, 2", "12288, 3", "9216, 4", "7168, 5", "65536, 3", "7168, 32"})
    void every_owasp_configuration_and_anything_stronger_is_accepted(int m, int t) {
        assertThat(Argon2Settings.builder().memoryKiB(m).iterations(t).build().memoryKiB()).isEqualTo(m);
    }

    @ParameterizedTest(name = "m={0} t={1}")
    @CsvSource({"47103, 1", "19455, 2", "47104, 0", "12287, 3", "9215, 4", "7167, 5", "7167, 32", "4096, 3",
            "1024000, 0"})
    void a_cost_below_every_owasp_configuration_is_refused(int m, int t) {
        assertThatThrownBy(() -> Argon2Settings.builder().memoryKiB(m).iterations(t).build())
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void test_only_settings_may_be_below_the_owasp_minimum() {
        Argon2Settings s = Argon2Settings.testOnly(8, 1, 1);

        assertThat(s.isTestOnly()).isTrue();
        assertThat(s.memoryKiB()).isEqualTo(8);
        assertThat(Argon2Settings.builder().testOnly().memoryKiB(64).iterations(1).build().isTestOnly()).isTrue();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({
            "memory below 8 KiB per lane, 15,      1,  2, 1,  1024",
            "no passes,                   64,      0,  1, 1,  1024",
            "too many passes,             64,      33, 1, 1,  1024",
            "no lanes,                    64,      1,  0, 1,  1024",
            "too many lanes,              4096,    1,  256, 1, 4096",
            "no concurrency,              64,      1,  1, 0,  1024",
            "absurd concurrency,          64,      1,  1, 1025, 1024",
            "verification below cost,     2048,    1,  1, 1,  1024",
            "verification above 4 GiB,    64,      1,  1, 1,  4194305",
            "memory above 4 GiB,          4194305, 1,  1, 1,  4194305"})
    void structurally_invalid_settings_are_refused_even_when_test_only(String label, int m, int t, int p,
                                                                        int concurrency, int maxVerify) {
        assertThatThrownBy(() -> Argon2Settings.builder().testOnly().memoryKiB(m).iterations(t).parallelism(p)
                .maxConcurrency(concurrency).maxVerificationMemoryKiB(maxVerify).build())
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void the_builder_can_be_reused_without_changing_built_settings() {
        Argon2Settings.Builder builder = Argon2Settings.builder().memoryKiB(65_536).iterations(3);
        Argon2Settings first = builder.build();
        builder.memoryKiB(131_072).maxVerificationMemoryKiB(262_144);

        assertThat(first.memoryKiB()).isEqualTo(65_536);
        assertThat(builder.build().memoryKiB()).isEqualTo(131_072);
    }
}
