package dev.locksmith.screening;

import static org.assertj.core.api.Assertions.assertThat;

import com.nulabinc.zxcvbn.MatchSequence;
import com.nulabinc.zxcvbn.Scoring;
import com.nulabinc.zxcvbn.matchers.Match;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** {@link FastScoring} finds what zxcvbn4j's own {@link Scoring} finds: the same guesses and the same sequence. */
class FastScoringTest {
    private static final FastMatching MATCHING = FastMatching.standard();

    @Test
    void finds_the_same_cheapest_sequence_as_zxcvbn4j_scoring() throws IOException {
        List<String> passwords = referencePasswords();
        passwords.addAll(List.of(
                "",
                "a",
                "1".repeat(200),
                "4@8({[<3691!|170+5$%2>7".repeat(6),
                "19871225".repeat(20),
                "correct horse battery staple ".repeat(4)));
        FastScoring fast = new FastScoring(MATCHING.context());
        Scoring reference = new Scoring(MATCHING.context());

        for (String password : passwords) {
            List<String> inputs = List.of("jdoe", "john doe", "john");
            // Each scoring notes guesses on the matches it is given, so each gets its own.
            MatchSequence expected =
                    reference.calculateMostGuessableMatchSequence(password, MATCHING.omnimatch(password, inputs));
            MatchSequence actual = fast.mostGuessableMatchSequence(password, MATCHING.omnimatch(password, inputs));

            assertThat(actual.getGuesses()).as(password).isEqualTo(expected.getGuesses());
            assertThat(describe(actual.getSequence())).as(password).isEqualTo(describe(expected.getSequence()));
        }
    }

    @Test
    void bruteforce_guesses_follow_zxcvbn() {
        assertThat(FastScoring.bruteforceGuesses(1)).isEqualTo(11);
        assertThat(FastScoring.bruteforceGuesses(2)).isEqualTo(100);
        assertThat(FastScoring.bruteforceGuesses(1)).isLessThan(FastScoring.bruteforceGuesses(2));
        assertThat(FastScoring.bruteforceGuesses(400)).isEqualTo(Double.MAX_VALUE);
    }

    private static List<String> describe(List<Match> sequence) {
        List<String> described = new ArrayList<>();
        for (Match match : sequence) {
            described.add(match.pattern + " " + match.i + "-" + match.j + " " + match.guesses);
        }
        return described;
    }

    private static List<String> referencePasswords() throws IOException {
        List<String> passwords = new ArrayList<>();
        for (String[] row : TestResources.zxcvbnReferenceRows()) {
            passwords.add(row[3]);
        }
        return passwords;
    }
}
