package dev.locksmith.jdbc;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.Optional;
import org.jdbi.v3.core.argument.Argument;

/** Conversions between Java values and SQL values shared by the adapters. */
final class SqlValues {
    /** The escape character of every LIKE pattern built here (a backslash would depend on string settings). */
    static final char LIKE_ESCAPE = '!';

    private SqlValues() {}

    /** The instant as stored: TIMESTAMP(6) keeps microseconds. */
    static Instant stored(Instant instant) {
        return instant.truncatedTo(ChronoUnit.MICROS);
    }

    static Optional<Instant> stored(Optional<Instant> instant) {
        return instant.map(SqlValues::stored);
    }

    /** A TIMESTAMP WITH TIME ZONE argument in UTC (SQL NULL when empty). */
    static Argument timestamp(Optional<Instant> instant) {
        return instant.isPresent()
                ? timestamp(instant.get())
                : (position, statement, context) -> statement.setNull(position, Types.TIMESTAMP_WITH_TIMEZONE);
    }

    static Argument timestamp(Instant instant) {
        OffsetDateTime value = stored(instant).atOffset(ZoneOffset.UTC);
        return (position, statement, context) -> statement.setObject(position, value);
    }

    /** Reads a TIMESTAMP WITH TIME ZONE column. */
    static Optional<Instant> instant(ResultSet rs, String column) throws SQLException {
        OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
        return Optional.ofNullable(value).map(OffsetDateTime::toInstant);
    }

    /** {@code text} with LIKE's metacharacters escaped by {@link #LIKE_ESCAPE}, so it matches only itself. */
    static String escapeLike(String text) {
        StringBuilder out = new StringBuilder(text.length() + 8);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '%' || c == '_' || c == LIKE_ESCAPE) {
                out.append(LIKE_ESCAPE);
            }
            out.append(c);
        }
        return out.toString();
    }

    /** A LIKE pattern matching any text containing {@code text}. */
    static String containsPattern(String text) {
        return "%" + escapeLike(text) + "%";
    }

    /** A LIKE pattern matching any text starting with {@code text}. */
    static String prefixPattern(String text) {
        return escapeLike(text) + "%";
    }

    /**
     * The smallest string greater than every string starting with {@code prefix} in code-point order (the
     * order of usernames in the store), or empty when there is none worth using: the last code point is
     * incremented, skipping the surrogate range.
     */
    static Optional<String> prefixUpperBound(String prefix) {
        if (prefix.isEmpty()) {
            return Optional.empty();
        }
        int last = prefix.codePointBefore(prefix.length());
        int next = last + 1;
        if (next >= Character.MIN_SURROGATE && next <= Character.MAX_SURROGATE) {
            next = Character.MAX_SURROGATE + 1;
        }
        // Above the BMP, UTF-16 order (H2) and code-point order (PostgreSQL) disagree; give up the bound.
        if (next > 0xFFFF) {
            return Optional.empty();
        }
        return Optional.of(prefix.substring(0, prefix.length() - Character.charCount(last)) + Character.toString(next));
    }
}
