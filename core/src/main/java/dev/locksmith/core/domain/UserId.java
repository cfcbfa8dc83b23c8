package dev.locksmith.core.domain;

import java.util.UUID;

/**
 * A user account's identity: assigned once when the account is created and never reused, so a write meant for
 * a deleted account can never land on a new account of the same name. Immutable.
 */
public record UserId(UUID value) {
    public UserId {
        InvalidInputException.requireNonNull(value, "value");
    }

    /** A new identity (a random, version-4 UUID). */
    public static UserId random() {
        return new UserId(UUID.randomUUID());
    }

    /**
     * Parses the text form of {@link #toString()}.
     *
     * @throws InvalidInputException when the text is not a UUID
     */
    public static UserId parse(String text) {
        InvalidInputException.requireNonNull(text, "id");
        if (text.length() != 36) {
            throw new InvalidInputException("id", "not a user identity");
        }
        try {
            return new UserId(UUID.fromString(text));
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException("id", "not a user identity");
        }
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
