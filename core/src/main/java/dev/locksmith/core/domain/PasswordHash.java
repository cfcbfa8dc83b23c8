package dev.locksmith.core.domain;

/**
 * An opaque stored password hash, normally a PHC string ({@code $argon2id$v=19$m=...,t=...,p=...$salt$hash})
 * or a legacy bcrypt string. Only the hasher interprets it. {@link #toString()} shows the algorithm only.
 *
 * <p>The constructor throws {@link InvalidInputException} when empty, longer than 1024 characters, or not ASCII
 */
public record PasswordHash(String value) {
    public PasswordHash {
        InvalidInputException.requireNonNull(value, "hash");
        if (value.isEmpty() || value.length() > 1024 || !value.chars().allMatch(c -> c > 0x20 && c < 0x7F)) {
            throw new InvalidInputException("hash", "must be 1 to 1024 printable ASCII characters");
        }
    }

    /** The algorithm identifier: the text between the first two {@code $}, or "unknown". */
    public String algorithm() {
        if (value.startsWith("$")) {
            int end = value.indexOf('$', 1);
            if (end > 1) {
                return value.substring(1, end);
            }
        }
        return "unknown";
    }

    @Override
    public String toString() {
        return "PasswordHash[" + algorithm() + "]";
    }
}
