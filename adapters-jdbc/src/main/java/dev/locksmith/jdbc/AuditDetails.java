package dev.locksmith.jdbc;

import dev.locksmith.core.domain.UnavailableException;
import java.util.HashMap;
import java.util.Map;
import java.util.TreeMap;

/**
 * The text form of an audit event's details: one {@code key=value} per line, sorted by key, with backslash,
 * line feed, carriage return and {@code =} escaped ({@code \\ \n \r \=}), so any key or value round-trips.
 */
final class AuditDetails {
    private AuditDetails() {}

    static String encode(Map<String, String> details) {
        StringBuilder out = new StringBuilder();
        for (Map.Entry<String, String> e : new TreeMap<>(details).entrySet()) {
            if (out.length() > 0) {
                out.append('\n');
            }
            escape(e.getKey(), out);
            out.append('=');
            escape(e.getValue(), out);
        }
        return out.toString();
    }

    static Map<String, String> decode(String text) {
        Map<String, String> details = new HashMap<>();
        if (text.isEmpty()) {
            return Map.of();
        }
        StringBuilder key = new StringBuilder();
        StringBuilder value = new StringBuilder();
        StringBuilder into = key;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\\') {
                if (++i == text.length()) {
                    throw malformed();
                }
                char escaped = text.charAt(i);
                into.append(
                        switch (escaped) {
                            case 'n' -> '\n';
                            case 'r' -> '\r';
                            case '\\', '=' -> escaped;
                            default -> throw malformed();
                        });
            } else if (c == '=' && into == key) {
                into = value;
            } else if (c == '\n') {
                put(details, key, value, into);
                key.setLength(0);
                value.setLength(0);
                into = key;
            } else {
                into.append(c);
            }
        }
        put(details, key, value, into);
        return details;
    }

    private static void put(Map<String, String> details, StringBuilder key, StringBuilder value, StringBuilder into) {
        if (into == key) {
            throw malformed();
        }
        details.put(key.toString(), value.toString());
    }

    private static void escape(String text, StringBuilder out) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '=' -> out.append("\\=");
                default -> out.append(c);
            }
        }
    }

    private static UnavailableException malformed() {
        return new UnavailableException("a stored audit record is malformed", null);
    }
}
