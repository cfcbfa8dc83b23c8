package dev.locksmith.core.testing.contract;

import static org.assertj.core.api.Assertions.assertThat;

import dev.locksmith.core.domain.Password;
import dev.locksmith.core.port.Blocklist;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The contract of {@link Blocklist}, run against every implementation (in-memory fake and adapters). It tests
 * only what the port promises: listed words are found, ignoring case; a false positive may refuse an unlisted
 * password, so unlisted passwords are only required to be found rarely; and the blocklist answers the same
 * from many threads at once.
 */
public abstract class BlocklistContract {

    /** Words that no bundled list is likely to hold, one of them with non-ASCII letters. */
    protected static final Set<String> LISTED =
            Set.of("winter-harbour-42", "Sunflower1987", "zq-plover-trellis", "Ärger-Öl-Übermut", "mañana ñandú 7");

    /**
     * The implementation under test, holding at least {@code words}. An implementation may hold more (a
     * bundled common-password list, say); the words are given as they should match, in any letter case.
     */
    protected abstract Blocklist blocklistContaining(Set<String> words);

    @Test
    void contains_every_listed_word_as_given() {
        Blocklist blocklist = blocklistContaining(LISTED);

        for (String word : LISTED) {
            assertThat(blocklist.contains(Password.of(word))).as(word).isTrue();
        }
    }

    @Test
    void finds_listed_words_whatever_their_letter_case() {
        Blocklist blocklist = blocklistContaining(LISTED);

        for (String word : LISTED) {
            for (String variant :
                    List.of(word.toUpperCase(Locale.ROOT), word.toLowerCase(Locale.ROOT), swapCase(word))) {
                assertThat(blocklist.contains(Password.of(variant))).as(variant).isTrue();
            }
        }
    }

    @Test
    void finds_words_listed_in_another_letter_case() {
        Blocklist blocklist = blocklistContaining(Set.of("QUIET-ORCHARD-LANTERN", "quiet-meadow-lantern"));

        assertThat(blocklist.contains(Password.of("quiet-orchard-lantern"))).isTrue();
        assertThat(blocklist.contains(Password.of("Quiet-Meadow-Lantern"))).isTrue();
    }

    /**
     * A false positive is allowed, so this only bounds how often unlisted passwords are reported: a blocklist
     * that refuses everything, or that matches listed words inside longer passwords, fails it.
     */
    @Test
    void reports_unlisted_passwords_only_rarely() {
        Blocklist blocklist = blocklistContaining(LISTED);
        List<String> unlisted = new ArrayList<>(randomStrings(new Random(20240611L), 1_000));
        for (String word : LISTED) {
            unlisted.add(word + "!");
            unlisted.add("x" + word);
            unlisted.add(word + " " + word);
        }

        long reported = unlisted.stream()
                .filter(p -> blocklist.contains(Password.of(p)))
                .count();

        assertThat(reported)
                .as("unlisted passwords reported, out of %d", unlisted.size())
                .isLessThanOrEqualTo(unlisted.size() / 100);
    }

    @Test
    void answers_the_same_from_many_threads_at_once() throws Exception {
        Blocklist blocklist = blocklistContaining(LISTED);
        Map<String, Boolean> expected = new LinkedHashMap<>();
        for (String word : LISTED) {
            expected.put(word, true);
            expected.put(word.toUpperCase(Locale.ROOT), true);
        }
        for (String other : randomStrings(new Random(7L), 50)) {
            expected.put(other, blocklist.contains(Password.of(other)));
        }
        Concurrently.answersAsExpected(8, 200, expected, word -> blocklist.contains(Password.of(word)));
    }

    /** Deterministic random printable-ASCII strings of 12 to 24 characters. */
    protected static List<String> randomStrings(Random random, int count) {
        List<String> strings = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            char[] chars = new char[12 + random.nextInt(13)];
            for (int j = 0; j < chars.length; j++) {
                chars[j] = (char) ('!' + random.nextInt('~' - '!' + 1));
            }
            strings.add(new String(chars));
        }
        return strings;
    }

    private static String swapCase(String word) {
        StringBuilder swapped = new StringBuilder(word.length());
        word.codePoints()
                .forEach(c -> swapped.appendCodePoint(
                        Character.isUpperCase(c) ? Character.toLowerCase(c) : Character.toUpperCase(c)));
        return swapped.toString();
    }
}
