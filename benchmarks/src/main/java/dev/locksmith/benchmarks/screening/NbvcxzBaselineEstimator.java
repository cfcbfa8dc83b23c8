package dev.locksmith.benchmarks.screening;

import dev.locksmith.core.domain.InvalidInputException;
import dev.locksmith.core.domain.Password;
import dev.locksmith.core.domain.UnavailableException;
import dev.locksmith.core.port.StrengthEstimator;
import java.text.Normalizer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.StringJoiner;
import java.util.regex.Pattern;
import me.gosimple.nbvcxz.Nbvcxz;
import me.gosimple.nbvcxz.resources.Configuration;
import me.gosimple.nbvcxz.resources.ConfigurationBuilder;
import me.gosimple.nbvcxz.resources.Dictionary;
import me.gosimple.nbvcxz.resources.DictionaryBuilder;
import me.gosimple.nbvcxz.resources.Feedback;
import me.gosimple.nbvcxz.resources.FeedbackUtil;
import me.gosimple.nbvcxz.scoring.Result;

/**
 * The strength estimator Locksmith shipped before issue 17 (nbvcxz 1.5.1), kept here unchanged as the baseline of
 * {@link StrengthBenchmark}: its default settings estimate the first 128 characters with a 100 ms budget for
 * nbvcxz's exhaustive search. Not used by any adapter. Immutable and thread-safe.
 */
final class NbvcxzBaselineEstimator implements StrengthEstimator {
    /** Default number of characters estimated: the default policy's maximum password length. */
    public static final int DEFAULT_MAX_LENGTH = 128;
    /** Default time budget of nbvcxz's exhaustive search (nbvcxz's own default is 500 ms). */
    public static final Duration DEFAULT_TIME_BUDGET = Duration.ofMillis(100);

    /** Shortest user input, or part of one, that counts as guessable: shorter ones would blank out common letters. */
    static final int MIN_USER_INPUT_LENGTH = 3;

    private static final String USER_INPUTS_DICTIONARY = "locksmith_user_inputs";
    private static final Pattern NON_ALPHANUMERIC = Pattern.compile("[^\\p{L}\\p{N}]+");

    private final Configuration configuration;

    private NbvcxzBaselineEstimator(Configuration configuration) {
        this.configuration = configuration;
    }

    /**
     * The estimator with the settings Locksmith shipped (English feedback, no typo matching): the only
     * configuration the benchmark compares against, so the old builder is not kept.
     */
    public static NbvcxzBaselineEstimator create() {
        Configuration configuration = new ConfigurationBuilder()
                // A copy: nbvcxz hands out its static default list itself, and adding to it would leak
                // words into every other estimate in the JVM.
                .setDictionaries(List.copyOf(ConfigurationBuilder.getDefaultDictionaries()))
                .setLocale(Locale.ROOT)
                .setMaxLength(DEFAULT_MAX_LENGTH)
                .setCombinationAlgorithmTimeout(DEFAULT_TIME_BUDGET.toMillis())
                .setDistanceCalc(false)
                // The score alone decides whether there is feedback; an unreachable minimum makes nbvcxz always
                // explain the dominant pattern instead of declaring the password good enough at 35 bits.
                .setMinimumEntropy(Double.MAX_VALUE)
                .createConfiguration();
        return new NbvcxzBaselineEstimator(configuration);
    }

    /**
     * Estimates the password's strength; the user inputs count as guessable for this estimate only.
     *
     * @throws InvalidInputException if an argument or a user input is null
     * @throws UnavailableException if nbvcxz fails
     * @throws dev.locksmith.core.domain.InvalidInputException if the password was wiped
     */
    @Override
    public Strength estimate(Password password, List<String> userInputs) {
        InvalidInputException.requireNonNull(password, "password");
        InvalidInputException.requireNonNull(userInputs, "userInputs");
        Set<String> guessable = guessableWords(userInputs);
        Configuration perEstimate = guessable.isEmpty() ? configuration : withExclusions(guessable);

        char[] chars = password.toCharArray();
        String text;
        try {
            text = new String(chars);
        } finally {
            Arrays.fill(chars, '\0');
        }
        try {
            Result result = new Nbvcxz(perEstimate).estimate(text);
            int score = Math.max(0, Math.min(4, result.getBasicScore()));
            return new Strength(score, score == 4 ? Optional.empty() : feedback(result));
        } catch (RuntimeException e) {
            throw new UnavailableException("password strength estimation failed", withoutMessages(e));
        }
    }

    @Override
    public String toString() {
        return "NbvcxzBaselineEstimator[locale=" + configuration.getLocale() + ", maxLength="
                + configuration.getMaxLength()
                + ", timeBudget=" + configuration.getCombinationAlgorithmTimeout() + "ms, typoMatching="
                + configuration.isDistanceCalc() + "]";
    }

    /** The user inputs, NFKC-normalized, whole and split on anything but letters and digits. */
    static Set<String> guessableWords(List<String> userInputs) {
        Set<String> words = new LinkedHashSet<>();
        for (String input : userInputs) {
            if (input == null) {
                throw new InvalidInputException("userInputs", "contains null");
            }
            String text = Normalizer.normalize(input, Normalizer.Form.NFKC).strip();
            addIfLongEnough(words, text);
            int at = text.lastIndexOf('@');
            if (at > 0) {
                addIfLongEnough(words, text.substring(0, at));
            }
            for (String part : NON_ALPHANUMERIC.split(text)) {
                addIfLongEnough(words, part);
            }
        }
        return words;
    }

    private static void addIfLongEnough(Set<String> words, String word) {
        if (word.codePointCount(0, word.length()) >= MIN_USER_INPUT_LENGTH) {
            words.add(word);
        }
    }

    private Configuration withExclusions(Set<String> guessable) {
        // DictionaryBuilder lower-cases with the JVM's default locale, as nbvcxz's matcher does with the password,
        // so both sides agree even under a Turkish default locale.
        Dictionary exclusions = new DictionaryBuilder()
                .setDictionaryName(USER_INPUTS_DICTIONARY)
                .setExclusion(true)
                .addWords(guessable, 0)
                .createDictionary();
        List<Dictionary> dictionaries =
                new ArrayList<>(configuration.getDictionaries().size() + 1);
        dictionaries.addAll(configuration.getDictionaries());
        dictionaries.add(exclusions);
        return new Configuration(
                configuration.getPasswordMatchers(),
                configuration.getGuessTypes(),
                dictionaries,
                configuration.getAdjacencyGraphs(),
                configuration.getLeetTable(),
                configuration.getYearPattern(),
                configuration.getMinimumEntropy(),
                configuration.getMaxLength(),
                configuration.getLocale(),
                configuration.isDistanceCalc(),
                configuration.getCombinationAlgorithmTimeout());
    }

    private static Optional<String> feedback(Result result) {
        Feedback feedback = FeedbackUtil.getFeedback(result);
        StringJoiner text = new StringJoiner(" ");
        String warning = feedback.getWarning();
        if (warning != null && !warning.isBlank()) {
            text.add(warning.strip());
        }
        for (String suggestion : feedback.getSuggestion()) {
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
}
