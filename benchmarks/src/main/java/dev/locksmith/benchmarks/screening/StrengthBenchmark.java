package dev.locksmith.benchmarks.screening;

import dev.locksmith.core.domain.Password;
import dev.locksmith.core.domain.PasswordPolicy;
import dev.locksmith.core.port.StrengthEstimator;
import dev.locksmith.screening.ZxcvbnStrengthEstimator;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Cost of one strength estimate, with the production estimator ({@code zxcvbn}: {@link ZxcvbnStrengthEstimator}
 * with its defaults, 128 code points estimated) and the one it replaced ({@code nbvcxz}:
 * {@link NbvcxzBaselineEstimator}, nbvcxz 1.5.1 with its Locksmith defaults, 128 characters and a 100 ms search
 * budget), in the same run. Typical inputs: a common password, words and digits, 16 random characters, a
 * passphrase, a password made of the user inputs. Worst inputs, 128 and 1,024 characters long: zxcvbn's
 * known slow cases, a string holding every l33t character (736 substitution tables), one repeated character,
 * a repeated date, and random printable characters. {@code whole1024*} estimate 1,024-character inputs whole
 * ({@code maxLength(1024)}, the policy's ceiling), zxcvbn only, to show what a host pays if it estimates its
 * longest passwords entirely.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
@State(Scope.Benchmark)
public class StrengthBenchmark {
    static final String L33T = "4@8({[<3691!|170+5$%2>7";
    static final List<String> USER =
            List.of("qvantasseur", "Quillbrook Vantasseur", "quillbrook.vantasseur@example.org");

    @Param({"zxcvbn", "nbvcxz"})
    public String estimator;

    StrengthEstimator under;
    ZxcvbnStrengthEstimator whole;
    Password common;
    Password wordsAndDigits;
    Password random16;
    Password passphrase;
    Password fromUserInputs;
    Password l33t128;
    Password ones128;
    Password dates128;
    Password random128;
    Password l33t1024;
    Password ones1024;
    Password dates1024;
    Password random1024;

    @Setup(Level.Trial)
    public void setUp() {
        under = estimator.equals("zxcvbn") ? ZxcvbnStrengthEstimator.create() : NbvcxzBaselineEstimator.create();
        whole = ZxcvbnStrengthEstimator.builder()
                .maxLength(PasswordPolicy.MAX_LENGTH_CEILING)
                .build();
        common = Password.of("password1");
        wordsAndDigits = Password.of("kitten-piano-2019");
        random16 = Password.of("hY4$kP9@wQ2!zR7&");
        passphrase = Password.of("my cat likes blue cheese on tuesdays");
        fromUserInputs = Password.of("Vantasseur-2024!");
        l33t128 = Password.of(repeatTo(L33T, 128));
        ones128 = Password.of("1".repeat(128));
        dates128 = Password.of(repeatTo("19871225", 128));
        random128 = Password.of(random(new Random(128), 128));
        l33t1024 = Password.of(repeatTo(L33T, 1024));
        ones1024 = Password.of("1".repeat(1024));
        dates1024 = Password.of(repeatTo("19871225", 1024));
        random1024 = Password.of(random(new Random(1024), 1024));
    }

    @Benchmark
    public Object common() {
        return under.estimate(common, List.of());
    }

    @Benchmark
    public Object wordsAndDigits() {
        return under.estimate(wordsAndDigits, List.of());
    }

    @Benchmark
    public Object random16() {
        return under.estimate(random16, List.of());
    }

    @Benchmark
    public Object passphrase() {
        return under.estimate(passphrase, List.of());
    }

    @Benchmark
    public Object withUserInputs() {
        return under.estimate(fromUserInputs, USER);
    }

    @Benchmark
    public Object worstL33t128() {
        return under.estimate(l33t128, List.of());
    }

    @Benchmark
    public Object worstOnes128() {
        return under.estimate(ones128, List.of());
    }

    @Benchmark
    public Object worstDates128() {
        return under.estimate(dates128, List.of());
    }

    @Benchmark
    public Object worstRandom128() {
        return under.estimate(random128, List.of());
    }

    @Benchmark
    public Object worstL33t1024() {
        return under.estimate(l33t1024, List.of());
    }

    @Benchmark
    public Object worstOnes1024() {
        return under.estimate(ones1024, List.of());
    }

    @Benchmark
    public Object worstDates1024() {
        return under.estimate(dates1024, List.of());
    }

    @Benchmark
    public Object worstRandom1024() {
        return under.estimate(random1024, List.of());
    }

    /** zxcvbn only (the parameter is ignored): the 1,024-character inputs estimated whole. */
    @Benchmark
    public Object whole1024L33t() {
        return whole.estimate(l33t1024, List.of());
    }

    @Benchmark
    public Object whole1024Ones() {
        return whole.estimate(ones1024, List.of());
    }

    @Benchmark
    public Object whole1024Dates() {
        return whole.estimate(dates1024, List.of());
    }

    @Benchmark
    public Object whole1024Random() {
        return whole.estimate(random1024, List.of());
    }

    static String repeatTo(String unit, int length) {
        return unit.repeat(length / unit.length() + 1).substring(0, length);
    }

    /** Printable ASCII without spaces, the alphabet a password generator uses. */
    static String random(Random random, int length) {
        StringBuilder text = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            text.append((char) ('!' + random.nextInt('~' - '!' + 1)));
        }
        return text.toString();
    }
}
