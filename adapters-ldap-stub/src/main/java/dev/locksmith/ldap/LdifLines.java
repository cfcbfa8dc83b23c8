package dev.locksmith.ldap;

import java.io.BufferedReader;
import java.io.ByteArrayOutputStream;
import java.io.Reader;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * An LDIF file's logical lines, as {@link com.unboundid.ldif.LDIFReader} reads them: unfolded here, as bytes
 * (so a fold may split a multi-byte character), comments left out, each line checked before the SDK sees its
 * record, so that a fault is reported at its own line (the SDK names only the line where a record starts) and
 * the SDK never fetches a URL.
 *
 * <p>Checked: a colon after a valid attribute description; {@code dn:} first in a record and only there; valid
 * base64; a DN in UTF-8; a known change type; the first {@code version:} saying 1; no continuation line with
 * nothing to continue; no NUL or CR inside a plain value (lines end at LF; a CR before it is dropped). URL
 * values are refused on {@code dn} and username attributes and reach the SDK as plain text elsewhere. A plain
 * value that is not UTF-8 is refused on {@code dn}, skipped with a warning on a username attribute, and read
 * with replacement characters elsewhere (nobody reads it).
 *
 * <p>Records the line where each record starts and its change type as written. One in-memory file; not
 * thread-safe.
 */
final class LdifLines extends BufferedReader {
    private static final Set<String> CHANGE_TYPES = Set.of("add", "delete", "modify", "modrdn", "moddn");

    private final String file;
    private final byte[] bytes;
    private final Set<String> wantedTypes;
    private final List<String> warnings = new ArrayList<>();
    private final CharsetDecoder utf8 = StandardCharsets.UTF_8.newDecoder(); // reports malformed input
    private int position;
    /** The number of the last physical line read. */
    private int number;

    private boolean started;
    /** The line where the current record starts; 0 until its first line is read. */
    private int recordLine;

    private int lastRecordLine;
    private int recordLines;
    private String changeType;
    private String lastChangeType;
    /** The lines of the current record's values of wanted attributes, by lower-case description, in order. */
    private final java.util.Map<String, java.util.ArrayDeque<Integer>> valueLines = new java.util.HashMap<>();

    LdifLines(String file, byte[] bytes, int start, Set<String> wantedTypes) {
        super(Reader.nullReader());
        this.file = file;
        this.bytes = bytes;
        this.position = start;
        this.wantedTypes = wantedTypes;
    }

    /** Called before the SDK reads a record. */
    void startRecord() {
        valueLines.clear();
        recordLine = 0;
        recordLines = 0;
        changeType = null;
    }

    /** The line where the record the SDK read last starts. */
    int recordLine() {
        return recordLine != 0 ? recordLine : lastRecordLine != 0 ? lastRecordLine : Math.max(1, number);
    }

    /** The change type the record read last names, as written ({@code modrdn} and {@code moddn} apart), or null. */
    String changeType() {
        return changeType != null ? changeType : lastChangeType;
    }

    /**
     * The line of the next value of a wanted attribute in the record read last, by its description as the SDK
     * gives it, or the record's line when unknown.
     */
    int valueLine(String description) {
        java.util.ArrayDeque<Integer> lines = valueLines.get(description.toLowerCase(Locale.ROOT));
        Integer line = lines == null ? null : lines.poll();
        return line != null ? line : recordLine();
    }

    /** Warnings about skipped values ({@code file:line: text}). */
    List<String> warnings() {
        return warnings;
    }

    @Override
    public String readLine() {
        while (true) {
            if (position >= bytes.length) {
                return null;
            }
            int from = position;
            int to = endOfLine();
            if (to == from) {
                return "";
            }
            int line = number;
            if (bytes[from] == ' ') {
                throw error(
                        line,
                        "continuation line (starting with a space) at the start of the file or after a "
                                + "blank line: nothing to continue");
            }
            if (bytes[from] == '#') {
                while (continues()) {
                    endOfLine();
                }
                continue;
            }
            byte[] logical;
            if (!continues()) {
                logical = java.util.Arrays.copyOfRange(bytes, from, to);
            } else {
                ByteArrayOutputStream unfolded = new ByteArrayOutputStream(2 * (to - from));
                unfolded.write(bytes, from, to - from);
                while (continues()) {
                    int start = position + 1;
                    int end = endOfLine();
                    unfolded.write(bytes, start, end - start);
                }
                logical = unfolded.toByteArray();
            }
            String checked = check(logical, line);
            if (checked != null) {
                return checked;
            }
        }
    }

    /** Reads one physical line; returns its end (a CR before the LF excluded) and moves past its LF. */
    private int endOfLine() {
        number++;
        int end = position;
        while (end < bytes.length && bytes[end] != '\n') {
            end++;
        }
        int stop = end > position && bytes[end - 1] == '\r' ? end - 1 : end;
        position = end + 1;
        return stop;
    }

    private boolean continues() {
        return position < bytes.length && bytes[position] == ' ';
    }

    /** Checks a logical line; returns its text for the SDK, or null to leave it out. */
    private String check(byte[] line, int lineNumber) {
        boolean first = !started;
        started = true;
        if (recordLine == 0) {
            recordLine = lineNumber;
            lastRecordLine = lineNumber;
        }
        if (line.length == 1 && line[0] == '-') {
            recordLines++;
            return "-"; // the separator between the changes of a modify record
        }
        int colon = indexOf(line, (byte) ':', 0);
        if (colon < 0) {
            throw error(lineNumber, "line has no ':' (expected \"attribute: value\")");
        }
        if (!Names.isAttributeDescription(line, 0, colon)) {
            throw error(lineNumber, "invalid attribute description before ':'");
        }
        String description = new String(line, 0, colon, StandardCharsets.US_ASCII);
        int semicolon = description.indexOf(';');
        String type = (semicolon < 0 ? description : description.substring(0, semicolon)).toLowerCase(Locale.ROOT);
        boolean base64 = colon + 1 < line.length && line[colon + 1] == ':';
        boolean url = colon + 1 < line.length && line[colon + 1] == '<';
        if (first && type.equals("version")) {
            if (!new String(line, colon + 1, line.length - colon - 1, StandardCharsets.ISO_8859_1)
                    .strip()
                    .equals("1")) {
                throw error(lineNumber, "unsupported LDIF version (only version 1 is defined)");
            }
            recordLine = 0; // the first record may follow the version line without a blank line
            lastRecordLine = 0;
            return "version: 1";
        }
        if (recordLines == 0 && !type.equals("dn")) {
            throw error(lineNumber, "record does not start with \"dn:\" (found \"" + description + ":\")");
        }
        if (recordLines > 0 && type.equals("dn")) {
            throw error(lineNumber, "a second \"dn:\" in one record (is a blank line missing between entries?)");
        }
        recordLines++;
        if (url) {
            if (type.equals("dn")) {
                throw error(lineNumber, "a dn cannot be a URL value");
            }
            if (wantedTypes.contains(type)) {
                throw error(
                        lineNumber,
                        "URL value for username attribute " + description + ": URL values are never fetched");
            }
            line[colon + 1] = ' '; // "attr:< url" reaches the SDK as "attr:  url", a plain value nobody reads
        }
        byte[] decoded = null;
        if (base64) {
            int end = line.length;
            while (end > colon + 2 && (line[end - 1] & 0xFF) <= ' ') {
                end--;
            }
            int start = colon + 2;
            while (start < end && line[start] == ' ') {
                start++;
            }
            try {
                ByteBuffer buffer = Base64.getDecoder().decode(ByteBuffer.wrap(line, start, end - start));
                decoded = new byte[buffer.remaining()];
                buffer.get(decoded);
            } catch (IllegalArgumentException e) {
                throw error(lineNumber, "invalid base64 value of " + description);
            }
            if (type.equals("dn") && text(decoded) == null) {
                throw error(lineNumber, "the dn is not valid UTF-8");
            }
        } else if (indexOf(line, (byte) 0, colon) >= 0 || indexOf(line, (byte) '\r', colon) >= 0) {
            throw error(
                    lineNumber,
                    "value of " + description + " contains a NUL or CR character (such values must be base64-encoded)");
        }
        if (type.equals("changetype") && changeType == null) {
            String change = (decoded != null
                            ? new String(decoded, StandardCharsets.UTF_8)
                            : new String(line, colon + 1, line.length - colon - 1, StandardCharsets.UTF_8))
                    .strip()
                    .toLowerCase(Locale.ROOT);
            if (!CHANGE_TYPES.contains(change)) {
                throw error(lineNumber, "unknown changetype (expected add, delete, modify, modrdn or moddn)");
            }
            changeType = change;
            lastChangeType = change;
        }
        String text = text(line);
        if (text == null) {
            if (type.equals("dn")) {
                throw error(lineNumber, "the dn is not valid UTF-8");
            }
            if (wantedTypes.contains(type)) {
                warnings.add(file + ":" + lineNumber + ": value of " + description + " is not valid UTF-8; skipped");
                recordLines--;
                return null;
            }
            text = new String(line, StandardCharsets.UTF_8); // a value nobody reads: replacement characters do
        }
        if (wantedTypes.contains(type)) {
            valueLines
                    .computeIfAbsent(description.toLowerCase(Locale.ROOT), d -> new java.util.ArrayDeque<>())
                    .add(lineNumber);
        }
        return text;
    }

    /** The line as text, or null when it is not UTF-8. Most lines are ASCII: those are copied, not decoded. */
    private String text(byte[] line) {
        boolean ascii = true;
        for (byte b : line) {
            if (b < 0) {
                ascii = false;
                break;
            }
        }
        if (ascii) {
            return new String(line, StandardCharsets.ISO_8859_1);
        }
        try {
            return utf8.decode(ByteBuffer.wrap(line)).toString();
        } catch (CharacterCodingException e) {
            return null;
        }
    }

    private static int indexOf(byte[] bytes, byte wanted, int from) {
        for (int i = from; i < bytes.length; i++) {
            if (bytes[i] == wanted) {
                return i;
            }
        }
        return -1;
    }

    private LdifFormatException error(int line, String problem) {
        return new LdifFormatException(file, Math.max(1, line), problem);
    }
}
