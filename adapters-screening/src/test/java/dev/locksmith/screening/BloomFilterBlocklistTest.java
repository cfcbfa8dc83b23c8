package dev.locksmith.screening;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.locksmith.core.domain.InvalidInputException;
import dev.locksmith.core.domain.Password;
import dev.locksmith.core.domain.UnavailableException;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.concurrent.atomic.AtomicInteger;
import me.gosimple.nbvcxz.resources.DictionaryUtil;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class BloomFilterBlocklistTest {
    /** Loaded once: about 0.1 s, and immutable, so the tests can share it. */
    private static final BloomFilterBlocklist COMMON = BloomFilterBlocklist.ofCommonPasswords();

    @ParameterizedTest
    @ValueSource(
            strings = {
                "password",
                "Password",
                "PASSWORD",
                "pAsSwOrD",
                "qwerty123",
                "QWERTY123",
                "Qwerty123",
                "123456",
                "iloveyou",
                "ILoveYou",
                "letmein",
                "LETMEIN",
                "trustno1",
                "TrustNo1",
                "P@ssw0rd",
                "Passw0rd"
            })
    void finds_well_known_common_passwords_in_any_case(String common) {
        assertThat(COMMON.contains(Password.of(common))).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"ｐａｓｓｗｏｒｄ", "ＰＡＳＳＷＯＲＤ", "ＱＷＥＲＴＹ１２３", "ｑｗｅｒｔｙ123", "password¹", "ﬁshing", "Ｆｅｒｒａｒｉ"})
    void finds_compatibility_forms_of_common_passwords(String variant) {
        // Password applies NFKC: fullwidth letters and digits, superscripts and ligatures become their plain forms.
        assertThat(COMMON.contains(Password.of(variant))).isTrue();
    }

    @Test
    void finds_every_word_of_the_bundled_list_in_lower_and_upper_case() throws IOException {
        List<String> words = bundledList();

        List<String> missed = new ArrayList<>();
        for (String word : words) {
            if (!COMMON.contains(Password.of(word)) || !COMMON.contains(Password.of(word.toUpperCase(Locale.ROOT)))) {
                missed.add(word);
            }
        }

        assertThat(words).hasSizeGreaterThanOrEqualTo(100_000);
        assertThat(missed).isEmpty();
    }

    @Test
    void loads_at_least_the_100000_most_common_passwords() {
        assertThat(COMMON.entries()).isGreaterThanOrEqualTo(100_000);
    }

    @Test
    void finds_the_administrators_banned_words_in_any_case_and_form() {
        BloomFilterBlocklist blocklist = BloomFilterBlocklist.builder()
                .bannedWords(List.of("AcmeWidgets", "  Ｂｌｕｅ Ｆａｌｃｏｎ  "))
                .build();

        for (String banned : List.of("acmewidgets", "ACMEWIDGETS", "ａｃｍｅＷｉｄｇｅｔｓ", "blue falcon", "BLUE FALCON")) {
            assertThat(blocklist.contains(Password.of(banned))).as(banned).isTrue();
        }
        assertThat(blocklist.contains(Password.of("Password")))
                .as("bundled list kept")
                .isTrue();
        assertThat(blocklist.entries()).isEqualTo(COMMON.entries() + 2);
    }

    @Test
    void reports_random_strong_passwords_no_more_often_than_the_default_rate() {
        int samples = 100_000;

        long reported = countReported(COMMON, randomPasswords(new Random(1L), samples));

        // Default rate 1e-6: 0.1 expected among 100,000; four or more would happen with probability 4e-6.
        assertThat(COMMON.expectedFalsePositiveProbability())
                .isLessThanOrEqualTo(BloomFilterBlocklist.DEFAULT_FALSE_POSITIVE_PROBABILITY);
        assertThat(reported).isLessThanOrEqualTo(3);
    }

    @Test
    void reports_random_passwords_at_the_configured_rate() {
        BloomFilterBlocklist loose =
                BloomFilterBlocklist.builder().falsePositiveProbability(0.01).build();
        int samples = 100_000;

        long reported = countReported(loose, randomPasswords(new Random(2L), samples));

        double rate = loose.expectedFalsePositiveProbability();
        double expected = samples * rate;
        assertThat(rate).isBetween(0.005, 0.01);
        // Within five standard deviations of the filter's own estimate (binomial, about 30 here).
        assertThat((double) reported).isBetween(expected - 5 * Math.sqrt(expected), expected + 5 * Math.sqrt(expected));
    }

    @Test
    void loads_additional_lists_from_files_and_streams_as_given(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("site-list.txt");
        Files.writeString(
                file, "\uFEFFfirst-from-file\r\nSecond-From-File\n\n  spaced words  \n", StandardCharsets.UTF_8);
        AtomicInteger opened = new AtomicInteger();
        BloomFilterBlocklist.Builder builder = BloomFilterBlocklist.builder()
                .commonPasswords(false)
                .addList(file)
                .addList("inline", () -> {
                    opened.incrementAndGet();
                    return new ByteArrayInputStream("from-stream\nMÜNCHEN-1972".getBytes(StandardCharsets.UTF_8));
                });

        BloomFilterBlocklist blocklist = builder.build();

        for (String listed :
                List.of("first-from-file", "second-from-file", "  spaced words  ", "FROM-STREAM", "münchen-1972")) {
            assertThat(blocklist.contains(Password.of(listed))).as(listed).isTrue();
        }
        assertThat(blocklist.contains(Password.of("spaced words")))
                .as("lines are not trimmed")
                .isFalse();
        assertThat(blocklist.contains(Password.of("password")))
                .as("bundled list left out")
                .isFalse();
        assertThat(blocklist.entries()).isEqualTo(5);
        assertThat(opened).as("one pass to size the filter, one to fill it").hasValue(2);
    }

    @Test
    void refuses_invalid_false_positive_probabilities() {
        for (double probability : new double[] {0, -0.1, 1e-13, 0.02, 0.5, 1, Double.NaN}) {
            assertThatThrownBy(() -> BloomFilterBlocklist.builder()
                            .falsePositiveProbability(probability)
                            .build())
                    .as("%s", probability)
                    .isInstanceOfSatisfying(
                            InvalidInputException.class,
                            e -> assertThat(e.field()).isEqualTo("falsePositiveProbability"));
        }
    }

    @Test
    void refuses_invalid_banned_words() {
        List<List<String>> invalid = List.of(
                Arrays.asList("fine", null),
                List.of("fine", "   "),
                List.of(""),
                List.of("tab\tinside"),
                List.of("x".repeat(BloomFilterBlocklist.MAX_BANNED_WORD_LENGTH + 1)));
        for (List<String> words : invalid) {
            assertThatThrownBy(() -> BloomFilterBlocklist.builder()
                            .commonPasswords(false)
                            .bannedWords(words)
                            .build())
                    .isInstanceOfSatisfying(
                            InvalidInputException.class,
                            e -> assertThat(e.field()).isEqualTo("bannedWords"));
        }
        assertThatThrownBy(() -> BloomFilterBlocklist.builder().bannedWords(null))
                .isInstanceOf(InvalidInputException.class);
        assertThat(BloomFilterBlocklist.builder()
                        .commonPasswords(false)
                        .bannedWords(List.of("x".repeat(BloomFilterBlocklist.MAX_BANNED_WORD_LENGTH)))
                        .build()
                        .entries())
                .isEqualTo(1);
    }

    @Test
    void reports_an_unreadable_list_as_unavailable_naming_the_list(@TempDir Path dir) throws IOException {
        Path missing = dir.resolve("missing.txt");
        Path latin1 = dir.resolve("latin1.txt");
        Files.write(latin1, "caf\u00e9\n".getBytes(StandardCharsets.ISO_8859_1));

        assertThatThrownBy(() -> BloomFilterBlocklist.builder()
                        .commonPasswords(false)
                        .addList(missing)
                        .build())
                .isInstanceOf(UnavailableException.class)
                .hasMessageContaining("missing.txt");
        assertThatThrownBy(() -> BloomFilterBlocklist.builder()
                        .commonPasswords(false)
                        .addList(latin1)
                        .build())
                .isInstanceOf(UnavailableException.class)
                .hasMessageContaining("latin1.txt")
                .hasMessageContaining("UTF-8");
        assertThatThrownBy(() -> BloomFilterBlocklist.builder()
                        .commonPasswords(false)
                        .addList("no-stream", () -> null)
                        .build())
                .isInstanceOf(UnavailableException.class)
                .hasMessageContaining("no-stream");
    }

    @Test
    void leaves_the_callers_password_usable_and_unchanged() {
        Password password = Password.of("Password");

        assertThat(COMMON.contains(password)).isTrue();
        assertThat(COMMON.contains(password)).isTrue();
        assertThat(password.isWiped()).isFalse();
        assertThat(password.toCharArray()).containsExactly("Password".toCharArray());
    }

    @Test
    void refuses_a_null_password() {
        assertThatThrownBy(() -> COMMON.contains(null)).isInstanceOf(InvalidInputException.class);
    }

    @Test
    void describes_itself_without_listing_words() {
        assertThat(COMMON.toString())
                .startsWith("BloomFilterBlocklist[entries=")
                .doesNotContainIgnoringCase("password");
    }

    private static long countReported(BloomFilterBlocklist blocklist, List<String> passwords) {
        return passwords.stream()
                .filter(p -> blocklist.contains(Password.of(p)))
                .count();
    }

    /** Deterministic random passwords of 12 to 20 characters over letters, digits and symbols. */
    static List<String> randomPasswords(Random random, int count) {
        String alphabet = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789!#$%&*+-=?@^_~";
        List<String> passwords = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            char[] chars = new char[12 + random.nextInt(9)];
            for (int j = 0; j < chars.length; j++) {
                chars[j] = alphabet.charAt(random.nextInt(alphabet.length()));
            }
            passwords.add(new String(chars));
        }
        return passwords;
    }

    /** The bundled list, read independently of the code under test. */
    private static List<String> bundledList() throws IOException {
        return TestResources.lines(DictionaryUtil.class, "/dictionaries/passwords.txt").stream()
                .filter(line -> !line.isEmpty())
                .toList();
    }
}
