package dev.locksmith.screening;

import com.nulabinc.zxcvbn.Feedback;
import com.nulabinc.zxcvbn.MatchSequence;
import com.nulabinc.zxcvbn.Strength;
import com.nulabinc.zxcvbn.matchers.Match;
import dev.locksmith.core.domain.InvalidInputException;
import dev.locksmith.core.domain.Password;
import dev.locksmith.core.domain.PasswordPolicy;
import dev.locksmith.core.domain.UnavailableException;
import dev.locksmith.core.port.StrengthEstimator;
import java.nio.CharBuffer;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.StringJoiner;
import java.util.regex.Pattern;

/**
 * The {@link StrengthEstimator} port on zxcvbn4j ({@code com.nulab-inc:zxcvbn}, MIT), the Java port of Dropbox's
 * zxcvbn 4.4.2: the score is zxcvbn's (estimated guesses below 10³, 10⁶, 10⁸, 10¹⁰ give 0 to 3; more give 4)
 * and the feedback is zxcvbn's warning and suggestions for the longest pattern found, e.g. "This is a top-10
 * common password. Add another word or two. Uncommon words are better."
 *
 * <p><b>Why zxcvbn4j, not nbvcxz corrected.</b> Against the reference zxcvbn 4.4.2 on the differential test's
 * passwords ({@code ZxcvbnStrengthEstimatorDifferentialTest}), this estimator never scores 3 or 4 a password the
 * reference scores 0 to 2, and agrees exactly wherever the test lists no documented difference: Locksmith's
 * additions below, all stricter but one (NFKC turns {@code ⅰⅱⅲⅳ} into 8 letters), and zxcvbn4j's own stricter
 * matchers (years 2020 to 2029 are recent years; a run of one character is also a sequence). The old nbvcxz
 * estimator is a different estimator built on zxcvbn's ideas (other dictionaries, other scoring), so correcting it
 * would mean rewriting it into zxcvbn, which zxcvbn4j already is. Plain zxcvbn4j is too slow on long inputs,
 * hence {@link FastMatching} and {@link FastScoring} (below); the dictionaries, the other matchers, the guess
 * estimates and the feedback are zxcvbn4j's. The agreement figures of all three, and their cost, are in
 * {@code benchmarks/README.md} ("Strength estimate").
 *
 * <p><b>What Locksmith adds on purpose</b>, each of which can only lower a score:
 * <ul>
 *   <li>The password is estimated after NFKC normalization (it arrives so in a {@link Password}, as it is
 *       hashed), so fullwidth {@code ｐａｓｓｗｏｒｄ} is recognised as {@code password}.</li>
 *   <li>The user inputs (username, display names, email address) are zxcvbn's user inputs, ranked in the
 *       order given as zxcvbn ranks them, and then their parts of at least {@value #MIN_USER_INPUT_PART}
 *       characters (split on anything but letters and digits, and the email's local part) are added after
 *       them, so {@code Doe!John!} counts as the user's name. Extra known words only add matches, and zxcvbn
 *       keeps the cheapest way to guess the password, so they never raise a score.</li>
 *   <li>A score of 3 also gets feedback (zxcvbn gives advice only up to 2), so a policy asking for 4 can say
 *       why a password fell short. A score of 4 has none.</li>
 * </ul>
 *
 * <p><b>Bounded cost.</b> zxcvbn's matching looks up every substring in every dictionary, again for each of up
 * to 736 l33t substitution tables: the reference takes 2.5 s for a crafted 32-character input and 43 s for
 * 1,024 random characters, zxcvbn4j's own matcher 0.6 s for 23 characters and 24 s for 512. zxcvbn 4.4.2,
 * Dropbox's last release, does not truncate (its README advises passing only the first 100 characters or so;
 * other ports truncate: zxcvbn-python at 72 by default), nor does zxcvbn4j. This adapter bounds the cost two
 * ways. {@link FastMatching} follows each start position only while the decoded text still begins a known
 * word, so matching grows about linearly with the length, and {@link FastScoring} computes zxcvbn's search for
 * the cheapest sequence of matches as zxcvbn4j does (same guesses, same sequence) without its per-candidate
 * objects; that search is still quadratic in the length. So only the first
 * {@link Builder#maxLength(int) maxLength} code points are estimated: default {@value #DEFAULT_MAX_LENGTH}, the
 * default policy's maximum length, so that under the default policy every password is estimated whole; a longer one is estimated on its first 128 code points and the rest counts as
 * adding nothing (which in rare cases, such as a repeat cut in the middle, scores one point higher than the
 * whole). A host whose policy allows longer passwords may raise it up to the policy's ceiling of
 * {@value #MAX_MAX_LENGTH} ({@link PasswordPolicy#MAX_LENGTH_CEILING}) at the measured cost of its worst inputs.
 * {@code benchmarks/README.md} ("Strength estimate") has the figures for both.
 *
 * <p>The feedback is assembled only from zxcvbn4j's fixed message texts, chosen by the kind of pattern found
 * (never from the matched text), so it cannot carry the password. zxcvbn4j takes the password as a
 * {@link CharSequence}; this adapter hands it a wrapper of a copy that it wipes afterwards, but the matchers
 * make short-lived {@code String}s of parts of it, left to the garbage collector.
 *
 * <p>Immutable and thread-safe (zxcvbn4j's dictionaries are loaded once per estimator and only read).
 * {@link #estimate} throws {@link InvalidInputException} for null arguments and {@link UnavailableException}
 * if zxcvbn4j fails.
 */
public final class ZxcvbnStrengthEstimator implements StrengthEstimator {
    /** Default number of code points estimated: the default policy's maximum password length. */
    public static final int DEFAULT_MAX_LENGTH = 128;
    /** Largest accepted {@link Builder#maxLength(int)}: the policy's own ceiling on password length. */
    public static final int MAX_MAX_LENGTH = PasswordPolicy.MAX_LENGTH_CEILING;
    /** Smallest accepted {@link Builder#maxLength(int)}: the policy's smallest maximum length. */
    public static final int MIN_MAX_LENGTH = PasswordPolicy.MAX_LENGTH_FLOOR;

    /** Shortest part of a user input added as a known word: shorter ones would match common letter pairs. */
    static final int MIN_USER_INPUT_PART = 3;
    /** Guesses at which zxcvbn's score turns from 2 to 3: a score-3 estimate is explained as at this count. */
    private static final double SCORE_2_CEILING = 1e8;

    private static final Pattern NON_ALPHANUMERIC = Pattern.compile("[^\\p{L}\\p{N}]+");

    private final FastMatching matching;
    private final FastScoring scoring;
    private final Locale locale;
    private final int maxLength;

    private ZxcvbnStrengthEstimator(FastMatching matching, Locale locale, int maxLength) {
        this.matching = matching;
        this.scoring = new FastScoring(matching.context());
        this.locale = locale;
        this.maxLength = maxLength;
    }

    /** An estimator with the default settings (English feedback, the first 128 code points estimated). */
    public static ZxcvbnStrengthEstimator create() {
        return builder().build();
    }

    /** A builder starting from the default settings. */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Estimates the password's strength; the user inputs and their parts count as known words for this
     * estimate only.
     *
     * @throws InvalidInputException if an argument or a user input is null, or the password was wiped
     * @throws UnavailableException if zxcvbn4j fails
     */
    @Override
    public Strength estimate(Password password, List<String> userInputs) {
        InvalidInputException.requireNonNull(password, "password");
        InvalidInputException.requireNonNull(userInputs, "userInputs");
        List<String> knownWords = userInputWords(userInputs);

        char[] chars = password.toCharArray();
        try {
            CharSequence text = CharBuffer.wrap(chars, 0, prefixLength(chars, maxLength));
            List<Match> matches = matching.omnimatch(text, knownWords);
            MatchSequence best = scoring.mostGuessableMatchSequence(text, matches);
            com.nulabinc.zxcvbn.Strength result =
                    new com.nulabinc.zxcvbn.Strength(text, best.getGuesses(), best.getSequence(), 0);
            int score = Math.max(0, Math.min(4, result.getScore()));
            if (score == 4) {
                return new Strength(4, Optional.empty());
            }
            Feedback feedback = score < 3
                    ? result.getFeedback()
                    : new com.nulabinc.zxcvbn.Strength(text, SCORE_2_CEILING, best.getSequence(), 0).getFeedback();
            return new Strength(score, feedbackText(feedback));
        } catch (RuntimeException e) {
            throw new UnavailableException("password strength estimation failed", withoutMessages(e));
        } finally {
            Arrays.fill(chars, '\0');
        }
    }

    @Override
    public String toString() {
        return "ZxcvbnStrengthEstimator[locale=" + locale + ", maxLength=" + maxLength + "]";
    }

    /** How many chars hold the first {@code codePoints} code points of {@code chars}. */
    static int prefixLength(char[] chars, int codePoints) {
        if (chars.length <= codePoints) {
            return chars.length;
        }
        int end = 0;
        for (int counted = 0; counted < codePoints && end < chars.length; counted++) {
            end += Character.isHighSurrogate(chars[end])
                            && end + 1 < chars.length
                            && Character.isLowSurrogate(chars[end + 1])
                    ? 2
                    : 1;
        }
        return end;
    }

    /**
     * The known words of an estimate, in rank order: each user input as given (NFKC, stripped, lower-cased code
     * point by code point as zxcvbn4j lower-cases the password), as zxcvbn ranks its user inputs; then the email
     * local parts and the parts split on anything but letters and digits that are at least
     * {@value #MIN_USER_INPUT_PART} characters long and not already known.
     */
    static List<String> userInputWords(List<String> userInputs) {
        List<String> whole = new ArrayList<>(userInputs.size());
        for (String input : userInputs) {
            if (input == null) {
                throw new InvalidInputException("userInputs", "contains null");
            }
            String text =
                    lowerCase(Normalizer.normalize(input, Normalizer.Form.NFKC).strip());
            if (!text.isEmpty()) {
                whole.add(text);
            }
        }
        Set<String> parts = new LinkedHashSet<>();
        for (String text : whole) {
            int at = text.lastIndexOf('@');
            if (at > 0) {
                parts.add(text.substring(0, at));
            }
            for (String part : NON_ALPHANUMERIC.split(text, -1)) {
                if (part.codePointCount(0, part.length()) >= MIN_USER_INPUT_PART) {
                    parts.add(part);
                }
            }
        }
        parts.removeAll(whole);
        List<String> words = new ArrayList<>(whole);
        words.addAll(parts);
        return words;
    }

    private static String lowerCase(String text) {
        StringBuilder lower = new StringBuilder(text.length());
        text.codePoints().map(Character::toLowerCase).forEach(lower::appendCodePoint);
        return lower.toString();
    }

    private Optional<String> feedbackText(Feedback feedback) {
        StringJoiner text = new StringJoiner(" ");
        String warning = feedback.getWarning(locale);
        if (warning != null && !warning.isBlank()) {
            text.add(warning.strip());
        }
        for (String suggestion : feedback.getSuggestions(locale)) {
            if (suggestion != null && !suggestion.isBlank()) {
                text.add(suggestion.strip());
            }
        }
        return text.length() == 0 ? Optional.empty() : Optional.of(text.toString());
    }

    /**
     * A stand-in for a third-party exception that keeps its type and stack trace for diagnosis but drops its
     * message, which we do not control and which could quote part of the password.
     */
    private static Throwable withoutMessages(Throwable e) {
        RuntimeException copy = new RuntimeException(e.getClass().getName() + " (message withheld)");
        copy.setStackTrace(e.getStackTrace());
        return copy;
    }

    /**
     * Settings of a {@link ZxcvbnStrengthEstimator}, checked in {@link #build()}. Not thread-safe; a builder may
     * build several estimators.
     */
    public static final class Builder {
        private Locale locale = Locale.ROOT;
        private int maxLength = DEFAULT_MAX_LENGTH;

        private Builder() {}

        /**
         * Language of the feedback, among zxcvbn4j's translations (English, Dutch, French, German, Italian,
         * Japanese, Portuguese, Spanish; others fall back to English). Default {@link Locale#ROOT}: English
         * whatever the JVM's default locale.
         */
        public Builder locale(Locale locale) {
            this.locale = locale;
            return this;
        }

        /**
         * How many code points of a password are estimated, {@value #MIN_MAX_LENGTH} to {@value #MAX_MAX_LENGTH}
         * (default {@value #DEFAULT_MAX_LENGTH}); set it to the policy's maximum length to estimate every
         * password whole. Beyond it, characters are treated as adding nothing.
         */
        public Builder maxLength(int maxLength) {
            this.maxLength = maxLength;
            return this;
        }

        /**
         * Checks the settings and builds the estimator, loading zxcvbn4j's dictionaries and keyboards.
         *
         * @throws InvalidInputException naming the first invalid setting
         * @throws UnavailableException if zxcvbn4j's data cannot be read
         */
        public ZxcvbnStrengthEstimator build() {
            InvalidInputException.requireNonNull(locale, "locale");
            if (maxLength < MIN_MAX_LENGTH || maxLength > MAX_MAX_LENGTH) {
                throw new InvalidInputException(
                        "maxLength", "must be between " + MIN_MAX_LENGTH + " and " + MAX_MAX_LENGTH);
            }
            return new ZxcvbnStrengthEstimator(FastMatching.standard(), locale, maxLength);
        }
    }
}
