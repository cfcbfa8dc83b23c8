package dev.locksmith.screening;

import com.google.common.hash.BloomFilter;
import com.google.common.hash.Funnels;
import dev.locksmith.core.domain.InvalidInputException;
import dev.locksmith.core.domain.Password;
import dev.locksmith.core.domain.UnavailableException;
import dev.locksmith.core.port.Blocklist;
import java.io.FileNotFoundException;
import java.io.InputStream;
import java.nio.CharBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.function.Supplier;
import me.gosimple.nbvcxz.resources.DictionaryUtil;

/**
 * The {@link Blocklist} port held in a Guava {@link BloomFilter}: by default the 100,000 most common passwords
 * that nbvcxz ships (its {@code dictionaries/passwords.txt}, MIT licence, read from the nbvcxz jar at load
 * time, nothing copied), plus any lists and banned words the host adds through the {@link Builder}.
 *
 * <p>Words and passwords are compared after NFKC normalization and locale-independent case folding, so
 * {@code PASSWORD}, {@code Password} and fullwidth {@code ＰＡＳＳＷＯＲＤ} are all found. A Bloom filter
 * never misses a word it holds; it may report a word it does not hold with the probability chosen in the
 * builder (default {@value #DEFAULT_FALSE_POSITIVE_PROBABILITY}), which refuses that one password and never
 * admits a listed one.
 *
 * <p>Loading happens once, in {@link Builder#build()}; the blocklist is immutable afterwards and thread-safe
 * (Guava's filter is lock-free for concurrent reads). {@link #contains} copies the password into a
 * temporary array, folds it into a second one, hashes the folded characters straight from that array (no
 * {@code String} of the password is made) and wipes both; only the hasher's short-lived work buffer (a few
 * dozen bytes) is left to the garbage collector.
 *
 * <p>Throws {@link InvalidInputException} for a null password and, from the builder, for invalid settings;
 * {@link UnavailableException} from {@link Builder#build()} when a list cannot be read.
 */
public final class BloomFilterBlocklist implements Blocklist {
    /** One refused strong password in a million; costs about 29 bits per word (about 360 KB for the bundled list). */
    public static final double DEFAULT_FALSE_POSITIVE_PROBABILITY = 1e-6;
    /** Smallest accepted false-positive probability. */
    public static final double MIN_FALSE_POSITIVE_PROBABILITY = 1e-12;
    /** Largest accepted false-positive probability: beyond one in a hundred, too many good passwords are refused. */
    public static final double MAX_FALSE_POSITIVE_PROBABILITY = 0.01;
    /** Longest accepted banned word, in code points, as for the policy's own banned words. */
    public static final int MAX_BANNED_WORD_LENGTH = 128;

    private static final System.Logger LOG = System.getLogger(BloomFilterBlocklist.class.getName());
    private static final String BUNDLED_LIST = "/dictionaries/" + DictionaryUtil.passwords;

    private final BloomFilter<CharSequence> filter;
    private final long entries;

    private BloomFilterBlocklist(BloomFilter<CharSequence> filter, long entries) {
        this.filter = filter;
        this.entries = entries;
    }

    /** The bundled common-password list at the default false-positive probability. */
    public static BloomFilterBlocklist ofCommonPasswords() {
        return builder().build();
    }

    /** A builder starting from the bundled common-password list and the default false-positive probability. */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Whether the password (already NFKC) is on the list, ignoring case. May answer {@code true} for an unlisted
     * password with the configured false-positive probability; never answers {@code false} for a listed one.
     *
     * @throws InvalidInputException if {@code password} is null
     * @throws dev.locksmith.core.domain.InvalidInputException if the password was wiped
     */
    @Override
    public boolean contains(Password password) {
        InvalidInputException.requireNonNull(password, "password");
        char[] chars = password.toCharArray();
        char[] folded = null;
        try {
            folded = CaseFolding.fold(CharBuffer.wrap(chars));
            return filter.mightContain(CharBuffer.wrap(folded));
        } finally {
            Arrays.fill(chars, '\0');
            if (folded != null) {
                Arrays.fill(folded, '\0');
            }
        }
    }

    /** How many words were loaded (list lines and banned words, duplicates included). */
    public long entries() {
        return entries;
    }

    /** The false-positive probability of the loaded filter, from its actual fill (at most the configured one). */
    public double expectedFalsePositiveProbability() {
        return filter.expectedFpp();
    }

    @Override
    public String toString() {
        return "BloomFilterBlocklist[entries=" + entries + ", fpp="
                + String.format(Locale.ROOT, "%.1e", filter.expectedFpp()) + "]";
    }

    /**
     * Settings of a {@link BloomFilterBlocklist}; nothing is read or checked before {@link #build()}. Not
     * thread-safe; a builder may build several blocklists.
     */
    public static final class Builder {
        private boolean commonPasswords = true;
        private final List<WordSource> lists = new ArrayList<>();
        private final List<String> bannedWords = new ArrayList<>();
        private double falsePositiveProbability = DEFAULT_FALSE_POSITIVE_PROBABILITY;

        private Builder() {}

        /** Whether to load the bundled list of the 100,000 most common passwords (default: yes). */
        public Builder commonPasswords(boolean include) {
            this.commonPasswords = include;
            return this;
        }

        /**
         * Adds a list file: UTF-8, one word per line, taken as is (no trimming); read in {@link #build()}.
         *
         * @throws InvalidInputException if {@code file} is null
         */
        public Builder addList(Path file) {
            InvalidInputException.requireNonNull(file, "file");
            lists.add(new WordSource(file.toString(), () -> Files.newInputStream(file)));
            return this;
        }

        /**
         * Adds a list from a stream, in the same format as {@link #addList(Path)}. {@code opener} is called in
         * {@link #build()}, twice (the filter is sized from a first pass), and must return a fresh stream each
         * time; {@code build()} closes them.
         *
         * @param name shown in error messages
         * @throws InvalidInputException if an argument is null
         */
        public Builder addList(String name, Supplier<? extends InputStream> opener) {
            InvalidInputException.requireNonNull(name, "name");
            InvalidInputException.requireNonNull(opener, "opener");
            lists.add(new WordSource(name, opener::get));
            return this;
        }

        /**
         * Adds the administrator's own banned words (whole passwords to refuse, e.g. the company or product
         * name). Checked in {@link #build()}: each is NFKC-normalized and trimmed, and must then hold 1 to
         * {@value #MAX_BANNED_WORD_LENGTH} code points and no control characters.
         *
         * @throws InvalidInputException if {@code words} is null
         */
        public Builder bannedWords(Collection<String> words) {
            InvalidInputException.requireNonNull(words, "bannedWords");
            bannedWords.addAll(words);
            return this;
        }

        /**
         * The probability that an unlisted password is reported as listed, from
         * {@value #MIN_FALSE_POSITIVE_PROBABILITY} to {@value #MAX_FALSE_POSITIVE_PROBABILITY} (default
         * {@value #DEFAULT_FALSE_POSITIVE_PROBABILITY}). Halving it costs about 1.44 bits per word.
         */
        public Builder falsePositiveProbability(double probability) {
            this.falsePositiveProbability = probability;
            return this;
        }

        /**
         * Checks the settings, reads every list and returns the loaded, immutable blocklist.
         *
         * @throws InvalidInputException naming the first invalid setting
         * @throws UnavailableException if a list cannot be read or is not valid UTF-8
         */
        public BloomFilterBlocklist build() {
            if (!(falsePositiveProbability >= MIN_FALSE_POSITIVE_PROBABILITY
                    && falsePositiveProbability <= MAX_FALSE_POSITIVE_PROBABILITY)) {
                throw new InvalidInputException(
                        "falsePositiveProbability",
                        "must be between " + MIN_FALSE_POSITIVE_PROBABILITY + " and " + MAX_FALSE_POSITIVE_PROBABILITY);
            }
            List<String> words = new ArrayList<>(bannedWords.size());
            for (String word : bannedWords) {
                words.add(checkedBannedWord(word));
            }
            List<WordSource> sources = new ArrayList<>();
            if (commonPasswords) {
                sources.add(new WordSource("nbvcxz " + BUNDLED_LIST, Builder::openBundledList));
            }
            sources.addAll(lists);

            long started = System.nanoTime();
            long expected = words.size();
            for (WordSource source : sources) {
                expected += source.countUpperBound();
            }
            BloomFilter<CharSequence> filter =
                    BloomFilter.create(Funnels.unencodedCharsFunnel(), Math.max(1, expected), falsePositiveProbability);
            long entries = 0;
            for (WordSource source : sources) {
                entries += source.forEachWord(word -> put(filter, word));
            }
            for (String word : words) {
                put(filter, word);
                entries++;
            }
            long millis = (System.nanoTime() - started) / 1_000_000;
            BloomFilterBlocklist blocklist = new BloomFilterBlocklist(filter, entries);
            LOG.log(
                    System.Logger.Level.DEBUG,
                    () -> "Loaded " + blocklist + " from " + sources.size() + " list(s) and " + words.size()
                            + " banned word(s) in " + millis + " ms");
            return blocklist;
        }

        private static void put(BloomFilter<CharSequence> filter, String word) {
            // Lists are public data, so a String per line is fine; the fold must match contains() exactly.
            String normalized = Normalizer.normalize(word, Normalizer.Form.NFKC);
            filter.put(CharBuffer.wrap(CaseFolding.fold(normalized)));
        }

        private static String checkedBannedWord(String word) {
            if (word == null) {
                throw new InvalidInputException("bannedWords", "contains null");
            }
            String normalized = Normalizer.normalize(word, Normalizer.Form.NFKC).strip();
            if (normalized.isEmpty()) {
                throw new InvalidInputException("bannedWords", "contains an empty word");
            }
            if (normalized.codePointCount(0, normalized.length()) > MAX_BANNED_WORD_LENGTH) {
                throw new InvalidInputException(
                        "bannedWords", "contains a word longer than " + MAX_BANNED_WORD_LENGTH + " characters");
            }
            if (normalized
                    .codePoints()
                    .anyMatch(c -> Character.isISOControl(c) || Character.getType(c) == Character.SURROGATE)) {
                throw new InvalidInputException("bannedWords", "contains control characters or unpaired surrogates");
            }
            return normalized;
        }

        private static InputStream openBundledList() throws FileNotFoundException {
            // The resource lives outside any package of the nbvcxz jar, so it is readable on the class path and
            // on the module path alike.
            InputStream in = DictionaryUtil.class.getResourceAsStream(BUNDLED_LIST);
            if (in == null) {
                throw new FileNotFoundException(BUNDLED_LIST + " not found in the nbvcxz jar");
            }
            return in;
        }
    }
}
