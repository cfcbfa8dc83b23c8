package dev.locksmith.screening;

import com.nulabinc.zxcvbn.Context;
import com.nulabinc.zxcvbn.MatchSequence;
import com.nulabinc.zxcvbn.Scoring;
import com.nulabinc.zxcvbn.guesses.EstimateGuess;
import com.nulabinc.zxcvbn.matchers.Match;
import com.nulabinc.zxcvbn.matchers.MatchFactory;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

/**
 * zxcvbn 4.4.2's {@code most_guessable_match_sequence}, computed as zxcvbn4j's {@link Scoring} computes it (same
 * arithmetic, same guesses per match through zxcvbn4j's {@link EstimateGuess}) but without its constant costs:
 * zxcvbn4j builds a new guess estimator (eight objects) for every candidate and a new match, with a copy of
 * the characters it covers, for every bruteforce candidate, which makes a 1,024-character repetitive input
 * cost seconds and gigabytes. Here a bruteforce candidate's guesses are computed from its length, and its
 * match is made only if it becomes the best so far at its end position.
 *
 * <p>The search is zxcvbn's dynamic programme: for each end position {@code k} and each sequence length
 * {@code l}, the cheapest way to cover the password up to {@code k} with {@code l} matches, where a sequence of
 * {@code l} matches of guesses {@code g1..gl} costs {@code l! · g1 · … · gl + 10000^(l-1)}; candidates are
 * every match found plus a bruteforce run from any position. Still quadratic in the length (every start of a
 * bruteforce run), which is why {@link ZxcvbnStrengthEstimator} also bounds the length.
 *
 * <p>Stateless and thread-safe; every call builds its own tables.
 */
final class FastScoring {
    /** zxcvbn's guesses per bruteforce character, and least guesses of a one- and a multi-character submatch. */
    private static final double BRUTEFORCE_CARDINALITY = 10;

    private static final double MIN_SUBMATCH_GUESSES_SINGLE_CHAR = 10;
    private static final double MIN_SUBMATCH_GUESSES_MULTI_CHAR = 50;

    private final Context context;

    FastScoring(Context context) {
        this.context = context;
    }

    /** The cheapest sequence of matches (and bruteforce runs) that covers {@code password}, and its guesses. */
    MatchSequence mostGuessableMatchSequence(CharSequence password, List<Match> matches) {
        int n = password.length();
        if (n == 0) {
            return new MatchSequence(new ArrayList<>(), 1);
        }
        List<List<Match>> byEnd = new ArrayList<>(n);
        for (int k = 0; k < n; k++) {
            byEnd.add(new ArrayList<>());
        }
        for (Match match : matches) {
            byEnd.get(match.j).add(match);
        }
        for (List<Match> ending : byEnd) {
            ending.sort(Comparator.comparingInt(m -> m.i));
        }
        EstimateGuess estimate = new EstimateGuess(context, password);
        Best[] best = new Best[n];
        for (int k = 0; k < n; k++) {
            best[k] = new Best();
        }
        for (int k = 0; k < n; k++) {
            for (Match match : byEnd.get(k)) {
                double guesses = estimate.exec(match);
                if (match.i > 0) {
                    Best before = best[match.i - 1];
                    for (int e = 0; e < before.size; e++) {
                        update(best[k], match, guesses, before.lengths[e] + 1, before.products[e]);
                    }
                } else {
                    update(best[k], match, guesses, 1, 1);
                }
            }
            bruteforceUpdate(password, best, k);
        }
        List<Match> sequence = unwind(best, n);
        return new MatchSequence(sequence, best[n - 1].metricOf(sequence.size()));
    }

    private static void bruteforceUpdate(CharSequence password, Best[] best, int k) {
        double whole = bruteforceGuesses(k + 1);
        if (update(best[k], null, whole, 1, 1)) {
            best[k].matches[best[k].indexOf(1)] = bruteforce(password, 0, k, whole);
        }
        for (int i = 1; i <= k; i++) {
            double guesses = bruteforceGuesses(k - i + 1);
            Best before = best[i - 1];
            Match made = null;
            for (int e = 0; e < before.size; e++) {
                if (before.bruteforce[e]) {
                    continue;
                }
                int l = before.lengths[e] + 1;
                if (update(best[k], made, guesses, l, before.products[e]) && made == null) {
                    made = bruteforce(password, i, k, guesses);
                    best[k].matches[best[k].indexOf(l)] = made;
                }
            }
        }
    }

    /**
     * zxcvbn's {@code update}: records {@code match} as the last of the best {@code l}-match sequence ending at its
     * end unless a sequence of no more matches there is at least as cheap. A null match is a bruteforce run not
     * yet made; the caller makes it if this returns true.
     */
    private static boolean update(Best at, Match match, double guesses, int l, double productBefore) {
        double product = guesses;
        if (l > 1) {
            product *= productBefore;
        }
        product = finite(product);
        double metric = finite(factorial(l) * product);
        metric = finite(metric + Math.pow(Scoring.MIN_GUESSES_BEFORE_GROWING_SEQUENCE, (double) l - 1));
        for (int e = 0; e < at.size; e++) {
            if (at.lengths[e] <= l && at.metrics[e] <= metric) {
                return false;
            }
        }
        at.put(l, match, product, metric, match == null || match.pattern == com.nulabinc.zxcvbn.Pattern.Bruteforce);
        return true;
    }

    private static List<Match> unwind(Best[] best, int n) {
        int k = n - 1;
        Best last = best[k];
        int l = 0;
        double lowest = Double.POSITIVE_INFINITY;
        for (int e = 0; e < last.size; e++) {
            if (last.metrics[e] < lowest) {
                lowest = last.metrics[e];
                l = last.lengths[e];
            }
        }
        List<Match> sequence = new ArrayList<>();
        while (k >= 0) {
            Match match = best[k].matches[best[k].indexOf(l)];
            sequence.add(0, match);
            k = match.i - 1;
            l--;
        }
        return sequence;
    }

    private static Match bruteforce(CharSequence password, int i, int j, double guesses) {
        Match match = MatchFactory.createBruteforceMatch(i, j, password.subSequence(i, j + 1));
        match.guesses = guesses;
        match.guessesLog10 = Scoring.log10(guesses);
        return match;
    }

    /** zxcvbn4j's bruteforce guesses for a run of {@code length} characters (above the submatch minimum). */
    static double bruteforceGuesses(int length) {
        double guesses = finite(Math.pow(BRUTEFORCE_CARDINALITY, length));
        double least = length == 1 ? MIN_SUBMATCH_GUESSES_SINGLE_CHAR + 1 : MIN_SUBMATCH_GUESSES_MULTI_CHAR + 1;
        return Math.max(guesses, least);
    }

    private static double finite(double value) {
        return Double.isInfinite(value) ? Double.MAX_VALUE : value;
    }

    /** As zxcvbn4j: exact up to 19!, then JavaScript's largest safe integer. */
    private static long factorial(int n) {
        if (n < 2) {
            return 1;
        }
        if (n > 19) {
            return Scoring.JS_NUMBER_MAX;
        }
        long f = 1;
        for (int i = 2; i <= n; i++) {
            f *= i;
        }
        return f;
    }

    /** The best sequences ending at one position, by number of matches, in ascending order of that number. */
    private static final class Best {
        int size;
        int[] lengths = new int[4];
        Match[] matches = new Match[4];
        double[] products = new double[4];
        double[] metrics = new double[4];
        boolean[] bruteforce = new boolean[4];

        int indexOf(int l) {
            for (int e = 0; e < size; e++) {
                if (lengths[e] == l) {
                    return e;
                }
            }
            return -1;
        }

        void put(int l, Match match, double product, double metric, boolean isBruteforce) {
            int e = indexOf(l);
            if (e < 0) {
                if (size == lengths.length) {
                    int grown = size * 2;
                    lengths = Arrays.copyOf(lengths, grown);
                    matches = Arrays.copyOf(matches, grown);
                    products = Arrays.copyOf(products, grown);
                    metrics = Arrays.copyOf(metrics, grown);
                    bruteforce = Arrays.copyOf(bruteforce, grown);
                }
                // Kept in ascending order of l, the order in which zxcvbn (JavaScript object keys) and zxcvbn4j
                // (small Integer keys of a HashMap) visit them; the order decides which candidates are kept.
                e = 0;
                while (e < size && lengths[e] < l) {
                    e++;
                }
                System.arraycopy(lengths, e, lengths, e + 1, size - e);
                System.arraycopy(matches, e, matches, e + 1, size - e);
                System.arraycopy(products, e, products, e + 1, size - e);
                System.arraycopy(metrics, e, metrics, e + 1, size - e);
                System.arraycopy(bruteforce, e, bruteforce, e + 1, size - e);
                size++;
                lengths[e] = l;
            }
            matches[e] = match;
            products[e] = product;
            metrics[e] = metric;
            bruteforce[e] = isBruteforce;
        }

        double metricOf(int l) {
            return metrics[indexOf(l)];
        }
    }
}
