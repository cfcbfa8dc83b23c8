package dev.locksmith.screening;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.locksmith.core.domain.InvalidInputException;
import dev.locksmith.core.domain.Password;
import dev.locksmith.core.domain.PasswordPolicy;
import dev.locksmith.core.port.StrengthEstimator.Strength;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.ResourceBundle;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

class ZxcvbnStrengthEstimatorTest {
    private static final ZxcvbnStrengthEstimator ESTIMATOR = ZxcvbnStrengthEstimator.create();

    /** Invented names (no dictionary holds them) as a user's username, display name and email address. */
    private static final List<String> USER =
            List.of("qvantasseur", "Quillbrook Vantasseur", "zorblat.quexmire@example.org");

    private static final List<String> WEAK = List.of(
            "password",
            "Password1",
            "letmein!",
            "monkey2019",
            "Summer2024!",
            "kitten-piano",
            "zaq12wsx",
            "19871987",
            "abcdefgh",
            "aaaaaaaaaaaa",
            "qwertyuiop",
            "drowssap",
            "");
    private static final List<String> STRONG = List.of(
            "purple-monkey-dishwasher-42", "Vq7#mZ2p!xL9", "my cat likes blue cheese on tuesdays", "hY4$kP9@wQ2!zR7&");

    @Test
    void orders_passwords_by_guessability() {
        List<String> ladder =
                List.of("password", "monkey2019", "Summer2024!", "kitten-piano", "purple-monkey-dishwasher-42");

        List<Integer> scores =
                ladder.stream().map(p -> score(ESTIMATOR, p, List.of())).toList();

        assertThat(scores).containsExactly(0, 1, 2, 3, 4);
    }

    @Test
    void advises_on_every_weak_password_and_not_on_strong_ones() {
        for (String weak : WEAK) {
            Strength strength = ESTIMATOR.estimate(Password.of(weak), List.of());
            assertThat(strength.score()).as(weak).isLessThan(4);
            assertThat(strength.feedback())
                    .as(weak)
                    .hasValueSatisfying(f -> assertThat(f).isNotBlank());
        }
        for (String strong : STRONG) {
            assertThat(ESTIMATOR.estimate(Password.of(strong), List.of()))
                    .as(strong)
                    .isEqualTo(new Strength(4, Optional.empty()));
        }
    }

    @Test
    void explains_a_score_of_3_although_zxcvbn_gives_no_advice_above_2() {
        Strength strength = ESTIMATOR.estimate(Password.of("kitten-piano"), List.of());

        assertThat(strength.score()).isEqualTo(3);
        assertThat(strength.feedback())
                .hasValue(
                        "This is similar to a commonly used password. Add another word or two. Uncommon words are better.");
    }

    @Test
    void recognises_compatibility_forms_of_common_passwords_after_nfkc() {
        for (String variant : List.of("ｐａｓｓｗｏｒｄ", "ＰＡＳＳＷＯＲＤ", "password¹")) {
            assertThat(ESTIMATOR.estimate(Password.of(variant), List.of()).score())
                    .as(variant)
                    .isZero();
        }
        assertThat(ESTIMATOR.estimate(Password.of("ｐａｓｓｗｏｒｄ"), List.of()).feedback())
                .hasValue("This is a top-10 common password. Add another word or two. Uncommon words are better.");
    }

    @Test
    void builds_feedback_only_from_zxcvbn_message_texts() {
        List<String> texts = messageTexts(Locale.ROOT);
        List<String> passwords = new ArrayList<>(WEAK);
        passwords.addAll(
                List.of("Qvantasseur", "quexmire2024", "P@ssw0rd", "1987-05-12", "zxcvbnm,./", "kitten-piano"));

        for (String text : passwords) {
            for (List<String> inputs : List.of(List.<String>of(), USER)) {
                ESTIMATOR
                        .estimate(Password.of(text), inputs)
                        .feedback()
                        .ifPresent(feedback -> assertThat(isMadeOf(feedback, texts))
                                .as("%s: %s", text, feedback)
                                .isTrue());
            }
        }
    }

    @Test
    void never_puts_the_password_or_the_user_inputs_in_its_feedback() {
        List<String> passwords = List.of(
                "qvantasseur",
                "Qvantasseur2024",
                "QuillbrookVantasseur",
                "zorblatquexmire",
                "quexmire!!",
                "qwerty123",
                "19871987",
                "Tr0ub4dor",
                "zaq12wsx");

        for (String text : passwords) {
            Strength strength = ESTIMATOR.estimate(Password.of(text), USER);
            assertThat(strength.feedback()).as(text).isPresent();
            String feedback = strength.feedback().orElseThrow().toLowerCase(Locale.ROOT);
            assertThat(feedback).as(text).doesNotContain(text.toLowerCase(Locale.ROOT));
            for (String part : ZxcvbnStrengthEstimator.userInputWords(USER)) {
                assertThat(feedback).as(text).doesNotContain(part);
            }
        }
    }

    @Test
    void counts_the_username_the_names_and_the_email_address_as_known_words() {
        for (String derived : List.of("qvantasseur", "QuillbrookVantasseur", "Zorblat.Quexmire", "quexmire2024")) {
            assertThat(score(ESTIMATOR, derived, List.of())).as(derived).isEqualTo(4);
            assertThat(score(ESTIMATOR, derived, USER)).as(derived).isLessThanOrEqualTo(1);
        }
        for (String derived : List.of("Vantasseur!Quillbrook", "quexmire-zorblat", "Qvantasseur2024!")) {
            assertThat(score(ESTIMATOR, derived, USER)).as(derived).isLessThan(score(ESTIMATOR, derived, List.of()));
        }
    }

    @Test
    void ranks_whole_user_inputs_as_zxcvbn_does_and_adds_their_parts_after_them() {
        assertThat(ZxcvbnStrengthEstimator.userInputWords(
                        List.of("Jo Li", "ab", " ｑｖａｎｔａｓｓｅｕｒ ", "Ann.Lee-Smith@Ex.org", "")))
                .containsExactly(
                        "jo li",
                        "ab",
                        "qvantasseur",
                        "ann.lee-smith@ex.org",
                        "ann.lee-smith",
                        "ann",
                        "lee",
                        "smith",
                        "org");
        // Lower-cased code point by code point, as zxcvbn4j lower-cases the password, whatever the default locale.
        assertThat(ZxcvbnStrengthEstimator.userInputWords(List.of("İSTANBUL"))).containsExactly("istanbul");
    }

    @Test
    void forgets_the_user_inputs_after_the_estimate() {
        int with = score(ESTIMATOR, "QuillbrookVantasseur", USER);
        int after = score(ESTIMATOR, "QuillbrookVantasseur", List.of());

        assertThat(with).isEqualTo(1);
        assertThat(after).isEqualTo(4);
    }

    @Test
    void gives_feedback_in_the_configured_language_and_english_by_default() {
        Locale before = Locale.getDefault();
        try {
            // English must not depend on the JVM's default locale: ResourceBundle would fall back to it.
            Locale.setDefault(Locale.GERMAN);
            ZxcvbnStrengthEstimator english = ZxcvbnStrengthEstimator.create();
            ZxcvbnStrengthEstimator german =
                    ZxcvbnStrengthEstimator.builder().locale(Locale.GERMAN).build();
            Locale.setDefault(Locale.FRENCH);

            assertThat(english.estimate(Password.of("password"), List.of()).feedback())
                    .hasValue("This is a top-10 common password. Add another word or two. Uncommon words are better.");
            assertThat(german.estimate(Password.of("abcdefgh"), List.of())
                            .feedback()
                            .orElseThrow())
                    .startsWith("Zeichenfolgen wie")
                    .satisfies(f ->
                            assertThat(isMadeOf(f, messageTexts(Locale.GERMAN))).isTrue());
        } finally {
            Locale.setDefault(before);
        }
    }

    @Test
    void estimates_only_the_first_max_length_code_points() {
        String random = "hY4$kP9@wQ2!zR7&Vq7#mZ2p!xL9";
        String weakStart = "a".repeat(ZxcvbnStrengthEstimator.DEFAULT_MAX_LENGTH) + random;
        String huge = (random + "-").repeat(PasswordPolicy.MAX_LENGTH_CEILING / (random.length() + 1));

        assertThat(score(ESTIMATOR, weakStart, List.of())).isLessThanOrEqualTo(1);
        assertThat(score(ESTIMATOR, huge, List.of())).isEqualTo(4);
        assertThat(score(ZxcvbnStrengthEstimator.builder().maxLength(256).build(), weakStart, List.of()))
                .isEqualTo(4);
        assertThat(score(
                        ZxcvbnStrengthEstimator.builder()
                                .maxLength(PasswordPolicy.MAX_LENGTH_CEILING)
                                .build(),
                        huge,
                        List.of()))
                .isEqualTo(4);
    }

    @Test
    void cuts_between_code_points_never_inside_a_surrogate_pair() {
        char[] emoji = "🔑🔑🔑".toCharArray();

        assertThat(ZxcvbnStrengthEstimator.prefixLength(emoji, 2)).isEqualTo(4);
        assertThat(ZxcvbnStrengthEstimator.prefixLength(emoji, 3)).isEqualTo(6);
        assertThat(ZxcvbnStrengthEstimator.prefixLength("abc".toCharArray(), 2)).isEqualTo(2);
        assertThat(ZxcvbnStrengthEstimator.prefixLength("abc".toCharArray(), 5)).isEqualTo(3);
    }

    @Test
    void finds_every_l33t_reading_zxcvbn_enumerates() {
        // zxcvbn 4.4.2's enumerate_l33t_subs gives 736 tables for this string (counted with the npm package).
        String everyL33tCharacter = "4@8({[<3691!|170+5$%2>7";

        assertThat(FastMatching.enumerateSubs(FastMatching.relevantTable(everyL33tCharacter)))
                .hasSize(736);
        assertThat(FastMatching.enumerateSubs(FastMatching.relevantTable("p4ssw0rd")))
                .hasSize(1);
        assertThat(FastMatching.enumerateSubs(FastMatching.relevantTable("password")))
                .containsExactly(java.util.Map.of());
        assertThat(score(ESTIMATOR, "P@55w0rd", List.of())).isZero();
        assertThat(score(ESTIMATOR, "1l0v3y0u", List.of())).isZero();
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
                .isInstanceOfSatisfying(
                        InvalidInputException.class, e -> assertThat(e.field()).isEqualTo("userInputs"));
    }

    @Test
    void refuses_invalid_settings() {
        assertInvalid("maxLength", b -> b.maxLength(ZxcvbnStrengthEstimator.MIN_MAX_LENGTH - 1));
        assertInvalid("maxLength", b -> b.maxLength(ZxcvbnStrengthEstimator.MAX_MAX_LENGTH + 1));
        assertInvalid("locale", b -> b.locale(null));
        assertThat(ZxcvbnStrengthEstimator.builder().maxLength(64).build().toString())
                .contains("maxLength=64");
    }

    private static void assertInvalid(String field, Consumer<ZxcvbnStrengthEstimator.Builder> setting) {
        ZxcvbnStrengthEstimator.Builder builder = ZxcvbnStrengthEstimator.builder();
        setting.accept(builder);
        assertThatThrownBy(builder::build)
                .isInstanceOfSatisfying(
                        InvalidInputException.class, e -> assertThat(e.field()).isEqualTo(field));
    }

    private static int score(ZxcvbnStrengthEstimator estimator, String password, List<String> inputs) {
        return estimator.estimate(Password.of(password), inputs).score();
    }

    /** Every message of zxcvbn4j's feedback bundle for the locale, longest first. */
    private static List<String> messageTexts(Locale locale) {
        ResourceBundle bundle = ResourceBundle.getBundle(
                "com/nulabinc/zxcvbn/messages",
                locale,
                ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_DEFAULT));
        return bundle.keySet().stream()
                .map(bundle::getString)
                .map(String::strip)
                .sorted(Comparator.comparingInt(String::length).reversed())
                .toList();
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
