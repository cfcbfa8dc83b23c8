package dev.locksmith.screening;

import dev.locksmith.core.domain.UnavailableException;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.function.Consumer;

/**
 * A named list of words, one per line, UTF-8, read in two streaming passes (count, then load) so that a large
 * list never has to be held in memory as strings. Lines are taken as they are (a password may begin or end
 * with a space); empty lines are skipped, and a byte-order mark at the start is ignored.
 *
 * @param name    shown in error messages (a file name or resource name; never the content)
 * @param opener  opens a fresh stream for each pass
 */
record WordSource(String name, Opener opener) {

    /** Opens the list; called once per pass. */
    @FunctionalInterface
    interface Opener {
        InputStream open() throws IOException;
    }

    /**
     * An upper bound on the number of words: the number of line feeds plus one. Counting bytes avoids decoding
     * the list twice; over-counting (empty lines) only makes the filter slightly larger than needed.
     *
     * @throws UnavailableException if the list cannot be read
     */
    long countUpperBound() {
        try (InputStream in = open()) {
            byte[] buffer = new byte[64 * 1024];
            long lines = 1;
            for (int n; (n = in.read(buffer)) > 0; ) {
                for (int i = 0; i < n; i++) {
                    if (buffer[i] == '\n') {
                        lines++;
                    }
                }
            }
            return lines;
        } catch (IOException e) {
            throw unreadable(e);
        }
    }

    /**
     * Hands every non-empty line to {@code sink}; returns how many.
     *
     * @throws UnavailableException if the list cannot be read or is not valid UTF-8
     */
    long forEachWord(Consumer<String> sink) {
        // Strict decoding: a list in another encoding would otherwise load garbled words silently.
        var decoder = StandardCharsets.UTF_8
                .newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(open(), decoder), 64 * 1024)) {
            long words = 0;
            boolean first = true;
            for (String line; (line = reader.readLine()) != null; ) {
                if (first && line.startsWith("\uFEFF")) {
                    line = line.substring(1);
                }
                first = false;
                if (!line.isEmpty()) {
                    sink.accept(line);
                    words++;
                }
            }
            return words;
        } catch (CharacterCodingException e) {
            throw new UnavailableException("word list '" + name + "' is not valid UTF-8", e);
        } catch (IOException e) {
            throw unreadable(e);
        }
    }

    private InputStream open() throws IOException {
        InputStream in = opener.open();
        if (in == null) {
            throw new IOException("no stream");
        }
        return in;
    }

    private UnavailableException unreadable(IOException e) {
        return new UnavailableException("cannot read word list '" + name + "'", e);
    }
}
