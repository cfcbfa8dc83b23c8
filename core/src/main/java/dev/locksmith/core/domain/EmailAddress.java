package dev.locksmith.core.domain;

import java.net.IDN;
import java.util.regex.Pattern;

/**
 * An email address ({@code local@domain}) that can be put as is in an SMTP envelope and a mail header, so
 * "email password to user" is offered only for an address a mail adapter can send to. At most 254 characters;
 * the local part at most 64. The local part is one or more atoms separated by single dots (no leading, trailing
 * or doubled dot), each of letters, digits and {@code ! # $ % & ' * + - / = ? ^ _ ` { | } ~} (RFC 5322
 * dot-atom) or non-ASCII characters (RFC 6531 internationalized addresses). Quoted local parts and address
 * literals are not accepted. The domain is a host name: labels of letters, digits and inner hyphens, 1 to 63
 * characters each, at most 253 characters in all, once a non-ASCII domain is converted to its ASCII (IDNA)
 * form. No whitespace, control characters, CR or LF anywhere. Immutable.
 *
 * <p>The constructor throws {@link InvalidInputException} when the value is not an acceptable address
 */
public record EmailAddress(String value) {
    private static final Pattern ATOM = Pattern.compile("[A-Za-z0-9!#$%&'*+\\-/=?^_`{|}~\\x{80}-\\x{10FFFF}]+");
    private static final Pattern LABEL = Pattern.compile("[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?");

    public EmailAddress {
        String text = Texts.singleLine(value, "email", 254, false);
        int at = text.lastIndexOf('@');
        if (at <= 0 || at == text.length() - 1 || text.indexOf('@') != at) {
            throw new InvalidInputException("email", "must have the form local@domain");
        }
        if (text.codePoints()
                .anyMatch(c -> Character.isWhitespace(c)
                        || Character.isSpaceChar(c)
                        || c == '<'
                        || c == '>'
                        || c == '"'
                        || c == ','
                        || c == ';'
                        || c == '('
                        || c == ')'
                        || c == '['
                        || c == ']'
                        || c == '\\')) {
            throw new InvalidInputException("email", "contains characters not allowed in an address");
        }
        String local = text.substring(0, at);
        if (local.length() > 64) {
            throw new InvalidInputException("email", "must have the form local@domain");
        }
        for (String atom : local.split("\\.", -1)) {
            if (!ATOM.matcher(atom).matches()) {
                throw new InvalidInputException(
                        "email",
                        "local part must be dot-separated atoms (no leading, trailing or double dot, no quotes)");
            }
        }
        requireHostName(text.substring(at + 1));
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

    /** The domain as SMTP carries it: its ASCII (IDNA) form must be a host name. */
    private static void requireHostName(String domain) {
        String ascii;
        try {
            ascii = IDN.toASCII(domain, IDN.USE_STD3_ASCII_RULES);
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException("email", "domain is not a valid host name");
        }
        if (ascii.isEmpty() || ascii.length() > 253) {
            throw new InvalidInputException("email", "domain is not a valid host name");
        }
        for (String label : ascii.split("\\.", -1)) {
            if (!LABEL.matcher(label).matches()) {
                throw new InvalidInputException("email", "domain is not a valid host name");
            }
        }
    }
}
