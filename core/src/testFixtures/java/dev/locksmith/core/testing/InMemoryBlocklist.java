package dev.locksmith.core.testing;

import dev.locksmith.core.domain.InvalidInputException;
import dev.locksmith.core.domain.Password;
import dev.locksmith.core.port.Blocklist;
import java.text.Normalizer;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * {@link Blocklist} holding an exact set of words, matched against the whole password case-insensitively
 * (words are NFKC-normalized and lower-cased like passwords). No false positives. Thread-safe; words can be
 * added while in use.
 */
public final class InMemoryBlocklist implements Blocklist {
    /** A few very common passwords, long enough to pass length rules, for tests. */
    public static final List<String> COMMON = List.of(
            "password",
            "123456",
            "qwerty",
            "letmein",
            "passwordpassword",
            "123456789012345",
            "qwertyuiopasdfgh",
            "iloveyouiloveyou",
            "correcthorsebatterystaple");

    private final Set<String> words = ConcurrentHashMap.newKeySet();

    /** An empty blocklist. */
    public InMemoryBlocklist() {}

    /** A blocklist of the given words. */
    public static InMemoryBlocklist of(Collection<String> words) {
        InMemoryBlocklist list = new InMemoryBlocklist();
        words.forEach(list::add);
        return list;
    }

    /** A blocklist of {@link #COMMON}. */
    public static InMemoryBlocklist common() {
        return of(COMMON);
    }

    /** Adds a word. */
    public InMemoryBlocklist add(String word) {
        InvalidInputException.requireNonNull(word, "word");
        words.add(Normalizer.normalize(word, Normalizer.Form.NFKC).toLowerCase(Locale.ROOT));
        return this;
    }

    @Override
    public boolean contains(Password password) {
        InvalidInputException.requireNonNull(password, "password");
        for (String word : words) {
            if (password.equalsIgnoreCase(word)) {
                return true;
            }
        }
        return false;
    }
}
