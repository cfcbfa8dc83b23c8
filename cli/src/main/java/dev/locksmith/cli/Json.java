package dev.locksmith.cli;

import java.io.PrintWriter;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Writes the {@code --json} output: one JSON document (RFC 8259) from maps, collections, strings, numbers,
 * booleans, {@link Optional}s (empty is {@code null}), instants (ISO-8601 UTC to the second) and durations
 * (ISO-8601). Strings are escaped: quotes, backslashes, and every control character as {@code \\uXXXX}, so a
 * value can never end the document early. Stateless; thread-safe.
 */
final class Json {
    private Json() {}

    /** An object whose fields keep the order they are put in. */
    static Map<String, Object> object() {
        return new LinkedHashMap<>();
    }

    /** The JSON text of {@code value}. */
    static String write(Object value) {
        java.io.StringWriter text = new java.io.StringWriter();
        write(value, new PrintWriter(text));
        return text.toString();
    }

    /** Prints {@code value} and a line end; a {@code char[]} (a password) is written without becoming a String. */
    static void print(Object value, PrintWriter out) {
        write(value, out);
        out.println();
        out.flush();
    }

    private static void write(Object value, PrintWriter out) {
        if (value instanceof Optional<?> optional) {
            write(optional.orElse(null), out);
        } else if (value == null) {
            out.append("null");
        } else if (value instanceof Boolean || value instanceof Integer || value instanceof Long) {
            out.append(value.toString());
        } else if (value instanceof Instant instant) {
            string(instant.truncatedTo(ChronoUnit.SECONDS).toString(), out);
        } else if (value instanceof Map<?, ?> map) {
            out.append('{');
            boolean first = true;
            for (Map.Entry<?, ?> entry : map.entrySet()) {
                if (!first) {
                    out.append(',');
                }
                first = false;
                string(String.valueOf(entry.getKey()), out);
                out.append(':');
                write(entry.getValue(), out);
            }
            out.append('}');
        } else if (value instanceof Collection<?> items) {
            out.append('[');
            boolean first = true;
            for (Object item : items) {
                if (!first) {
                    out.append(',');
                }
                first = false;
                write(item, out);
            }
            out.append(']');
        } else if (value instanceof char[] chars) {
            string(java.nio.CharBuffer.wrap(chars), out);
        } else if (value instanceof Duration || value instanceof CharSequence || value instanceof Enum<?>) {
            string(value.toString(), out);
        } else {
            throw new IllegalArgumentException(
                    "no JSON form for " + value.getClass().getName());
        }
    }

    private static void string(CharSequence text, PrintWriter out) {
        out.append('"');
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                default -> {
                    if (c < 0x20 || c == 0x7f || c == '\u2028' || c == '\u2029') {
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        out.append('"');
    }
}
