package dev.locksmith.crypto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.locksmith.core.domain.Password;
import dev.locksmith.core.domain.PasswordHash;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Validation of the settings: OWASP floor unless test-only, structural limits always. */
class Argon2SettingsTest {

    @Test
    void defaults_are_the_owasp_recommendation_with_one_computation_per_processor() {
        Argon2Settings s = Argon2Settings.defaults();

        assertThat(s.memoryKiB()).isEqualTo(19_456);
        assertThat(s.iterations()).isEqualTo(2);
        assertThat(s.parallelism()).isEqualTo(1);
        assertThat(s.maxConcurrency()).isEqualTo(Runtime.getRuntime().availableProcessors());
        assertThat(s.maxWait()).isEqualTo(Duration.ofSeconds(10));
        assertThat(s.isTestOnly()).isFalse();
    }

    @Test
    void by_default_a_stored_hash_may_cost_eight_times_the_configured_memory_and_work_and_bcrypt_cost_14() {
        Argon2Settings s = Argon2Settings.defaults();
        long quarterOfHeapKiB = Runtime.getRuntime().maxMemory() / 4 / 1024;

        assertThat(s.maxVerificationMemoryKiB()).isEqualTo(Math.min(8 * 19_456, quarterOfHeapKiB));
        assertThat(s.maxVerificationWork()).isEqualTo(8L * 19_456 * 2);
        assertThat(s.maxBcryptCost()).isEqualTo(14);
    }

    @ParameterizedTest(name = "m={0} KiB, heap {1} MiB: bound {2} KiB")
    @CsvSource({
        "19456,  8192,  155648", // 8 x m, far below a quarter of an 8 GiB heap
        "19456,  1024,  155648", // a quarter of 1 GiB is 262144 KiB: 8 x m still
        "19456,   512,  131072", // a quarter of the heap
        "19456,   256,   65536", // a quarter of the heap: 64 MiB
        "19456,    64,   19456", // never below the configured memory, or the hasher's own hashes would fail
        "65536,   256,   65536",
        "1048576, 65536, 4194304"
    }) // never above 4 GiB
    void the_default_memory_bound_is_eight_times_the_memory_at_most_a_quarter_of_the_heap(
            int m, long heapMiB, int bound) {
        assertThat(Argon2Settings.defaultMaxVerificationMemoryKiB(m, heapMiB * 1024 * 1024))
                .isEqualTo(bound);
    }

    @Test
    void the_default_bounds_follow_the_configured_cost_and_explicit_bounds_are_taken_as_given() {
        Argon2Settings bigger =
                Argon2Settings.builder().memoryKiB(47_104).iterations(1).build();
        Argon2Settings raised = Argon2Settings.builder()
                .maxVerificationMemoryKiB(1_048_576)
                .maxVerificationWork(8_388_608L)
                .maxBcryptCost(16)
                .build();

        assertThat(bigger.maxVerificationWork()).isEqualTo(8L * 47_104);
        assertThat(Argon2Settings.builder()
                        .memoryKiB(4_194_304)
                        .iterations(32)
                        .build()
                        .maxVerificationWork())
                .as("the default work bound stops at the largest accepted")
                .isEqualTo(4_194_304L * 32);
        assertThat(raised.maxVerificationMemoryKiB()).isEqualTo(1_048_576);
        assertThat(raised.maxVerificationWork()).isEqualTo(8_388_608L);
        assertThat(raised.maxBcryptCost()).isEqualTo(16);
    }

    @ParameterizedTest(name = "{0} ms")
    @ValueSource(longs = {0, 1, 10_000, 600_000})
    void a_wait_bound_from_zero_to_ten_minutes_is_accepted(long millis) {
        assertThat(Argon2Settings.builder()
                        .maxWait(Duration.ofMillis(millis))
                        .build()
                        .maxWait())
                .isEqualTo(Duration.ofMillis(millis));
    }

    @ParameterizedTest(name = "{0} ms")
    @ValueSource(longs = {-1, 600_001})
    void a_negative_or_overlong_wait_bound_is_refused(long millis) {
        assertThatThrownBy(() -> Argon2Settings.builder()
                        .maxWait(Duration.ofMillis(millis))
                        .build())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("maxWait");
    }

    @Test
    void a_missing_wait_bound_is_refused() {
        assertThatThrownBy(() -> Argon2Settings.builder().maxWait(null).build())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("maxWait");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({
        "verification memory zero,        maxVerificationMemoryKiB, 0",
        "verification work below cost,    maxVerificationWork,      38911",
        "verification work above 4 GiB x 32, maxVerificationWork,   134217729",
        "bcrypt cost below the format,    maxBcryptCost,            3",
        "bcrypt cost above the format,    maxBcryptCost,            32"
    })
    void stored_hash_bounds_out_of_range_are_refused(String label, String setting, long value) {
        Argon2Settings.Builder builder = Argon2Settings.builder();
        switch (setting) {
            case "maxVerificationMemoryKiB" -> builder.maxVerificationMemoryKiB((int) value);
            case "maxVerificationWork" -> builder.maxVerificationWork(value);
            default -> builder.maxBcryptCost((int) value);
        }

        assertThatThrownBy(builder::build)
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(setting);
    }

    @Test
    void the_default_hasher_writes_the_default_phc_prefix() {
        PasswordHash hash = new Argon2PasswordHasher().hash(Password.of("default cost"));

        assertThat(hash.value()).startsWith("$argon2id$v=19$m=19456,t=2,p=1$").hasSize(97);
    }

    @ParameterizedTest(name = "m={0} t={1}")
    @CsvSource({"47104, 1", "19456, 2", "12288, 3", "9216, 4", "7168, 5", "65536, 3", "7168, 32"})
    void every_owasp_configuration_and_anything_stronger_is_accepted(int m, int t) {
        assertThat(Argon2Settings.builder().memoryKiB(m).iterations(t).build().memoryKiB())
                .isEqualTo(m);
    }

    @ParameterizedTest(name = "m={0} t={1}")
    @CsvSource({
        "47103, 1",
        "19455, 2",
        "47104, 0",
        "12287, 3",
        "9215, 4",
        "7167, 5",
        "7167, 32",
        "4096, 3",
        "1024000, 0"
    })
    void a_cost_below_every_owasp_configuration_is_refused(int m, int t) {
        assertThatThrownBy(() ->
                        Argon2Settings.builder().memoryKiB(m).iterations(t).build())
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void test_only_settings_may_be_below_the_owasp_minimum() {
        Argon2Settings s = Argon2Settings.testOnly(8, 1, 1);

        assertThat(s.isTestOnly()).isTrue();
        assertThat(s.memoryKiB()).isEqualTo(8);
        assertThat(Argon2Settings.builder()
                        .testOnly()
                        .memoryKiB(64)
                        .iterations(1)
                        .build()
                        .isTestOnly())
                .isTrue();
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
        "memory above 4 GiB,          4194305, 1,  1, 1,  4194305"
    })
    void structurally_invalid_settings_are_refused_even_when_test_only(
            String label, int m, int t, int p, int concurrency, int maxVerify) {
        assertThatThrownBy(() -> Argon2Settings.builder()
                        .testOnly()
                        .memoryKiB(m)
                        .iterations(t)
                        .parallelism(p)
                        .maxConcurrency(concurrency)
                        .maxVerificationMemoryKiB(maxVerify)
                        .build())
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void the_builder_can_be_reused_without_changing_built_settings() {
        Argon2Settings.Builder builder =
                Argon2Settings.builder().memoryKiB(65_536).iterations(3);
        Argon2Settings first = builder.build();
        builder.memoryKiB(131_072).maxVerificationMemoryKiB(262_144);

        assertThat(first.memoryKiB()).isEqualTo(65_536);
        assertThat(builder.build().memoryKiB()).isEqualTo(131_072);
    }
}
