package dev.locksmith.benchmarks.screening;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import me.gosimple.nbvcxz.resources.DictionaryUtil;

/** Inputs shared by the screening benchmarks: the bundled list, and listed and unlisted sample passwords. */
final class Samples {
    /** Enough distinct inputs that one benchmark does not just hit the same cache lines over and over. */
    static final int COUNT = 1024;

    private Samples() {}

    /** The nbvcxz common-password list the blocklist loads by default. */
    static List<String> bundledList() {
        List<String> words = new ArrayList<>(100_002);
        try (InputStream in = DictionaryUtil.class.getResourceAsStream("/dictionaries/" + DictionaryUtil.passwords);
                BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            for (String line; (line = reader.readLine()) != null; ) {
                if (!line.isEmpty()) {
                    words.add(line);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return words;
    }

    /** Listed passwords drawn from the whole list, in mixed letter case (Qwerty123, QWERTY123, qwerty123). */
    static List<String> hits(Random random) {
        List<String> words = bundledList();
        List<String> hits = new ArrayList<>(COUNT);
        for (int i = 0; i < COUNT; i++) {
            String word = words.get(random.nextInt(words.size()));
            hits.add(
                    switch (i % 3) {
                        case 0 -> word.toUpperCase(Locale.ROOT);
                        case 1 -> word.isEmpty() ? word : Character.toUpperCase(word.charAt(0)) + word.substring(1);
                        default -> word;
                    });
        }
        return hits;
    }

    /** Unlisted random passwords of 12 to 20 characters. */
    static List<String> misses(Random random) {
        String alphabet = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789!#$%&*+-=?@^_~";
        List<String> misses = new ArrayList<>(COUNT);
        for (int i = 0; i < COUNT; i++) {
            char[] chars = new char[12 + random.nextInt(9)];
            for (int j = 0; j < chars.length; j++) {
                chars[j] = alphabet.charAt(random.nextInt(alphabet.length()));
            }
            misses.add(new String(chars));
        }
        return misses;
    }
}
