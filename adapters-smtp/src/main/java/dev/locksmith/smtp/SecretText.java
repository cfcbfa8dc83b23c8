package dev.locksmith.smtp;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetEncoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * A message body that may hold a password: built in a char array that is wiped when it grows and when the
 * body is done, and encoded to UTF-8 without an intermediate {@code String}, so the password leaves no
 * immutable copy behind in this adapter. Not thread-safe; one per message.
 */
final class SecretText {
    private char[] chars = new char[1024];
    private int length;

    SecretText append(String text) {
        ensure(text.length());
        text.getChars(0, text.length(), chars, length);
        length += text.length();
        return this;
    }

    SecretText append(char[] text) {
        ensure(text.length);
        System.arraycopy(text, 0, chars, length, text.length);
        length += text.length;
        return this;
    }

    /** Appends a line ending in CR LF, the canonical line end of a MIME text body. */
    SecretText line(String text) {
        return append(text).append("\r\n");
    }

    /** The UTF-8 bytes of the text; the caller wipes them with {@link Arrays#fill(byte[], byte)}. */
    byte[] toUtf8() {
        CharsetEncoder encoder = StandardCharsets.UTF_8
                .newEncoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer buffer = ByteBuffer.allocate(length * 3);
        CoderResult result = encoder.encode(CharBuffer.wrap(chars, 0, length), buffer, true);
        if (result.isUnderflow()) {
            result = encoder.flush(buffer);
        }
        if (!result.isUnderflow()) {
            Arrays.fill(buffer.array(), (byte) 0);
            // Unreachable for checked input (Password and the header checks refuse unpaired surrogates).
            throw new IllegalStateException("message text is not encodable as UTF-8");
        }
        byte[] out = Arrays.copyOf(buffer.array(), buffer.position());
        Arrays.fill(buffer.array(), (byte) 0);
        return out;
    }

    void wipe() {
        Arrays.fill(chars, '\0');
        length = 0;
    }

    private void ensure(int more) {
        if (length + more > chars.length) {
            char[] bigger = Arrays.copyOf(chars, Math.max(chars.length * 2, length + more));
            Arrays.fill(chars, '\0');
            chars = bigger;
        }
    }
}
