package dev.locksmith.core.testing.contract;

import static org.assertj.core.api.Assertions.assertThat;

import dev.locksmith.core.domain.Password;
import dev.locksmith.core.port.StrengthEstimator;
import dev.locksmith.core.port.StrengthEstimator.Strength;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The contract of {@link StrengthEstimator}, run against every implementation (in-memory fake and adapters).
 * It tests only what the port promises: a zxcvbn-style score (0 guessable, 4 very unguessable), user inputs
 * that count as guessable, feedback that never contains the password, and thread safety.
 */
public abstract class StrengthEstimatorContract {

    /** The implementation under test. */
    protected abstract StrengthEstimator estimator();

    @Test
    void rates_the_most_common_passwords_as_guessable() {
        StrengthEstimator estimator = estimator();

        for (String common : List.of("password", "123456", "qwerty", "111111", "abc123")) {
            assertThat(estimator.estimate(Password.of(common), List.of()).score())
                    .as(common)
                    .isLessThanOrEqualTo(1);
        }
    }

    @Test
    void rates_long_random_passwords_as_very_unguessable() {
        StrengthEstimator estimator = estimator();

        for (String random : randomPasswords(new Random(99L), 20, 20)) {
            assertThat(estimator.estimate(Password.of(random), List.of()).score())
                    .isEqualTo(4);
        }
    }

    @Test
    void counts_user_inputs_as_guessable() {
        StrengthEstimator estimator = estimator();
        // An invented username: no dictionary holds it, so only the user inputs can make it guessable.
        List<String> inputs = List.of("qvantasseur", "Quillbrook Vantasseur", "quillbrook.vantasseur@example.org");
        Password password = Password.of("Qvantasseur2024!");

        int without = estimator.estimate(password, List.of()).score();
        int with = estimator.estimate(password, inputs).score();

        assertThat(with).isLessThan(without);
    }

    @Test
    void never_puts_the_password_in_its_feedback() {
        StrengthEstimator estimator = estimator();
        List<String> passwords = new ArrayList<>(List.of(
                "qwerty123",
                "zaq12wsx",
                "19871987",
                "aaaaaaaaaaaa",
                "abcdefgh",
                "dragon2024",
                "Summer2024!",
                "iloveyou1",
                "jordan23",
                "qvantasseur1",
                "Quillbrook"));
        passwords.addAll(randomPasswords(new Random(5L), 10, 10));

        for (String text : passwords) {
            Strength strength = estimator.estimate(Password.of(text), List.of("qvantasseur", "Quillbrook Vantasseur"));
            strength.feedback()
                    .ifPresent(feedback -> assertThat(feedback.toLowerCase(Locale.ROOT))
                            .as(text)
                            .doesNotContain(text.toLowerCase(Locale.ROOT)));
        }
    }

    @Test
    void estimates_the_same_from_many_threads_at_once() throws Exception {
        StrengthEstimator estimator = estimator();
        Map<String, List<String>> cases = new LinkedHashMap<>();
        cases.put("password1", List.of());
        cases.put("VantasseurQuillbrook", List.of("Quillbrook Vantasseur"));
        cases.put("VantasseurQuillbrook ", List.of());
        cases.put("correct-zebra-staple-9", List.of("zebra"));
        cases.put("Tr0ub4dor&3", List.of());
        Map<String, Strength> expected = new LinkedHashMap<>();
        cases.forEach((text, inputs) -> expected.put(text, estimator.estimate(Password.of(text), inputs)));
        Concurrently.answersAsExpected(6, 20, expected, text -> estimator.estimate(Password.of(text), cases.get(text)));
    }

    /** Deterministic random passwords over letters, digits and symbols (about 6.1 bits per character). */
    protected static List<String> randomPasswords(Random random, int count, int length) {
        String alphabet = "abcdefghijkmnopqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789!#$%&*+-=?@^_~";
        List<String> passwords = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            StringBuilder password = new StringBuilder(length);
            for (int j = 0; j < length; j++) {
                password.append(alphabet.charAt(random.nextInt(alphabet.length())));
            }
            passwords.add(password.toString());
        }
        return passwords;
    }
}
