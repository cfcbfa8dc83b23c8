package dev.locksmith.ldap;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Reads an LDIF file (RFC 2849) and keeps, of each entry, its DN and the values of the wanted attribute types.
 * Every line is still checked, so a malformed file is refused whatever attribute the fault is in. One instance
 * per file; not thread-safe.
 *
 * <p>What it accepts, beyond the letter of the RFC, and why:
 * <ul>
 *   <li>a missing {@code version: 1} line (OpenLDAP's tools and most exports omit it); any other version is
 *       refused;</li>
 *   <li>a UTF-8 byte-order mark at the start (written by Windows tools);</li>
 *   <li>raw UTF-8 in plain values (hand-written files use it; the RFC wants base64), folding that splits a
 *       multi-byte character (lines are unfolded as bytes, then decoded);</li>
 *   <li>{@code changetype: add} records, read as content entries: an add record carries the whole entry, so
 *       after it the directory holds exactly what a content entry would say. Other change records (delete,
 *       modify, modrdn, moddn) are skipped with a warning naming file and line: they edit entries whose prior
 *       state a file of changes does not carry;</li>
 *   <li>URL values ({@code attr:< file:///...}) are never fetched (no I/O beyond the configured file): they
 *       are accepted and ignored on other attributes, and refused on {@code dn} and on a username
 *       attribute, whose value is then unknown.</li>
 * </ul>
 * Refused, as {@link LdifFormatException} naming file and line: a record not starting with {@code dn:}, two
 * {@code dn:} lines in one record, a continuation line at the start of the file or after a blank line, a line
 * without a colon, an invalid attribute description, invalid base64, a NUL or CR inside a plain value, a DN that
 * is not UTF-8, an unknown change type.
 */
final class LdifParser {

    /** An entry: its DN, the line where it starts and the values of the wanted attributes. */
    record Entry(String dn, int line, List<Value> values) {
    }

    /** A value of a wanted attribute: the attribute description as written, its line, and the raw bytes. */
    record Value(String attribute, int line, byte[] bytes) {
    }

    /** The entries of a file, and warnings ({@code file:line: text}) about what was skipped. */
    record Result(List<Entry> entries, List<String> warnings) {
    }

    /** A logical line: a slice of the file, or of a fresh array when it was folded. */
    private record Line(int number, byte[] bytes, int from, int to) {
    }

    private enum Kind { PLAIN, BASE64, URL }

    /** A parsed line; the description and a plain value are read from the line only when needed. */
    private record Attribute(Line line, int colon, String type, Kind kind, int valueFrom, byte[] decoded) {
        String description() {
            return new String(line.bytes(), line.from(), colon - line.from(), StandardCharsets.US_ASCII);
        }

        byte[] value() {
            return decoded != null ? decoded : Arrays.copyOfRange(line.bytes(), valueFrom, line.to());
        }
    }

    private static final Set<String> IGNORED_CHANGES = Set.of("delete", "modify", "modrdn", "moddn");

    private final String file;
    private final Set<String> wantedTypes;
    private final List<String> warnings = new ArrayList<>();
    private final CharsetDecoder utf8 = StandardCharsets.UTF_8.newDecoder(); // reports malformed input

    private LdifParser(String file, Set<String> wantedTypes) {
        this.file = file;
        this.wantedTypes = wantedTypes;
    }

    /**
     * Parses a whole file.
     *
     * @param file        the file's name for messages
     * @param bytes       its content
     * @param wantedTypes lower-case attribute types (names or OIDs) whose values to keep
     * @throws LdifFormatException when the file is malformed
     */
    static Result parse(String file, byte[] bytes, Set<String> wantedTypes) {
        LdifParser parser = new LdifParser(file, wantedTypes);
        List<Entry> entries = parser.entries(bytes);
        return new Result(List.copyOf(entries), List.copyOf(parser.warnings));
    }

    /**
     * Splits the file into records of unfolded, non-comment lines and reads each record as soon as it ends, so
     * only one record's lines are held at a time. Unfolded lines are slices of the file: no copy.
     */
    private List<Entry> entries(byte[] bytes) {
        List<Entry> entries = new ArrayList<>();
        List<Line> record = new ArrayList<>();
        boolean first = true;
        int pendingNumber = 0; // 0: no line pending
        int pendingFrom = 0;
        int pendingTo = 0;
        ByteArrayOutputStream folded = null; // the pending line's bytes once a continuation was added
        int position = hasByteOrderMark(bytes) ? 3 : 0;
        int number = 0;
        while (position < bytes.length) {
            int end = indexOf(bytes, (byte) '\n', position, bytes.length);
            if (end < 0) {
                end = bytes.length; // a last line without a line break
            }
            number++;
            int stop = end > position && bytes[end - 1] == '\r' ? end - 1 : end;
            if (stop == position || bytes[position] != ' ') {
                if (pendingNumber != 0) {
                    add(record, folded == null ? new Line(pendingNumber, bytes, pendingFrom, pendingTo)
                            : new Line(pendingNumber, folded.toByteArray(), 0, folded.size()));
                }
                pendingNumber = 0;
                folded = null;
                if (stop == position) {
                    if (!record.isEmpty()) {
                        record(record, first, entries);
                        first = false;
                        record.clear();
                    }
                } else {
                    pendingNumber = number;
                    pendingFrom = position;
                    pendingTo = stop;
                }
            } else {
                if (pendingNumber == 0) {
                    throw error(number, "continuation line (starting with a space) at the start of the file or "
                            + "after a blank line: nothing to continue");
                }
                if (folded == null) {
                    folded = new ByteArrayOutputStream(2 * (pendingTo - pendingFrom + stop - position));
                    folded.write(bytes, pendingFrom, pendingTo - pendingFrom);
                }
                folded.write(bytes, position + 1, stop - position - 1);
            }
            position = end + 1;
        }
        if (pendingNumber != 0) {
            add(record, folded == null ? new Line(pendingNumber, bytes, pendingFrom, pendingTo)
                    : new Line(pendingNumber, folded.toByteArray(), 0, folded.size()));
        }
        if (!record.isEmpty()) {
            record(record, first, entries);
        }
        return entries;
    }

    /** Adds a finished logical line to its record, unless it is a comment (continued comments included). */
    private static void add(List<Line> record, Line line) {
        if (line.bytes()[line.from()] != '#') {
            record.add(line);
        }
    }

    private void record(List<Line> lines, boolean first, List<Entry> entries) {
        int start = 0;
        if (first && isVersionLine(lines.get(0))) {
            Line version = lines.get(0);
            if (!"1".equals(new String(attribute(version).value(), StandardCharsets.US_ASCII).strip())) {
                throw error(version.number(), "unsupported LDIF version (only version 1 is defined)");
            }
            start = 1; // the grammar lets the first record follow the version line without a blank line
        }
        if (start < lines.size()) {
            entry(lines, start, entries);
        }
    }

    private void entry(List<Line> lines, int start, List<Entry> entries) {
        Line first = lines.get(start);
        Attribute dn = attribute(first);
        if (!dn.type().equals("dn")) {
            throw error(first.number(), "record does not start with \"dn:\" (found \"" + dn.description() + ":\")");
        }
        if (dn.kind() == Kind.URL) {
            throw error(first.number(), "a dn cannot be a URL value");
        }
        String dnText = utf8(dn.value(), first.number(), "the dn is not valid UTF-8");
        int body = start + 1;
        int afterControls = body;
        while (afterControls < lines.size() && attribute(lines.get(afterControls)).type().equals("control")) {
            afterControls++;
        }
        if (afterControls < lines.size()) {
            Line changeLine = lines.get(afterControls);
            Attribute changeType = attribute(changeLine);
            if (changeType.type().equals("changetype")) {
                String change = new String(changeType.value(), StandardCharsets.US_ASCII).strip()
                        .toLowerCase(Locale.ROOT);
                if (IGNORED_CHANGES.contains(change)) {
                    warnings.add(file + ":" + first.number() + ": change record (changetype: " + change
                            + ") ignored: only content entries and \"changetype: add\" records name users");
                    return;
                }
                if (!change.equals("add")) {
                    throw error(changeLine.number(),
                            "unknown changetype (expected add, delete, modify, modrdn or moddn)");
                }
                body = afterControls + 1;
            }
        }
        List<Value> values = new ArrayList<>();
        for (int i = body; i < lines.size(); i++) {
            Line line = lines.get(i);
            Attribute attribute = attribute(line);
            if (attribute.type().equals("dn")) {
                throw error(line.number(), "a second \"dn:\" in one record (is a blank line missing between entries?)");
            }
            if (wantedTypes.contains(attribute.type())) {
                if (attribute.kind() == Kind.URL) {
                    throw error(line.number(), "URL value for username attribute " + attribute.description()
                            + ": URL values are never fetched");
                }
                values.add(new Value(attribute.description(), line.number(), attribute.value()));
            }
        }
        entries.add(new Entry(dnText, first.number(), List.copyOf(values)));
    }

    private static boolean isVersionLine(Line line) {
        int length = "version".length();
        if (line.to() - line.from() <= length || line.bytes()[line.from() + length] != ':') {
            return false;
        }
        return new String(line.bytes(), line.from(), length, StandardCharsets.US_ASCII).equalsIgnoreCase("version");
    }

    /** Parses {@code description ":" [value] / "::" base64 / ":<" url}. */
    private Attribute attribute(Line line) {
        byte[] bytes = line.bytes();
        int colon = indexOf(bytes, (byte) ':', line.from(), line.to());
        if (colon < 0) {
            throw error(line.number(), "line has no ':' (expected \"attribute: value\")");
        }
        if (!Names.isAttributeDescription(bytes, line.from(), colon)) {
            throw error(line.number(), "invalid attribute description before ':'");
        }
        int typeEnd = indexOf(bytes, (byte) ';', line.from(), colon);
        String type = new String(bytes, line.from(), (typeEnd < 0 ? colon : typeEnd) - line.from(),
                StandardCharsets.US_ASCII).toLowerCase(Locale.ROOT);
        int position = colon + 1;
        Kind kind = Kind.PLAIN;
        if (position < line.to() && bytes[position] == ':') {
            kind = Kind.BASE64;
            position++;
        } else if (position < line.to() && bytes[position] == '<') {
            kind = Kind.URL;
            position++;
        }
        while (position < line.to() && bytes[position] == ' ') {
            position++;
        }
        switch (kind) {
            case BASE64: {
                int end = line.to();
                while (end > position && (bytes[end - 1] & 0xFF) <= ' ') {
                    end--; // trailing white space is not part of the encoding
                }
                try {
                    ByteBuffer decoded = Base64.getDecoder().decode(ByteBuffer.wrap(bytes, position, end - position));
                    byte[] value = new byte[decoded.remaining()];
                    decoded.get(value);
                    return new Attribute(line, colon, type, kind, position, value);
                } catch (IllegalArgumentException e) {
                    throw error(line.number(), "invalid base64 value of " + description(bytes, line.from(), colon));
                }
            }
            case URL:
                if (position == line.to()) {
                    throw error(line.number(), "empty URL value of " + description(bytes, line.from(), colon));
                }
                return new Attribute(line, colon, type, kind, position, null);
            default:
                if (indexOf(bytes, (byte) 0, position, line.to()) >= 0
                        || indexOf(bytes, (byte) '\r', position, line.to()) >= 0) {
                    throw error(line.number(), "value of " + description(bytes, line.from(), colon)
                            + " contains a NUL or CR character (such values must be base64-encoded)");
                }
                return new Attribute(line, colon, type, kind, position, null);
        }
    }

    private static String description(byte[] bytes, int from, int colon) {
        return new String(bytes, from, colon - from, StandardCharsets.US_ASCII);
    }

    private String utf8(byte[] bytes, int line, String problem) {
        try {
            return utf8.decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            throw error(line, problem);
        }
    }

    private LdifFormatException error(int line, String problem) {
        return new LdifFormatException(file, line, problem);
    }

    private static boolean hasByteOrderMark(byte[] bytes) {
        return bytes.length >= 3 && bytes[0] == (byte) 0xEF && bytes[1] == (byte) 0xBB && bytes[2] == (byte) 0xBF;
    }

    private static int indexOf(byte[] bytes, byte wanted, int from, int to) {
        for (int i = from; i < to; i++) {
            if (bytes[i] == wanted) {
                return i;
            }
        }
        return -1;
    }
}
