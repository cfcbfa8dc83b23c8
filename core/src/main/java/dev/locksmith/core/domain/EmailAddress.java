package dev.locksmith.core.domain;

/**
 * An email address ({@code local@domain}), at most 254 characters, with no whitespace, control characters,
 * CR or LF, angle brackets, quotes or commas, so it can never break a mail header. Non-ASCII is allowed
 * (internationalized addresses). Immutable.
 *
 * @throws InvalidInputException from the constructor when the value is not an acceptable address
 */
public record EmailAddress(String value) {
    public EmailAddress {
        String text = Texts.singleLine(value, "email", 254, false);
        int at = text.lastIndexOf('@');
        if (at <= 0 || at == text.length() - 1 || text.indexOf('@') != at) {
            throw new InvalidInputException("email", "must have the form local@domain");
        }
        if (text.codePoints().anyMatch(c -> Character.isWhitespace(c) || Character.isSpaceChar(c)
                || c == '<' || c == '>' || c == '"' || c == ',' || c == ';' || c == '(' || c == ')'
                || c == '[' || c == ']' || c == '\\')) {
            throw new InvalidInputException("email", "contains characters not allowed in an address");
        }
        String domain = text.substring(at + 1);
        if (domain.startsWith(".") || domain.endsWith(".") || domain.contains("..") || text.substring(0, at).length() > 64) {
            throw new InvalidInputException("email", "must have the form local@domain");
        }
        value = text;
    }

    public static EmailAddress of(String value) {
        return new EmailAddress(value);
    }

    /** The part before the {@code @}. */
    public String localPart() {
        return value.substring(0, value.lastIndexOf('@'));
    }

    /** The part after the {@code @}. */
    public String domain() {
        return value.substring(value.lastIndexOf('@') + 1);
    }

    @Override
    public String toString() {
        return value;
    }
}
