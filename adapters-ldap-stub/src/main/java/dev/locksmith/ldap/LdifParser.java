package dev.locksmith.ldap;

import com.unboundid.ldap.sdk.Attribute;
import com.unboundid.ldif.LDIFAddChangeRecord;
import com.unboundid.ldif.LDIFChangeRecord;
import com.unboundid.ldif.LDIFException;
import com.unboundid.ldif.LDIFReader;
import com.unboundid.ldif.LDIFRecord;
import com.unboundid.ldif.TrailingSpaceBehavior;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Reads an LDIF file (RFC 2849) with the UnboundID LDAP SDK's {@link LDIFReader} and keeps, of each entry, its
 * DN, the line where it starts and the values of the wanted attribute types. Every record is still parsed, so a
 * malformed file is refused whatever attribute the fault is in. One call per file; not thread-safe.
 *
 * <p>The SDK parses; {@link LdifLines} feeds it the file's lines and adds what a directory copy on an
 * appliance needs beyond the SDK's defaults:
 * <ul>
 *   <li>strict UTF-8 (the SDK would replace a malformed byte silently), a UTF-8 byte-order mark skipped, and
 *       the first {@code version:} line checked to be 1 (the SDK skips it unread);</li>
 *   <li>URL values ({@code attr:< file:///...}) are never fetched, where the SDK would read any local file:
 *       refused on {@code dn} and on a username attribute, whose value would be unknown, and read as plain
 *       text (then ignored) on any other attribute;</li>
 *   <li>a NUL or CR inside a plain value, a second {@code dn:} in one record and an invalid attribute
 *       description are refused, naming the line;</li>
 *   <li>{@code changetype: add} records are read as content entries: an add record carries the whole entry.
 *       Other change records (delete, modify, moddn) are skipped with a warning naming file and line.</li>
 * </ul>
 * Refused, as {@link LdifFormatException} naming file and line: whatever the SDK refuses (a record not starting
 * with {@code dn:}, a continuation line with nothing to continue, a line without a colon, invalid base64, an
 * unknown change type...) with its message, and the cases above.
 */
final class LdifParser {

    /** An entry: its DN, the line where it starts and the values of the wanted attributes. */
    record Entry(String dn, int line, List<Value> values) {}

    /**
     * A value of a wanted attribute: the attribute description as written (with its options), its line, and
     * the raw bytes.
     */
    @SuppressWarnings("ArrayRecordComponent") // package-private carrier, read once; never compared
    record Value(String attribute, int line, byte[] bytes) {}

    /** The entries of a file, and warnings ({@code file:line: text}) about what was skipped. */
    record Result(List<Entry> entries, List<String> warnings) {}

    private LdifParser() {}

    /**
     * Parses a whole file.
     *
     * @param file        the file's name for messages
     * @param bytes       its content
     * @param wantedTypes lower-case attribute types (names or OIDs) whose values to keep
     * @throws LdifFormatException when the file is malformed
     */
    static Result parse(String file, byte[] bytes, Set<String> wantedTypes) {
        int start = hasByteOrderMark(bytes) ? 3 : 0;
        LdifLines lines = new LdifLines(file, bytes, start, wantedTypes);
        List<Entry> entries = new ArrayList<>();
        List<String> warnings = new ArrayList<>();
        try (LDIFReader reader = new LDIFReader(lines)) {
            reader.setTrailingSpaceBehavior(TrailingSpaceBehavior.RETAIN);
            while (true) {
                lines.startRecord();
                LDIFRecord record = reader.readLDIFRecord();
                if (record == null) {
                    break;
                }
                int line = lines.recordLine();
                if (record instanceof com.unboundid.ldap.sdk.Entry entry) {
                    entries.add(entry(entry, line, wantedTypes, lines));
                } else if (record instanceof LDIFAddChangeRecord add) {
                    entries.add(entry(add.getEntryToAdd(), line, wantedTypes, lines));
                } else {
                    String change = lines.changeType() != null
                            ? lines.changeType()
                            : ((LDIFChangeRecord) record).getChangeType().getName();
                    warnings.add(file + ":" + line + ": change record (changetype: " + change
                            + ") ignored: only content entries and \"changetype: add\" records name users");
                }
            }
        } catch (LDIFException e) {
            // The SDK counts the lines it was given (unfolded, without comments): the record's own line is the
            // file's.
            throw new LdifFormatException(file, lines.recordLine(), problem(e));
        } catch (IOException | RuntimeException e) {
            if (e instanceof LdifFormatException format) {
                throw format;
            }
            // Lines come from memory, so this is the SDK failing on a record it could not make sense of.
            throw new LdifFormatException(
                    file,
                    lines.recordLine(),
                    "malformed record (" + e.getClass().getSimpleName() + ")");
        }
        warnings.addAll(0, lines.warnings());
        return new Result(List.copyOf(entries), List.copyOf(warnings));
    }

    private static Entry entry(com.unboundid.ldap.sdk.Entry entry, int line, Set<String> wantedTypes, LdifLines lines) {
        List<Value> values = new ArrayList<>();
        for (Attribute attribute : entry.getAttributes()) {
            if (wantedTypes.contains(attribute.getBaseName().toLowerCase(Locale.ROOT))) {
                for (byte[] value : attribute.getValueByteArrays()) {
                    values.add(new Value(attribute.getName(), lines.valueLine(attribute.getName()), value));
                }
            }
        }
        return new Entry(entry.getDN(), line, List.copyOf(values));
    }

    /**
     * The SDK's message, which says what is wrong and where (it names DNs and attribute names, never values of
     * attributes other than the structural ones: change types, criticality). Messages of this type are read by
     * people; the line is in {@link LdifFormatException#line()} for programs.
     */
    private static String problem(LDIFException e) {
        String message = e.getMessage(); // not getExceptionMessage(): that one quotes the record's lines
        return message == null || message.isBlank() ? "malformed LDIF" : message;
    }

    private static boolean hasByteOrderMark(byte[] bytes) {
        return bytes.length >= 3 && bytes[0] == (byte) 0xEF && bytes[1] == (byte) 0xBB && bytes[2] == (byte) 0xBF;
    }
}
