package dev.locksmith.smtp;

import dev.locksmith.core.domain.InvalidInputException;
import java.net.IDN;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Checks a host name or IP literal given in the mail settings (the relay, the EHLO name) and returns the form to
 * use: an IDN host name in its lower-case ASCII form, an IP literal without brackets. Stateless.
 */
final class HostNames {
    private static final Pattern HOST_LABEL = Pattern.compile("[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?");
    private static final Pattern IPV4 = Pattern.compile(
            "(?:(?:25[0-5]|2[0-4][0-9]|1[0-9][0-9]|[1-9]?[0-9])\\.){3}(?:25[0-5]|2[0-4][0-9]|1[0-9][0-9]|[1-9]?[0-9])");
    private static final Pattern IPV6_GROUP = Pattern.compile("[0-9A-Fa-f]{1,4}");

    private HostNames() {}

    /**
     * The checked form of {@code value}.
     *
     * @throws InvalidInputException naming {@code field} when it is null, empty or not a host name or IP address
     */
    static String check(String value, String field) {
        InvalidInputException.requireNonNull(value, field);
        if (value.isEmpty()) {
            throw new InvalidInputException(field, "must not be empty");
        }
        if (value.length() > 253 || !HeaderSafety.isSafe(value) || value.chars().anyMatch(Character::isWhitespace)) {
            throw notAHost(field);
        }
        String literal = value.startsWith("[") && value.endsWith("]") ? value.substring(1, value.length() - 1) : value;
        if (IPV4.matcher(literal).matches()) {
            return literal;
        }
        if (literal.indexOf(':') >= 0) {
            if (isIpv6(literal)) {
                return literal;
            }
            throw notAHost(field);
        }
        String ascii;
        try {
            ascii = IDN.toASCII(value, IDN.USE_STD3_ASCII_RULES);
        } catch (IllegalArgumentException e) {
            throw notAHost(field);
        }
        String name = ascii.endsWith(".") ? ascii.substring(0, ascii.length() - 1) : ascii;
        if (name.isEmpty() || name.length() > 253) {
            throw notAHost(field);
        }
        for (String label : name.split("\\.", -1)) {
            if (!HOST_LABEL.matcher(label).matches()) {
                throw notAHost(field);
            }
        }
        return name.toLowerCase(Locale.ROOT);
    }

    private static InvalidInputException notAHost(String field) {
        return new InvalidInputException(field, "is not a host name or IP address");
    }

    /** An IPv6 literal: up to eight hex groups, one "::" at most, optionally ending in dotted IPv4. */
    private static boolean isIpv6(String text) {
        if (text.length() > 45) {
            return false;
        }
        int compressed = text.indexOf("::");
        if (compressed >= 0 && text.indexOf("::", compressed + 1) >= 0) {
            return false;
        }
        String[] halves = compressed >= 0
                ? new String[] {text.substring(0, compressed), text.substring(compressed + 2)}
                : new String[] {text};
        int groups = 0;
        for (int h = 0; h < halves.length; h++) {
            if (halves[h].isEmpty()) {
                continue;
            }
            String[] parts = halves[h].split(":", -1);
            for (int i = 0; i < parts.length; i++) {
                boolean last = h == halves.length - 1 && i == parts.length - 1;
                if (last && IPV4.matcher(parts[i]).matches()) {
                    groups += 2;
                } else if (IPV6_GROUP.matcher(parts[i]).matches()) {
                    groups++;
                } else {
                    return false;
                }
            }
        }
        return compressed >= 0 ? groups <= 7 : groups == 8;
    }
}
