package dev.locksmith.smtp;

import dev.locksmith.core.domain.EmailAddress;
import dev.locksmith.core.domain.InvalidInputException;
import jakarta.mail.internet.InternetAddress;
import java.io.UnsupportedEncodingException;
import java.net.IDN;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Turns core's {@link EmailAddress} into what SMTP carries. A domain with non-ASCII characters is sent in its
 * ASCII (IDNA A-label) form, which every server accepts; a non-ASCII local part can only travel with the
 * SMTPUTF8 extension (RFC 6531), so such an address is kept in UTF-8 and the mailer checks that the server
 * offers the extension. Stateless.
 */
final class MailAddresses {
    // RFC 5322 atext, plus any non-ASCII character (RFC 6532 UTF8-non-ascii), in dot-separated atoms.
    private static final Pattern ATOM = Pattern.compile("[A-Za-z0-9!#$%&'*+\\-/=?^_`{|}~\\x{80}-\\x{10FFFF}]+");
    private static final Pattern LABEL = Pattern.compile("[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?");

    private MailAddresses() {}

    /**
     * Refuses an address that cannot be put in an SMTP envelope and a header as is: quoted or oddly dotted
     * local parts, domains that are not host names. Core's {@link EmailAddress} refuses the same addresses
     * already (a property test holds the two together); this check stays as the adapter's own guard.
     *
     * @throws InvalidInputException naming {@code field}
     */
    static void requireDeliverable(EmailAddress address, String field) {
        InvalidInputException.requireNonNull(address, field);
        if (!HeaderSafety.isSafe(address.value())) {
            throw new InvalidInputException(field, "contains line breaks or control characters");
        }
        for (String atom : address.localPart().split("\\.", -1)) {
            if (!ATOM.matcher(atom).matches()) {
                throw new InvalidInputException(field, "local part cannot be sent over SMTP");
            }
        }
        asciiDomain(address, field);
    }

    /** Whether the address needs SMTPUTF8: its local part is not ASCII. */
    static boolean needsSmtpUtf8(EmailAddress address) {
        return !isAscii(address.localPart());
    }

    /**
     * The form to send: all ASCII when the local part is ASCII (domain as A-labels), else unchanged UTF-8.
     */
    static String envelopeForm(EmailAddress address) {
        if (needsSmtpUtf8(address)) {
            return address.value();
        }
        return address.localPart() + "@" + asciiDomain(address, "email");
    }

    /** The domain in ASCII (A-label) form, lower-cased. */
    static String asciiDomain(EmailAddress address, String field) {
        String ascii;
        try {
            ascii = IDN.toASCII(address.domain(), IDN.USE_STD3_ASCII_RULES);
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException(field, "domain is not a valid host name");
        }
        if (ascii.isEmpty() || ascii.length() > 253) {
            throw new InvalidInputException(field, "domain is not a valid host name");
        }
        for (String label : ascii.split("\\.", -1)) {
            if (!LABEL.matcher(label).matches()) {
                throw new InvalidInputException(field, "domain is not a valid host name");
            }
        }
        return ascii.toLowerCase(Locale.ROOT);
    }

    /**
     * A header address with an optional display name, encoded as an RFC 2047 UTF-8 word when it is not ASCII.
     * The address itself is not parsed again: core and {@link #requireDeliverable} already checked it.
     */
    static InternetAddress internetAddress(EmailAddress address, String displayName) {
        try {
            if (displayName.contains("=?")) {
                // ASCII text shaped like an encoded word would go out as is, and mail clients would decode it
                // ("=?UTF-8?B?...?=" shown as "Admin <evil@example.com>"). Encoded as a word of its own, it is
                // shown as the literal text it is.
                return new InternetAddress(envelopeForm(address), base64Words(displayName));
            }
            return new InternetAddress(
                    envelopeForm(address), displayName.isEmpty() ? null : displayName, StandardCharsets.UTF_8.name());
        } catch (UnsupportedEncodingException e) {
            throw new IllegalStateException("UTF-8 is always supported", e);
        }
    }

    private static boolean isAscii(String text) {
        return text.chars().allMatch(c -> c < 0x80);
    }

    /**
     * {@code text} as RFC 2047 "B" encoded words, whatever its characters (Jakarta Mail leaves ASCII as is), each
     * at most 75 characters long (45 bytes of UTF-8, never splitting a character), separated by spaces, which
     * decoders drop between encoded words.
     */
    static String base64Words(String text) {
        java.util.Base64.Encoder base64 = java.util.Base64.getEncoder();
        StringBuilder words = new StringBuilder();
        java.io.ByteArrayOutputStream chunk = new java.io.ByteArrayOutputStream();
        for (int i = 0; i < text.length(); ) {
            int codePoint = text.codePointAt(i);
            byte[] bytes = new String(Character.toChars(codePoint)).getBytes(StandardCharsets.UTF_8);
            if (chunk.size() + bytes.length > 45) {
                appendWord(words, base64, chunk.toByteArray());
                chunk.reset();
            }
            chunk.write(bytes, 0, bytes.length);
            i += Character.charCount(codePoint);
        }
        if (chunk.size() > 0 || words.length() == 0) {
            appendWord(words, base64, chunk.toByteArray());
        }
        return words.toString();
    }

    private static void appendWord(StringBuilder words, java.util.Base64.Encoder base64, byte[] bytes) {
        if (words.length() > 0) {
            words.append(' ');
        }
        words.append("=?UTF-8?B?").append(base64.encodeToString(bytes)).append("?=");
    }
}
