package dev.locksmith.screening;

import com.nulabinc.zxcvbn.Context;
import com.nulabinc.zxcvbn.MatchSequence;
import com.nulabinc.zxcvbn.StandardDictionaries;
import com.nulabinc.zxcvbn.StandardKeyboards;
import com.nulabinc.zxcvbn.matchers.DateMatcher;
import com.nulabinc.zxcvbn.matchers.Dictionary;
import com.nulabinc.zxcvbn.matchers.Keyboard;
import com.nulabinc.zxcvbn.matchers.Match;
import com.nulabinc.zxcvbn.matchers.MatchFactory;
import com.nulabinc.zxcvbn.matchers.RegexMatcher;
import com.nulabinc.zxcvbn.matchers.SequenceMatcher;
import com.nulabinc.zxcvbn.matchers.SpatialMatcher;
import dev.locksmith.core.domain.UnavailableException;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * zxcvbn 4.4.2's {@code omnimatch} (every pattern found in a password) with the dictionary, reversed-dictionary,
 * l33t and repeat matchers rewritten to find the same matches in time linear in the password's length; the
 * spatial, sequence, regex and date matchers are zxcvbn4j's own.
 *
 * <p>zxcvbn looks up every substring of the password in every dictionary, and does it again for each l33t
 * substitution table that the password's characters allow (up to 736), so its work grows with the square of
 * the length times the tables. A substring can only be a word if each of its beginnings begins some word, so
 * here every start position is followed only while the decoded text is still the beginning of a known word
 * (a binary search in the sorted list of all dictionary words), and the substitution tables are followed
 * together, split only where they decode a character differently. The matches are those of zxcvbn 4.4.2, less
 * exact duplicates (zxcvbn reports one l33t match per table that yields it; scoring keeps the cheapest, so
 * duplicates never change a score). The repeat matcher estimates a repeated base with this whole matcher and
 * the user inputs, as zxcvbn 4.4.2 does (zxcvbn4j's own leaves the user inputs out there).
 *
 * <p>The matchers kept from zxcvbn4j differ from zxcvbn 4.4.2 in two ways, both stricter: the recent-year
 * pattern also takes 2020 to 2029 (4.4.2, of 2016, stops at 2019), and a run of one repeated character is
 * also a sequence ({@code aaaa}), which costs slightly fewer guesses than zxcvbn's repeat.
 *
 * <p>Immutable and thread-safe: the dictionaries are read only, every call builds its own state.
 */
final class FastMatching {
    /** zxcvbn 4.4.2's l33t table, in its order: letter, then the characters that stand for it. */
    private static final Map<Character, char[]> L33T_TABLE = l33tTable();

    private static final String USER_INPUTS = "user_inputs";
    /** Results of a look-up: not even the beginning of a known word, the beginning of one, a word. */
    private static final int NONE = 0;

    private static final int PREFIX = 1;
    private static final int WORD = 2;
    private static final Pattern GREEDY = Pattern.compile("(.+)\\1+");
    private static final Pattern LAZY = Pattern.compile("(.+?)\\1+");
    private static final Pattern LAZY_ANCHORED = Pattern.compile("^(.+?)\\1+$");

    private final Context context;
    /** Each standard dictionary's name and ranks (zxcvbn4j's maps, lower-case words, rank 1 is the most common). */
    private final Map<String, Map<String, Integer>> rankedDictionaries;
    /** Every word of every standard dictionary, sorted, for prefix searches. */
    private final String[] words;

    private final SpatialMatcher spatial;
    private final SequenceMatcher sequence;
    private final RegexMatcher regex;
    private final DateMatcher date;
    private final FastScoring scoring;

    private FastMatching(Context context) {
        this.context = context;
        this.rankedDictionaries = new LinkedHashMap<>();
        Set<String> all = new TreeSet<>();
        for (Dictionary dictionary : context.getDictionaryMap().values()) {
            rankedDictionaries.put(dictionary.getName(), dictionary.getRankedDictionary());
            all.addAll(dictionary.getRankedDictionary().keySet());
        }
        this.words = all.toArray(new String[0]);
        this.spatial = new SpatialMatcher(context);
        this.sequence = new SequenceMatcher(context);
        this.regex = new RegexMatcher(context);
        this.date = new DateMatcher(context);
        this.scoring = new FastScoring(context);
    }

    /**
     * zxcvbn 4.4.2's data: its six dictionaries and its four keyboards (qwerty, dvorak, keypad, Mac keypad;
     * zxcvbn4j also ships a Japanese JIS layout, which the reference does not have, so it is left out).
     *
     * @throws UnavailableException if zxcvbn4j's data cannot be read
     */
    static FastMatching standard() {
        try {
            Map<String, Dictionary> dictionaries = new LinkedHashMap<>();
            for (Dictionary dictionary : StandardDictionaries.loadAllDictionaries()) {
                dictionaries.put(dictionary.getName(), dictionary);
            }
            Map<String, Keyboard> keyboards = new LinkedHashMap<>();
            for (Keyboard keyboard : StandardKeyboards.loadAllKeyboards()) {
                if (!keyboard.getName().equals(StandardKeyboards.JIS)) {
                    keyboards.put(keyboard.getName(), keyboard);
                }
            }
            return new FastMatching(new Context(dictionaries, keyboards));
        } catch (IOException e) {
            throw new UnavailableException("cannot load zxcvbn4j's dictionaries", e);
        }
    }

    Context context() {
        return context;
    }

    /**
     * Every pattern in {@code password}, sorted by position as zxcvbn sorts them.
     *
     * @param userInputs known words in rank order, lower case
     */
    List<Match> omnimatch(CharSequence password, List<String> userInputs) {
        return new Run(userInputs).omnimatch(password);
    }

    /** One estimate's state: the user-input dictionary. */
    private final class Run {
        private final Map<String, Integer> userRanks = new HashMap<>();
        private final String[] userWords;

        Run(List<String> userInputs) {
            int rank = 1;
            for (String word : userInputs) {
                userRanks.put(word, rank++); // a repeated word keeps its last rank, as in zxcvbn
            }
            userWords = userRanks.keySet().toArray(new String[0]);
        }

        List<Match> omnimatch(CharSequence password) {
            List<Match> matches = new ArrayList<>();
            char[] lower = lowerCase(password);
            dictionaryMatches(password, lower, matches);
            reversedDictionaryMatches(password, lower, matches);
            l33tMatches(password, lower, matches);
            matches.addAll(spatial.execute(password));
            repeatMatches(password, matches);
            matches.addAll(sequence.execute(password));
            matches.addAll(regex.execute(password));
            matches.addAll(date.execute(password));
            matches.sort(Comparator.<Match>comparingInt(m -> m.i).thenComparingInt(m -> m.j));
            return matches;
        }

        private void dictionaryMatches(CharSequence password, char[] lower, List<Match> out) {
            forEachWord(lower, (i, j, matched) -> {
                String token = password.subSequence(i, j + 1).toString();
                forEachRank(
                        matched,
                        (name, rank) -> out.add(MatchFactory.createDictionaryMatch(i, j, token, matched, rank, name)));
            });
        }

        private void reversedDictionaryMatches(CharSequence password, char[] lower, List<Match> out) {
            int n = lower.length;
            char[] reversed = new char[n];
            for (int k = 0; k < n; k++) {
                reversed[k] = lower[n - 1 - k];
            }
            forEachWord(reversed, (i, j, matched) -> {
                int start = n - 1 - j;
                int end = n - 1 - i;
                String token = password.subSequence(start, end + 1).toString();
                forEachRank(
                        matched,
                        (name, rank) -> out.add(
                                MatchFactory.createReversedDictionaryMatch(start, end, token, matched, rank, name)));
            });
        }

        /**
         * Calls {@code found} for each dictionary word {@code letters[i..j]}, extending each start {@code i} only
         * while the letters so far begin some word.
         */
        private void forEachWord(char[] letters, WordConsumer found) {
            char[] word = new char[letters.length];
            for (int i = 0; i < letters.length; i++) {
                for (int j = i; j < letters.length; j++) {
                    word[j - i] = letters[j];
                    int length = j - i + 1;
                    int kind = lookUp(word, length);
                    if (kind == NONE) {
                        break;
                    }
                    if (kind == WORD) {
                        found.accept(i, j, new String(word, 0, length));
                    }
                }
            }
        }

        /**
         * zxcvbn's l33t matches: for each substitution table, each substring whose decoding is a word and that
         * holds at least one substituted character, longer than one character. The tables are followed as groups
         * that decode the substring so far alike.
         */
        private void l33tMatches(CharSequence password, char[] lower, List<Match> out) {
            List<Map<Character, Character>> subs = enumerateSubs(relevantTable(password));
            if (subs.isEmpty() || subs.get(0).isEmpty()) {
                return;
            }
            char[] word = new char[lower.length];
            List<Integer> everyTable = new ArrayList<>(subs.size());
            for (int s = 0; s < subs.size(); s++) {
                everyTable.add(s);
            }
            for (int i = 0; i < lower.length; i++) {
                follow(password, lower, subs, everyTable, i, i, false, word, out);
            }
        }

        private void follow(
                CharSequence password,
                char[] lower,
                List<Map<Character, Character>> subs,
                List<Integer> tables,
                int i,
                int j,
                boolean substituted,
                char[] word,
                List<Match> out) {
            if (j == lower.length) {
                return;
            }
            char c = password.charAt(j);
            Map<Character, List<Integer>> byDecoding = splitByDecoding(subs, tables, c);
            for (Map.Entry<Character, List<Integer>> group : byDecoding.entrySet()) {
                boolean decodes = group.getKey() != '\uFFFF';
                word[j - i] = decodes ? group.getKey() : lower[j];
                int length = j - i + 1;
                int found = lookUp(word, length);
                if (found == NONE) {
                    continue;
                }
                boolean nowSubstituted = substituted || decodes;
                if (found == WORD && nowSubstituted && length > 1) {
                    String matched = new String(word, 0, length);
                    String token = password.subSequence(i, j + 1).toString();
                    Map<Character, Character> sub = subs.get(group.getValue().get(0));
                    Map<Character, Character> matchSub = new HashMap<>();
                    for (Map.Entry<Character, Character> entry : sub.entrySet()) {
                        if (token.indexOf(entry.getKey()) != -1) {
                            matchSub.put(entry.getKey(), entry.getValue());
                        }
                    }
                    String display = subDisplay(matchSub);
                    int start = i;
                    int end = j;
                    forEachRank(
                            matched,
                            (name, rank) -> out.add(MatchFactory.createDictionaryL33tMatch(
                                    start, end, token, matched, rank, name, false, matchSub, display)));
                }
                follow(password, lower, subs, group.getValue(), i, j + 1, nowSubstituted, word, out);
            }
        }

        /**
         * The tables grouped by how they decode {@code c}: as a letter, or not at all (key U+FFFF: c stays as it
         * is). One group, without copying, when they all agree, as they do on any character seen before.
         */
        private Map<Character, List<Integer>> splitByDecoding(
                List<Map<Character, Character>> subs, List<Integer> tables, char c) {
            Character first = subs.get(tables.get(0)).get(c);
            boolean agree = true;
            for (int t : tables) {
                if (!Objects.equals(subs.get(t).get(c), first)) {
                    agree = false;
                    break;
                }
            }
            if (agree) {
                return Map.of(first == null ? Character.valueOf('\uFFFF') : first, tables);
            }
            Map<Character, List<Integer>> byDecoding = new LinkedHashMap<>();
            for (int t : tables) {
                Character decoded = subs.get(t).get(c);
                byDecoding
                        .computeIfAbsent(
                                decoded == null ? Character.valueOf('\uFFFF') : decoded, k -> new ArrayList<>())
                        .add(t);
            }
            return byDecoding;
        }

        /**
         * zxcvbn's repeat matcher: the longest of the greedy and lazy repeats from each position, its base
         * estimated with this whole matcher (user inputs included).
         */
        private void repeatMatches(CharSequence password, List<Match> out) {
            int length = password.length();
            int last = 0;
            while (last < length) {
                java.util.regex.Matcher greedy = GREEDY.matcher(password).region(last, length);
                java.util.regex.Matcher lazy = LAZY.matcher(password).region(last, length);
                if (!greedy.find()) {
                    break;
                }
                String greedyText = greedy.group(0);
                String lazyText = lazy.find() ? lazy.group(0) : "";
                String matchText;
                String base;
                int start;
                if (greedyText.length() > lazyText.length()) {
                    matchText = greedyText;
                    java.util.regex.Matcher anchored = LAZY_ANCHORED.matcher(greedyText);
                    base = anchored.find() ? anchored.group(1) : greedyText;
                    start = greedy.start(0);
                } else {
                    matchText = lazyText;
                    base = lazy.group(1);
                    start = lazy.start(0);
                }
                int end = start + matchText.length() - 1;
                MatchSequence baseAnalysis = scoring.mostGuessableMatchSequence(base, omnimatch(base));
                out.add(MatchFactory.createRepeatMatch(
                        start,
                        end,
                        matchText,
                        base,
                        baseAnalysis.getGuesses(),
                        baseAnalysis.getSequence(),
                        matchText.length() / base.length()));
                last = end + 1;
            }
        }

        /** Whether {@code word[0, length)} is a known word, the beginning of one, or neither. */
        private int lookUp(char[] word, int length) {
            int found = search(words, word, length);
            if (found == WORD) {
                return WORD;
            }
            int user = NONE;
            for (String known : userWords) {
                int compared = prefixCompare(known, word, length);
                if (compared == WORD) {
                    return WORD;
                }
                if (compared == PREFIX) {
                    user = PREFIX;
                }
            }
            return found == PREFIX ? PREFIX : user;
        }

        private void forEachRank(String word, RankConsumer consumer) {
            for (Map.Entry<String, Map<String, Integer>> dictionary : rankedDictionaries.entrySet()) {
                Integer rank = dictionary.getValue().get(word);
                if (rank != null) {
                    consumer.accept(dictionary.getKey(), rank);
                }
            }
            Integer rank = userRanks.get(word);
            if (rank != null) {
                consumer.accept(USER_INPUTS, rank);
            }
        }
    }

    @FunctionalInterface
    private interface WordConsumer {
        void accept(int i, int j, String word);
    }

    @FunctionalInterface
    private interface RankConsumer {
        void accept(String dictionary, int rank);
    }

    /** Binary search of {@code word[0, length)} in sorted {@code words}: a word, the beginning of one, or neither. */
    static int search(String[] words, char[] word, int length) {
        int low = 0;
        int high = words.length - 1;
        while (low <= high) {
            int middle = (low + high) >>> 1;
            int compared = compare(words[middle], word, length);
            if (compared < 0) {
                low = middle + 1;
            } else if (compared > 0) {
                high = middle - 1;
            } else {
                return WORD;
            }
        }
        // low is the first word after the searched text; it begins with the text if any word does.
        return low < words.length && prefixCompare(words[low], word, length) != NONE ? PREFIX : NONE;
    }

    private static int compare(String known, char[] word, int length) {
        int shorter = Math.min(known.length(), length);
        for (int k = 0; k < shorter; k++) {
            int difference = known.charAt(k) - word[k];
            if (difference != 0) {
                return difference;
            }
        }
        return known.length() - length;
    }

    /** {@link #WORD} if {@code known} is the text, {@link #PREFIX} if it begins with it, else {@link #NONE}. */
    private static int prefixCompare(String known, char[] word, int length) {
        if (known.length() < length) {
            return NONE;
        }
        for (int k = 0; k < length; k++) {
            if (known.charAt(k) != word[k]) {
                return NONE;
            }
        }
        return known.length() == length ? WORD : PREFIX;
    }

    private static char[] lowerCase(CharSequence text) {
        char[] lower = new char[text.length()];
        for (int k = 0; k < lower.length; k++) {
            lower[k] = Character.toLowerCase(text.charAt(k)); // as zxcvbn4j lower-cases, char by char
        }
        return lower;
    }

    /** The l33t table restricted to the characters that occur in the password, in the table's order. */
    static Map<Character, char[]> relevantTable(CharSequence password) {
        Set<Character> present = new HashSet<>();
        for (int k = 0; k < password.length(); k++) {
            present.add(password.charAt(k));
        }
        Map<Character, char[]> relevant = new LinkedHashMap<>();
        for (Map.Entry<Character, char[]> row : L33T_TABLE.entrySet()) {
            StringBuilder subs = new StringBuilder();
            for (char sub : row.getValue()) {
                if (present.contains(sub)) {
                    subs.append(sub);
                }
            }
            if (subs.length() > 0) {
                relevant.put(row.getKey(), subs.toString().toCharArray());
            }
        }
        return relevant;
    }

    /**
     * zxcvbn 4.4.2's {@code enumerate_l33t_subs}: every way of reading each l33t character present as one
     * letter (a letter takes one of its l33t characters at a time), without duplicates. An empty table gives
     * one empty substitution, as in zxcvbn.
     */
    static List<Map<Character, Character>> enumerateSubs(Map<Character, char[]> table) {
        List<List<char[]>> current = new ArrayList<>();
        current.add(new ArrayList<>());
        for (Map.Entry<Character, char[]> row : table.entrySet()) {
            char letter = row.getKey();
            List<List<char[]>> next = new ArrayList<>();
            Set<Map<Character, Character>> seen = new HashSet<>();
            for (char l33t : row.getValue()) {
                for (List<char[]> sub : current) {
                    int duplicate = -1;
                    for (int k = 0; k < sub.size(); k++) {
                        if (sub.get(k)[0] == l33t) {
                            duplicate = k;
                            break;
                        }
                    }
                    if (duplicate == -1) {
                        List<char[]> extension = new ArrayList<>(sub);
                        extension.add(new char[] {l33t, letter});
                        addDistinct(next, seen, extension);
                    } else {
                        List<char[]> alternative = new ArrayList<>(sub);
                        alternative.remove(duplicate);
                        alternative.add(new char[] {l33t, letter});
                        addDistinct(next, seen, sub);
                        addDistinct(next, seen, alternative);
                    }
                }
            }
            current = next;
        }
        List<Map<Character, Character>> maps = new ArrayList<>(current.size());
        for (List<char[]> sub : current) {
            maps.add(asMap(sub));
        }
        return maps;
    }

    private static void addDistinct(List<List<char[]>> next, Set<Map<Character, Character>> seen, List<char[]> sub) {
        if (seen.add(asMap(sub))) {
            next.add(sub);
        }
    }

    private static Map<Character, Character> asMap(List<char[]> sub) {
        Map<Character, Character> map = new HashMap<>();
        for (char[] pair : sub) {
            map.put(pair[0], pair[1]);
        }
        return map;
    }

    private static String subDisplay(Map<Character, Character> matchSub) {
        List<String> parts = new ArrayList<>();
        matchSub.forEach((k, v) -> parts.add(k + " -> " + v));
        return Arrays.toString(parts.toArray(new String[0]));
    }

    private static Map<Character, char[]> l33tTable() {
        Map<Character, char[]> table = new LinkedHashMap<>();
        table.put('a', new char[] {'4', '@'});
        table.put('b', new char[] {'8'});
        table.put('c', new char[] {'(', '{', '[', '<'});
        table.put('e', new char[] {'3'});
        table.put('g', new char[] {'6', '9'});
        table.put('i', new char[] {'1', '!', '|'});
        table.put('l', new char[] {'1', '|', '7'});
        table.put('o', new char[] {'0'});
        table.put('s', new char[] {'$', '5'});
        table.put('t', new char[] {'+', '7'});
        table.put('x', new char[] {'%'});
        table.put('z', new char[] {'2'});
        return table;
    }
}
