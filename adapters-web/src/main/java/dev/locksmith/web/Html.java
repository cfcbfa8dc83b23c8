package dev.locksmith.web;

import java.util.Objects;

/**
 * HTML that is safe to write: built from templates whose {@code {}} holes escape every value that is not
 * itself {@code Html}, so text from users, the store or a request can only ever appear as text. Immutable;
 * thread-safe.
 */
final class Html {
    static final Html EMPTY = new Html("");

    private final String markup;

    private Html(String markup) {
        this.markup = markup;
    }

    /**
     * Fills the template's {@code {}} holes in order: an {@code Html} value goes in as it is, any other value
     * escaped as text ({@code null} as nothing).
     *
     * @throws IllegalArgumentException when the holes and the values do not match in number
     */
    static Html of(String template, Object... values) {
        StringBuilder out = new StringBuilder(template.length() + 64);
        int from = 0;
        int used = 0;
        for (int hole = template.indexOf("{}"); hole >= 0; hole = template.indexOf("{}", from)) {
            if (used == values.length) {
                throw new IllegalArgumentException("more holes than values");
            }
            out.append(template, from, hole);
            Object value = values[used++];
            if (value instanceof Html html) {
                out.append(html.markup);
            } else if (value != null) {
                escape(String.valueOf(value), out);
            }
            from = hole + 2;
        }
        if (used != values.length) {
            throw new IllegalArgumentException("more values than holes");
        }
        out.append(template, from, template.length());
        return new Html(out.toString());
    }

    /** The fragments one after the other. */
    static Html join(Iterable<Html> parts) {
        StringBuilder out = new StringBuilder();
        for (Html part : parts) {
            out.append(part.markup);
        }
        return new Html(out.toString());
    }

    /** {@code html} when {@code condition}, else nothing. */
    static Html when(boolean condition, Html html) {
        return condition ? html : EMPTY;
    }

    /** Text escaped for element content and quoted attribute values. */
    static String escape(String text) {
        StringBuilder out = new StringBuilder(text.length() + 16);
        escape(text, out);
        return out.toString();
    }

    private static void escape(String text, StringBuilder out) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                case '`' -> out.append("&#96;");
                default -> {
                    // C0 controls (but tab, line feed, carriage return) are not allowed in HTML text.
                    if ((c < 0x20 && c != '\t' && c != '\n' && c != '\r') || c == 0x7f) {
                        out.append('\uFFFD');
                    } else {
                        out.append(c);
                    }
                }
            }
        }
    }

    @Override
    public String toString() {
        return markup;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Html html && html.markup.equals(markup);
    }

    @Override
    public int hashCode() {
        return Objects.hash(markup);
    }
}
