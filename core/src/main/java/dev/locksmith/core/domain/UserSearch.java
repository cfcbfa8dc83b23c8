package dev.locksmith.core.domain;

import java.util.Optional;

/**
 * A search of users: {@code text} matched case-insensitively as a plain substring (no wildcards: {@code %}
 * and {@code _} are literal) of the username, either display name or the email; results ordered by
 * username, starting after {@code after}, at most {@code limit}. Empty text matches everyone. Immutable.
 *
 * <p>The constructor throws {@link InvalidInputException} when text is over 256 characters or holds control
 *     characters, or limit is outside 1 to {@link #MAX_LIMIT}
 */
public record UserSearch(String text, Optional<Username> after, int limit) {
    /** Largest page size. */
    public static final int MAX_LIMIT = 500;

    public UserSearch {
        text = Texts.singleLine(text, "text", 256, true);
        InvalidInputException.requireNonNull(after, "after");
        if (limit < 1 || limit > MAX_LIMIT) {
            throw new InvalidInputException("limit", "must be between 1 and " + MAX_LIMIT);
        }
    }

    /** The search text, case-folded ({@link #fold}), as stores compare it. */
    public String foldedText() {
        return fold(text);
    }

    /**
     * The case folding of search, for the text searched for and for the stored fields alike: each character
     * upper-cased then lower-cased, independent of locale and of its position, so that a final and a medial
     * sigma, or a long s and an s, match each other. Keeps the length.
     */
    public static String fold(String text) {
        return Texts.foldCase(text);
    }
}
