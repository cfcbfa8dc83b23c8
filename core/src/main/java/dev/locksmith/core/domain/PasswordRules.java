package dev.locksmith.core.domain;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * The pure rules of a {@link PasswordPolicy} that need nothing but the password and the user's own data:
 * length in code points, control characters, complexity, per-class minimums, context words and the
 * administrator's banned words. The rules that need a port (blocklist, strength, history) are applied by
 * the use cases after these. Every violation is reported, in a fixed order; none contains the password.
 * Stateless and thread-safe.
 */
public final class PasswordRules {
    /** Context words (or parts of them) shorter than this many code points are ignored. */
    public static final int MIN_CONTEXT_PART = 4;
    /** How many character classes a complex password needs. */
    public static final int COMPLEX_CLASSES_REQUIRED = 3;

    private PasswordRules() {}

    /**
     * Every violation of the policy's own rules by {@code password}, for the user {@code username} with
     * {@code profile}; empty when it complies.
     *
     * @throws InvalidInputException if the password was wiped
     * @throws NullPointerException if an argument is null
     */
    public static List<PolicyViolation> check(
            Password password, PasswordPolicy policy, Username username, Profile profile) {
        Objects.requireNonNull(password, "password");
        Objects.requireNonNull(policy, "policy");
        Objects.requireNonNull(username, "username");
        Objects.requireNonNull(profile, "profile");
        List<PolicyViolation> violations = new ArrayList<>();
        char[] chars = password.chars();

        int length = Character.codePointCount(chars, 0, chars.length);
        if (length < policy.minLength()) {
            violations.add(PolicyViolation.of(PolicyViolation.Code.TOO_SHORT, "minimum", policy.minLength()));
        }
        if (length > policy.maxLength()) {
            violations.add(PolicyViolation.of(PolicyViolation.Code.TOO_LONG, "maximum", policy.maxLength()));
        }

        int upper = 0;
        int lower = 0;
        int digits = 0;
        int other = 0;
        boolean control = false;
        for (int i = 0; i < chars.length; ) {
            int cp = Character.codePointAt(chars, i);
            i += Character.charCount(cp);
            if (Texts.isForbiddenInLine(cp)) {
                control = true;
            } else if (Character.isUpperCase(cp) || Character.isTitleCase(cp)) {
                upper++;
            } else if (Character.isLowerCase(cp)) {
                lower++;
            } else if (Character.isDigit(cp)) {
                digits++;
            } else {
                other++;
            }
        }
        if (control) {
            violations.add(PolicyViolation.of(PolicyViolation.Code.CONTROL_CHARACTERS));
        }
        if (policy.complex()) {
            int classes = (upper > 0 ? 1 : 0) + (lower > 0 ? 1 : 0) + (digits > 0 ? 1 : 0) + (other > 0 ? 1 : 0);
            if (classes < COMPLEX_CLASSES_REQUIRED) {
                violations.add(
                        PolicyViolation.of(PolicyViolation.Code.NOT_COMPLEX, "required", COMPLEX_CLASSES_REQUIRED));
            }
        }
        minimum(violations, PolicyViolation.Code.TOO_FEW_UPPERCASE, upper, policy.minUppercase());
        minimum(violations, PolicyViolation.Code.TOO_FEW_LOWERCASE, lower, policy.minLowercase());
        minimum(violations, PolicyViolation.Code.TOO_FEW_DIGITS, digits, policy.minDigits());
        minimum(violations, PolicyViolation.Code.TOO_FEW_OTHER, other, policy.minOther());

        contextViolation(violations, password, "username", List.of(username.value()));
        contextViolation(violations, password, "displayName", List.of(profile.publicName(), profile.privateName()));
        profile.email().ifPresent(e -> contextViolation(violations, password, "email", List.of(e.localPart())));

        for (String word : policy.bannedWords()) {
            if (password.containsIgnoreCase(word)) {
                violations.add(PolicyViolation.of(PolicyViolation.Code.BANNED_WORD));
                break;
            }
        }
        return List.copyOf(violations);
    }

    /**
     * The user's own data a password must not contain and a strength estimator should treat as guessable:
     * the username, the display names and the email's local part, each whole and split at spaces and
     * punctuation, lower-cased, keeping only parts of at least {@link #MIN_CONTEXT_PART} code points.
     */
    public static List<String> contextWords(Username username, Profile profile) {
        Objects.requireNonNull(username, "username");
        Objects.requireNonNull(profile, "profile");
        Set<String> words = new LinkedHashSet<>();
        words.addAll(parts(username.value()));
        words.addAll(parts(profile.publicName()));
        words.addAll(parts(profile.privateName()));
        profile.email().ifPresent(e -> words.addAll(parts(e.localPart())));
        return List.copyOf(words);
    }

    private static void minimum(List<PolicyViolation> violations, PolicyViolation.Code code, int count, int minimum) {
        if (count < minimum) {
            violations.add(PolicyViolation.of(code, "minimum", minimum));
        }
    }

    private static void contextViolation(
            List<PolicyViolation> violations, Password password, String field, List<String> texts) {
        for (String text : texts) {
            for (String part : parts(text)) {
                if (password.containsIgnoreCase(part)) {
                    violations.add(
                            PolicyViolation.of(PolicyViolation.Code.CONTAINS_USER_INFORMATION, "context", field));
                    return;
                }
            }
        }
    }

    /** The text whole and split at anything that is not a letter or digit, parts of 4+ code points, lower-cased. */
    private static List<String> parts(String text) {
        Set<String> parts = new LinkedHashSet<>();
        String folded = Texts.foldCase(text.strip());
        addIfLongEnough(parts, folded);
        StringBuilder current = new StringBuilder();
        for (int i = 0; i < folded.length(); ) {
            int cp = folded.codePointAt(i);
            i += Character.charCount(cp);
            if (Character.isLetterOrDigit(cp)) {
                current.appendCodePoint(cp);
            } else {
                addIfLongEnough(parts, current.toString());
                current.setLength(0);
            }
        }
        addIfLongEnough(parts, current.toString());
        return List.copyOf(parts);
    }

    private static void addIfLongEnough(Set<String> parts, String part) {
        if (part.codePointCount(0, part.length()) >= MIN_CONTEXT_PART) {
            parts.add(part);
        }
    }
}
