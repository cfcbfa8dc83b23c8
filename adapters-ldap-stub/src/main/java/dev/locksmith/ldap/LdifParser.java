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

    private record Line(int number, byte[] bytes) {
    }

    private enum Kind { PLAIN, BASE64, URL }

    private record Attribute(String description, String type, Kind kind, byte[] value) {
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
        List<Entry> entries = parser.entries(parser.records(bytes));
        return new Result(List.copyOf(entries), List.copyOf(parser.warnings));
    }

    /** Splits into records of unfolded, non-comment lines. */
    private List<List<Line>> records(byte[] bytes) {
        List<List<Line>> records = new ArrayList<>();
        List<Line> record = new ArrayList<>();
        ByteArrayOutputStream pending = null;
        int pendingNumber = 0;
        int position = hasByteOrderMark(bytes) ? 3 : 0;
        int number = 0;
        while (position < bytes.length) {
            int end = indexOf(bytes, (byte) '\n', position, bytes.length);
            if (end < 0) {
                end = bytes.length; // a last line without a line break
            }
            number++;
            int stop = end > position && bytes[end - 1] == '\r' ? end - 1 : end;
            if (stop == position) {
                add(record, pending, pendingNumber);
                pending = null;
                if (!record.isEmpty()) {
                    records.add(record);
                    record = new ArrayList<>();
                }
            } else if (bytes[position] == ' ') {
                if (pending == null) {
                    throw error(number, "continuation line (starting with a space) at the start of the file or "
                            + "after a blank line: nothing to continue");
                }
                pending.write(bytes, position + 1, stop - position - 1);
            } else {
                add(record, pending, pendingNumber);
                pending = new ByteArrayOutputStream(stop - position);
                pending.write(bytes, position, stop - position);
                pendingNumber = number;
            }
            position = end + 1;
        }
        add(record, pending, pendingNumber);
        if (!record.isEmpty()) {
            records.add(record);
        }
        return records;
    }

    /** Adds a finished logical line to its record, unless it is a comment (continued comments included). */
    private static void add(List<Line> record, ByteArrayOutputStream pending, int number) {
        if (pending != null) {
            byte[] line = pending.toByteArray();
            if (line[0] != '#') {
                record.add(new Line(number, line));
            }
        }
    }

    private List<Entry> entries(List<List<Line>> records) {
        List<Entry> entries = new ArrayList<>();
        for (int r = 0; r < records.size(); r++) {
            List<Line> lines = records.get(r);
            int start = 0;
            if (r == 0 && isVersionLine(lines.get(0))) {
                Line version = lines.get(0);
                if (!"1".equals(ascii(attribute(version).value()).strip())) {
                    throw error(version.number(), "unsupported LDIF version (only version 1 is defined)");
                }
                start = 1; // the grammar lets the first record follow the version line without a blank line
            }
            if (start < lines.size()) {
                entry(lines, start, entries);
            }
        }
        return entries;
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
                String change = ascii(changeType.value()).strip().toLowerCase(Locale.ROOT);
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

    private boolean isVersionLine(Line line) {
        byte[] bytes = line.bytes();
        int colon = indexOf(bytes, (byte) ':', 0, bytes.length);
        return colon == "version".length() && ascii(Arrays.copyOf(bytes, colon)).equalsIgnoreCase("version");
    }

    /** Parses {@code description ":" [value] / "::" base64 / ":<" url}. */
    private Attribute attribute(Line line) {
        byte[] bytes = line.bytes();
        int colon = indexOf(bytes, (byte) ':', 0, bytes.length);
        if (colon < 0) {
            throw error(line.number(), "line has no ':' (expected \"attribute: value\")");
        }
        if (!Names.isAttributeDescription(bytes, colon)) {
            throw error(line.number(), "invalid attribute description before ':'");
        }
        String description = ascii(Arrays.copyOf(bytes, colon));
        int semicolon = description.indexOf(';');
        String type = (semicolon < 0 ? description : description.substring(0, semicolon)).toLowerCase(Locale.ROOT);
        int position = colon + 1;
        Kind kind = Kind.PLAIN;
        if (position < bytes.length && bytes[position] == ':') {
            kind = Kind.BASE64;
            position++;
        } else if (position < bytes.length && bytes[position] == '<') {
            kind = Kind.URL;
            position++;
        }
        while (position < bytes.length && bytes[position] == ' ') {
            position++;
        }
        byte[] raw = Arrays.copyOfRange(bytes, position, bytes.length);
        switch (kind) {
            case BASE64:
                try {
                    return new Attribute(description, type, kind, Base64.getDecoder().decode(ascii(raw).strip()));
                } catch (IllegalArgumentException e) {
                    throw error(line.number(), "invalid base64 value of " + description);
                }
            case URL:
                if (raw.length == 0) {
                    throw error(line.number(), "empty URL value of " + description);
                }
                return new Attribute(description, type, kind, raw);
            default:
                if (indexOf(raw, (byte) 0, 0, raw.length) >= 0 || indexOf(raw, (byte) '\r', 0, raw.length) >= 0) {
                    throw error(line.number(), "value of " + description
                            + " contains a NUL or CR character (such values must be base64-encoded)");
                }
                return new Attribute(description, type, kind, raw);
        }
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

    private static String ascii(byte[] bytes) {
        return new String(bytes, StandardCharsets.US_ASCII);
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
