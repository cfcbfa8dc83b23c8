package dev.locksmith.core.domain;

import java.util.Optional;

/**
 * The descriptive, administrator-editable part of a user: public display name (shown to customers),
 * private display name (shown internally), optional email address and free-text comments. Immutable.
 *
 * <p>The constructor throws {@link InvalidInputException} on over-long text or control characters
 */
public record Profile(String publicName, String privateName, Optional<EmailAddress> email, String comments) {
    /** Longest display name, in code points. */
    public static final int MAX_NAME_LENGTH = 256;
    /** Longest comment, in code points. */
    public static final int MAX_COMMENTS_LENGTH = 4000;

    public Profile {
        publicName = Texts.singleLine(publicName, "publicName", MAX_NAME_LENGTH, true);
        privateName = Texts.singleLine(privateName, "privateName", MAX_NAME_LENGTH, true);
        email = InvalidInputException.requireNonNull(email, "email");
        comments = Texts.multiLine(comments, "comments", MAX_COMMENTS_LENGTH);
    }

    /** A profile with only display names (the private name defaults to the public one when empty). */
    public static Profile named(String publicName) {
        return new Profile(publicName, publicName, Optional.empty(), "");
    }

    /** An empty profile. */
    public static Profile empty() {
        return new Profile("", "", Optional.empty(), "");
    }

    public Profile withEmail(EmailAddress address) {
        return new Profile(
                publicName, privateName, Optional.of(InvalidInputException.requireNonNull(address, "email")), comments);
    }

    public Profile withNames(String publicName, String privateName) {
        return new Profile(publicName, privateName, email, comments);
    }

    public Profile withComments(String comments) {
        return new Profile(publicName, privateName, email, comments);
    }
}
