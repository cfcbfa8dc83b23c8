package dev.locksmith.benchmarks.screening;

import dev.locksmith.core.domain.Password;
import dev.locksmith.screening.NbvcxzStrengthEstimator;
import me.gosimple.nbvcxz.Nbvcxz;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Cost of one strength estimate for kinds of password a user may type, and for a crafted repetitive one (the
 * worst case, bounded by the estimator's length limit and time budget). {@code typoMatching*} use the estimator
 * with nbvcxz's Levenshtein matching turned on, and {@code nbvcxzDefaults*} run nbvcxz with its own defaults
 * (typo matching on, 256 characters, 500 ms budget) on the same inputs, for comparison.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
@State(Scope.Benchmark)
public class StrengthBenchmark {
    static final String COMMON = "password1";
    static final String WORDS_AND_DIGITS = "kitten-piano-2019";
    static final String RANDOM = "hY4$kP9@wQ2!zR7&";
    static final String PASSPHRASE = "my cat likes blue cheese on tuesdays";
    static final String CRAFTED = "1".repeat(256);
    static final List<String> USER = List.of("qvantasseur", "Quillbrook Vantasseur", "quillbrook.vantasseur@example.org");

    NbvcxzStrengthEstimator estimator;
    NbvcxzStrengthEstimator typoMatching;
    Nbvcxz nbvcxzDefaults;
    Password common;
    Password wordsAndDigits;
    Password random;
    Password passphrase;
    Password crafted;
    Password fromUserInputs;

    @Setup(Level.Trial)
    public void setUp() {
        estimator = NbvcxzStrengthEstimator.create();
        typoMatching = NbvcxzStrengthEstimator.builder().typoMatching(true).build();
        nbvcxzDefaults = new Nbvcxz();
        common = Password.of(COMMON);
        wordsAndDigits = Password.of(WORDS_AND_DIGITS);
        random = Password.of(RANDOM);
        passphrase = Password.of(PASSPHRASE);
        crafted = Password.of(CRAFTED);
        fromUserInputs = Password.of("Vantasseur-2024!");
    }

    @Benchmark
    public Object common() {
        return estimator.estimate(common, List.of());
    }

    @Benchmark
    public Object wordsAndDigits() {
        return estimator.estimate(wordsAndDigits, List.of());
    }

    @Benchmark
    public Object random16() {
        return estimator.estimate(random, List.of());
    }

    @Benchmark
    public Object passphrase() {
        return estimator.estimate(passphrase, List.of());
    }

    @Benchmark
    public Object withUserInputs() {
        return estimator.estimate(fromUserInputs, USER);
    }

    @Benchmark
    public Object crafted256() {
        return estimator.estimate(crafted, List.of());
    }

    @Benchmark
    public Object typoMatchingCommon() {
        return typoMatching.estimate(common, List.of());
    }

    @Benchmark
    public Object typoMatchingWordsAndDigits() {
        return typoMatching.estimate(wordsAndDigits, List.of());
    }

    @Benchmark
    public Object nbvcxzDefaultsCommon() {
        return nbvcxzDefaults.estimate(COMMON);
    }

    @Benchmark
    public Object nbvcxzDefaultsWordsAndDigits() {
        return nbvcxzDefaults.estimate(WORDS_AND_DIGITS);
    }

    @Benchmark
    public Object nbvcxzDefaultsCrafted256() {
        return nbvcxzDefaults.estimate(CRAFTED);
    }
}
