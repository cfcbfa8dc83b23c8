package dev.locksmith.screening;

import dev.locksmith.core.domain.InvalidInputException;
import dev.locksmith.core.domain.Password;
import dev.locksmith.core.port.StrengthEstimator.Strength;
import me.gosimple.nbvcxz.resources.ConfigurationBuilder;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.ResourceBundle;
import java.util.function.Consumer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class NbvcxzStrengthEstimatorTest {
    private static final NbvcxzStrengthEstimator ESTIMATOR = NbvcxzStrengthEstimator.create();

    /** Invented names (no dictionary holds them) as a user's username, display name and email address. */
    private static final List<String> USER = List.of("qvantasseur", "Quillbrook Vantasseur", "zorblat.quexmire@example.org");

    private static final List<String> WEAK = List.of("password", "Password1", "letmein!", "monkey2019", "Summer2024!",
            "kitten-piano", "zaq12wsx", "19871987", "abcdefgh", "aaaaaaaaaaaa", "qwertyuiop", "sixty-seven-cats", "");
    private static final List<String> STRONG = List.of("purple-monkey-dishwasher-42", "Vq7#mZ2p!xL9",
            "my cat likes blue cheese on tuesdays", "hY4$kP9@wQ2!zR7&");

    @Test
    void orders_passwords_by_guessability() {
        List<String> ladder = List.of("password", "monkey2019", "kitten-piano", "sixty-seven-cats", "purple-monkey-dishwasher-42");

        List<Integer> scores = ladder.stream().map(p -> score(ESTIMATOR, p, List.of())).toList();

        assertThat(scores).containsExactly(0, 1, 2, 3, 4);
    }

    @Test
    void advises_on_every_weak_password_and_not_on_strong_ones() {
        for (String weak : WEAK) {
            Strength strength = ESTIMATOR.estimate(Password.of(weak), List.of());
            assertThat(strength.score()).as(weak).isLessThan(4);
            assertThat(strength.feedback()).as(weak).hasValueSatisfying(f -> assertThat(f).isNotBlank());
        }
        for (String strong : STRONG) {
            assertThat(ESTIMATOR.estimate(Password.of(strong), List.of())).as(strong)
                    .isEqualTo(new Strength(4, java.util.Optional.empty()));
        }
    }

    @Test
    void builds_feedback_only_from_nbvcxz_message_texts() {
        List<String> texts = messageTexts(Locale.ROOT);
        List<String> passwords = new java.util.ArrayList<>(WEAK);
        passwords.addAll(List.of("Qvantasseur", "quexmire2024", "drowssap", "P@ssw0rd", "1987-05-12", "zxcvbnm,./"));

        for (String text : passwords) {
            for (List<String> inputs : List.of(List.<String>of(), USER)) {
                ESTIMATOR.estimate(Password.of(text), inputs).feedback().ifPresent(feedback ->
                        assertThat(isMadeOf(feedback, texts)).as("%s: %s", text, feedback).isTrue());
            }
        }
    }

    @Test
    void never_puts_the_password_or_the_user_inputs_in_its_feedback() {
        List<String> passwords = List.of("qvantasseur", "Qvantasseur2024", "QuillbrookVantasseur", "zorblatquexmire",
                "quexmire!!", "qwerty123", "19871987", "Tr0ub4dor&3", "zaq12wsx");

        for (String text : passwords) {
            Strength strength = ESTIMATOR.estimate(Password.of(text), USER);
            assertThat(strength.feedback()).as(text).isPresent();
            String feedback = strength.feedback().orElseThrow().toLowerCase(Locale.ROOT);
            assertThat(feedback).as(text).doesNotContain(text.toLowerCase(Locale.ROOT));
            for (String part : NbvcxzStrengthEstimator.guessableWords(USER)) {
                assertThat(feedback).as(text).doesNotContain(part.toLowerCase(Locale.ROOT));
            }
        }
    }

    @Test
    void counts_the_username_the_names_and_the_email_address_as_guessable() {
        for (String derived : List.of("qvantasseur", "Vantasseur!Quillbrook", "quexmire-zorblat", "Zorblat.Quexmire")) {
            int without = score(ESTIMATOR, derived, List.of());
            int with = score(ESTIMATOR, derived, USER);

            assertThat(without).as(derived).isEqualTo(4);
            assertThat(with).as(derived).isLessThanOrEqualTo(1);
        }
    }

    @Test
    void splits_user_inputs_into_guessable_parts_of_three_or_more_characters() {
        assertThat(NbvcxzStrengthEstimator.guessableWords(List.of("Jo Li", "ab", " ｑｖａｎｔａｓｓｅｕｒ ", "ann.lee-smith@ex.org")))
                .containsExactly("Jo Li", "qvantasseur", "ann.lee-smith@ex.org", "ann.lee-smith", "ann", "lee", "smith", "org");
    }

    @Test
    void forgets_the_user_inputs_after_the_estimate() {
        int dictionaries = ConfigurationBuilder.getDefaultDictionaries().size();

        int with = score(ESTIMATOR, "QuillbrookVantasseur", USER);
        int after = score(ESTIMATOR, "QuillbrookVantasseur", List.of());
        int fresh = score(NbvcxzStrengthEstimator.create(), "QuillbrookVantasseur", List.of());

        assertThat(with).isZero();
        assertThat(after).isEqualTo(4);
        assertThat(fresh).isEqualTo(4);
        assertThat(ConfigurationBuilder.getDefaultDictionaries()).hasSize(dictionaries);
    }

    @Test
    void gives_feedback_in_the_configured_language_and_english_by_default() {
        Locale before = Locale.getDefault();
        try {
            // English must not depend on the JVM's default locale: ResourceBundle would fall back to it.
            Locale.setDefault(Locale.GERMAN);
            NbvcxzStrengthEstimator english = NbvcxzStrengthEstimator.create();
            NbvcxzStrengthEstimator german = NbvcxzStrengthEstimator.builder().locale(Locale.GERMAN).build();
            Locale.setDefault(Locale.FRENCH);

            assertThat(english.estimate(Password.of("password"), List.of()).feedback())
                    .hasValue("This is a top-10 common password. Add another word or two. Uncommon words are better.");
            assertThat(german.estimate(Password.of("abcdefgh"), List.of()).feedback().orElseThrow())
                    .isNotEmpty().satisfies(f -> assertThat(isMadeOf(f, messageTexts(Locale.GERMAN))).isTrue());
        } finally {
            Locale.setDefault(before);
        }
    }

    @Test
    void estimates_only_the_first_max_length_characters() {
        String random = "hY4$kP9@wQ2!zR7&Vq7#mZ2p!xL9";
        String weakStart = "a".repeat(NbvcxzStrengthEstimator.DEFAULT_MAX_LENGTH) + random;
        String huge = (random + "-").repeat(Password.MAX_UTF8_BYTES / (random.length() + 1));

        assertThat(score(ESTIMATOR, weakStart, List.of())).isLessThanOrEqualTo(1);
        assertThat(score(ESTIMATOR, huge, List.of())).isEqualTo(4);
        assertThat(score(NbvcxzStrengthEstimator.builder().maxLength(256).build(), weakStart, List.of())).isEqualTo(4);
    }

    @Test
    void typo_matching_catches_misspelt_common_passwords() {
        NbvcxzStrengthEstimator typos = NbvcxzStrengthEstimator.builder().typoMatching(true).build();

        for (String misspelt : List.of("passwrod", "sunshien")) {
            assertThat(score(typos, misspelt, List.of())).as(misspelt).isLessThan(score(ESTIMATOR, misspelt, List.of()));
        }
    }

    @Test
    void leaves_the_callers_password_usable_and_unchanged() {
        Password password = Password.of("kitten-piano");

        ESTIMATOR.estimate(password, USER);

        assertThat(password.isWiped()).isFalse();
        assertThat(password.toCharArray()).containsExactly("kitten-piano".toCharArray());
    }

    @Test
    void refuses_null_arguments() {
        Password password = Password.of("kitten-piano");

        assertThatThrownBy(() -> ESTIMATOR.estimate(null, List.of())).isInstanceOf(InvalidInputException.class);
        assertThatThrownBy(() -> ESTIMATOR.estimate(password, null)).isInstanceOf(InvalidInputException.class);
        assertThatThrownBy(() -> ESTIMATOR.estimate(password, Arrays.asList("alice", null)))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.field()).isEqualTo("userInputs"));
    }

    @Test
    void refuses_invalid_settings() {
        assertInvalid("maxLength", b -> b.maxLength(NbvcxzStrengthEstimator.Builder.MIN_MAX_LENGTH - 1));
        assertInvalid("maxLength", b -> b.maxLength(NbvcxzStrengthEstimator.Builder.MAX_MAX_LENGTH + 1));
        assertInvalid("timeBudget", b -> b.timeBudget(Duration.ofMillis(-1)));
        assertInvalid("timeBudget", b -> b.timeBudget(Duration.ofSeconds(11)));
        assertInvalid("timeBudget", b -> b.timeBudget(null));
        assertInvalid("locale", b -> b.locale(null));
        assertThat(NbvcxzStrengthEstimator.builder().maxLength(16).timeBudget(Duration.ZERO).build().toString())
                .contains("maxLength=16", "timeBudget=0ms");
    }

    private static void assertInvalid(String field, Consumer<NbvcxzStrengthEstimator.Builder> setting) {
        NbvcxzStrengthEstimator.Builder builder = NbvcxzStrengthEstimator.builder();
        setting.accept(builder);
        assertThatThrownBy(builder::build)
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.field()).isEqualTo(field));
    }

    private static int score(NbvcxzStrengthEstimator estimator, String password, List<String> inputs) {
        return estimator.estimate(Password.of(password), inputs).score();
    }

    /** Every message of nbvcxz's feedback bundle for the locale, longest first. */
    private static List<String> messageTexts(Locale locale) {
        ResourceBundle bundle = ResourceBundle.getBundle("feedback", locale, ResourceBundle.Control.getNoFallbackControl(
                ResourceBundle.Control.FORMAT_DEFAULT));
        return bundle.keySet().stream().map(bundle::getString).map(String::strip)
                .sorted(Comparator.comparingInt(String::length).reversed()).toList();
    }

    /** Whether {@code feedback} is a sequence of the given texts separated by single spaces. */
    private static boolean isMadeOf(String feedback, List<String> texts) {
        if (feedback.isEmpty()) {
            return true;
        }
        for (String text : texts) {
            if (feedback.equals(text)) {
                return true;
            }
            if (feedback.startsWith(text + " ") && isMadeOf(feedback.substring(text.length() + 1), texts)) {
                return true;
            }
        }
        return false;
    }
}
