package dev.locksmith.core.domain;

import static dev.locksmith.core.domain.PolicyViolation.Code.BANNED_WORD;
import static dev.locksmith.core.domain.PolicyViolation.Code.CONTAINS_USER_INFORMATION;
import static dev.locksmith.core.domain.PolicyViolation.Code.CONTROL_CHARACTERS;
import static dev.locksmith.core.domain.PolicyViolation.Code.NOT_COMPLEX;
import static dev.locksmith.core.domain.PolicyViolation.Code.TOO_FEW_DIGITS;
import static dev.locksmith.core.domain.PolicyViolation.Code.TOO_FEW_LOWERCASE;
import static dev.locksmith.core.domain.PolicyViolation.Code.TOO_FEW_OTHER;
import static dev.locksmith.core.domain.PolicyViolation.Code.TOO_FEW_UPPERCASE;
import static dev.locksmith.core.domain.PolicyViolation.Code.TOO_LONG;
import static dev.locksmith.core.domain.PolicyViolation.Code.TOO_SHORT;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The pure policy rules, one row per case: policy, password, expected violations (all of them, in order). */
class PasswordRulesTest {
    private static final PasswordPolicy NIST = PasswordPolicy.nistDefault();
    private static final PasswordPolicy CLASSIC = PasswordPolicy.classicComplex();
    private static final PasswordPolicy CLASS_MINIMUMS = PasswordPolicy.builder()
            .minLength(12)
            .minUppercase(2)
            .minLowercase(2)
            .minDigits(2)
            .minOther(2)
            .build();
    private static final PasswordPolicy BANNED =
            PasswordPolicy.builder().bannedWords(Set.of("Acme", "widget")).build();

    private static final PolicyViolation CONTROL = PolicyViolation.of(CONTROL_CHARACTERS);
    private static final PolicyViolation BANNED_WORD_USED = PolicyViolation.of(BANNED_WORD);

    private static final Username USERNAME = Username.of("j.random-hacker");
    private static final Profile PROFILE =
            new Profile("Jane Q. Public", "Jane Publicova", Optional.of(EmailAddress.of("jpub.desk@example.com")), "");

    static Stream<Arguments> rows() {
        return Stream.of(
                row("nist: a 15-character passphrase passes", NIST, "purple monkey d"),
                row("nist: 14 code points is too short", NIST, "purple monkey ", minimum(TOO_SHORT, 15)),
                row("nist: length counts code points, not chars", NIST, "😀😀😀😀😀😀😀😀😀😀😀😀😀😀😀"),
                row("nist: 14 emoji are too short", NIST, "😀😀😀😀😀😀😀😀😀😀😀😀😀😀", minimum(TOO_SHORT, 15)),
                row("nist: 129 is too long", NIST, "a".repeat(129), PolicyViolation.of(TOO_LONG, "maximum", 128)),
                row("nist: 128 is fine", NIST, "b".repeat(128)),
                row("nist: spaces are allowed", NIST, "          x          "),
                row("nist: a tab is a control character", NIST, "purple\tmonkey dishwasher", CONTROL),
                row("nist: CR LF are control characters", NIST, "purple monkey\r\ndishwasher", CONTROL),
                row("nist: NUL is a control character", NIST, "purple monkey\u0000dishwasher", CONTROL),
                row("nist: bidi override is refused", NIST, "purple monkey\u202Edishwasher", CONTROL),
                row("nist: no composition rules", NIST, "alllowercaseletters"),
                row("nist: short and controlled at once", NIST, "a\u0007", minimum(TOO_SHORT, 15), CONTROL),
                row("classic: three classes pass", CLASSIC, "Abcdefg1"),
                row("classic: other scripts count as other", CLASSIC, "abcdefg1日"),
                row(
                        "classic: two classes are not complex",
                        CLASSIC,
                        "abcdefgh1",
                        PolicyViolation.of(NOT_COMPLEX, "required", 3)),
                row(
                        "classic: seven characters and simple",
                        CLASSIC,
                        "abcdefg",
                        minimum(TOO_SHORT, 8),
                        PolicyViolation.of(NOT_COMPLEX, "required", 3)),
                row("minimums: all met", CLASS_MINIMUMS, "ABcd12!?xyzw"),
                row(
                        "minimums: every class short",
                        CLASS_MINIMUMS,
                        "Ab1!wwwwwwww",
                        minimum(TOO_FEW_UPPERCASE, 2),
                        minimum(TOO_FEW_DIGITS, 2),
                        minimum(TOO_FEW_OTHER, 2)),
                row("minimums: no lower case", CLASS_MINIMUMS, "ABCD12!?XYZW", minimum(TOO_FEW_LOWERCASE, 2)),
                row("context: the username whole", NIST, "xx j.random-hacker yy", userInformation("username")),
                row(
                        "context: a 4+ part of the username, any case",
                        NIST,
                        "my RANDOM passphrase",
                        userInformation("username")),
                row("context: parts under 4 characters do not count", NIST, "jq pub: no jan, des"),
                row("context: a display name part", NIST, "the publicova family", userInformation("displayName")),
                row("context: the email local part", NIST, "call jpub.desk today", userInformation("email")),
                row(
                        "context: every field is reported once",
                        NIST,
                        "hacker publicova jpub.desk",
                        userInformation("username"),
                        userInformation("displayName"),
                        userInformation("email")),
                row("banned: contained, case-insensitive", BANNED, "i love my ACME toaster", BANNED_WORD_USED),
                row("banned: reported once", BANNED, "acme widget acme widget", BANNED_WORD_USED),
                row("banned: absent", BANNED, "i love my toaster oven"));
    }

    @Test
    void words_match_whatever_case_form_either_side_is_in() {
        // Upper-case sigma lower-cases to a final sigma at the end of a word in a whole string, to a medial one
        // alone; long s, dotless and dotted i fold too. Each row is refused with every spelling.
        PasswordPolicy banned = PasswordPolicy.builder()
                .bannedWords(Set.of("ΑΘΗΝΑΣ", "ſtraſſe", "İSTANBUL"))
                .build();
        for (String password : List.of(
                "ΑΘΗΝΑΣ horse battery staple",
                "αθηνας horse battery staple",
                "αθηνασ horse battery staple",
                "STRASSE horse battery",
                "istanbul horse battery",
                "ıstanbul horse battery")) {
            try (Password secret = Password.of(password)) {
                assertThat(PasswordRules.check(secret, banned, USERNAME, PROFILE))
                        .as(password)
                        .containsExactly(BANNED_WORD_USED);
            }
        }
        Profile greek = new Profile("ΚΩΣΤΑΣ Παπαδόπουλος", "", Optional.empty(), "");
        for (String password :
                List.of("ΚΩΣΤΑΣ horse battery staple", "κωστας horse battery staple", "ΠΑΠΑΔΌΠΟΥΛΟΣ horse battery")) {
            try (Password secret = Password.of(password)) {
                assertThat(PasswordRules.check(secret, NIST, USERNAME, greek))
                        .as(password)
                        .containsExactly(userInformation("displayName"));
            }
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("rows")
    void checks_every_rule_and_reports_all_violations(
            String title, PasswordPolicy policy, String password, List<PolicyViolation> expected) {
        try (Password secret = Password.of(password)) {
            assertThat(PasswordRules.check(secret, policy, USERNAME, PROFILE)).containsExactlyElementsOf(expected);
        }
    }

    @Test
    void no_violation_contains_the_password() {
        String password = "hacker\u0007";
        try (Password secret = Password.of(password)) {
            List<PolicyViolation> violations = PasswordRules.check(secret, CLASSIC, USERNAME, PROFILE);
            assertThat(violations).isNotEmpty();
            assertThat(violations.toString()).doesNotContain(password).doesNotContain("hacker");
        }
    }

    @Test
    void normalization_makes_composed_and_decomposed_input_the_same_password() {
        try (Password composed = Password.of("caf\u00e9 noir!");
                Password decomposed = Password.of("cafe\u0301 noir!")) {
            assertThat(composed.codePointCount())
                    .isEqualTo(decomposed.codePointCount())
                    .isEqualTo(10);
            assertThat(PasswordRules.check(decomposed, NIST, USERNAME, PROFILE))
                    .containsExactly(minimum(TOO_SHORT, 15))
                    .isEqualTo(PasswordRules.check(composed, NIST, USERNAME, PROFILE));
        }
    }

    @Test
    void context_words_are_the_users_data_split_at_punctuation_keeping_parts_of_four_or_more() {
        assertThat(PasswordRules.contextWords(USERNAME, PROFILE))
                .containsExactly(
                        "j.random-hacker",
                        "random",
                        "hacker",
                        "jane q. public",
                        "jane",
                        "public",
                        "jane publicova",
                        "publicova",
                        "jpub.desk",
                        "jpub",
                        "desk");
    }

    @Test
    void the_nist_preset_follows_sp_800_63b() {
        assertThat(NIST.minLength()).isEqualTo(15);
        assertThat(NIST.maxLength()).isEqualTo(128);
        assertThat(NIST.complex()).isFalse();
        assertThat(NIST.maxAge()).isEmpty();
        assertThat(NIST.historySize()).isZero();
        assertThat(NIST.temporaryLifetime()).contains(Duration.ofHours(72));
        assertThat(NIST.lockoutThreshold()).isEqualTo(10);
        assertThat(NIST.lockoutDuration()).contains(Duration.ofMinutes(30));
    }

    @Test
    void the_classic_preset_keeps_the_old_complex_rules() {
        assertThat(CLASSIC.minLength()).isEqualTo(8);
        assertThat(CLASSIC.complex()).isTrue();
        assertThat(CLASSIC.historySize()).isEqualTo(5);
        assertThat(CLASSIC.maxAge()).contains(Duration.ofDays(90));
    }

    @Test
    void a_policy_refuses_settings_out_of_range() {
        Map<String, UnaryOperator<PasswordPolicy.Builder>> outOfRange = Map.of(
                "minLength", p -> p.minLength(7),
                "maxLength", p -> p.maxLength(63),
                "historySize", p -> p.historySize(25),
                "lockoutThreshold", p -> p.lockoutThreshold(101));
        outOfRange.forEach((field, setting) -> assertThatThrownBy(
                        () -> setting.apply(PasswordPolicy.builder()).build())
                .as(field)
                .isInstanceOfSatisfying(
                        InvalidInputException.class, e -> assertThat(e.field()).isEqualTo(field)));
    }

    private static Arguments row(String title, PasswordPolicy policy, String password, PolicyViolation... expected) {
        return Arguments.of(title, policy, password, List.of(expected));
    }

    private static PolicyViolation minimum(PolicyViolation.Code code, int minimum) {
        return PolicyViolation.of(code, "minimum", minimum);
    }

    private static PolicyViolation userInformation(String context) {
        return PolicyViolation.of(CONTAINS_USER_INFORMATION, "context", context);
    }
}
