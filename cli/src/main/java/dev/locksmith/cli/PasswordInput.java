package dev.locksmith.cli;

import dev.locksmith.core.domain.InvalidInputException;
import dev.locksmith.core.domain.Password;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Reads passwords from the terminal without echo, or, with {@code --password-stdin}, one per line from
 * standard input (UTF-8, the line end dropped). Never from an argument: arguments are visible to every user
 * of the machine and land in shell histories. Each read is wiped as soon as it became a {@link Password}.
 * One per command execution (it keeps its position in standard input); not thread-safe.
 */
final class PasswordInput {
    /** More characters than any acceptable password can have (4 KiB of UTF-8 is at most 4096 chars). */
    private static final int MAX_CHARS = Password.MAX_UTF8_BYTES + 2;

    private final Environment environment;
    private Reader stdin;

    PasswordInput(Environment environment) {
        this.environment = environment;
    }

    /**
     * An existing password (a login, the current password): one line of standard input, or one prompt.
     *
     * @throws InvalidInputException when there is neither a terminal nor {@code --password-stdin}, or input ends
     */
    Password existing(boolean fromStdin, String prompt) {
        char[] chars = fromStdin ? readLine() : prompt(prompt);
        try {
            return Password.of(chars);
        } finally {
            Arrays.fill(chars, '\0');
        }
    }

    /**
     * A new password: one line of standard input, or typed twice at the terminal (a typo would lock the user
     * out of an account nobody can read the password of).
     *
     * @throws InvalidInputException when the two entries differ, or as {@link #existing}
     */
    Password chosen(boolean fromStdin, String prompt) {
        if (fromStdin) {
            return existing(true, prompt);
        }
        char[] first = prompt(prompt);
        char[] second = null;
        try {
            second = prompt("Repeat it: ");
            if (!Arrays.equals(first, second)) {
                throw new InvalidInputException("password", "the two entries differ");
            }
            return Password.of(first);
        } finally {
            Arrays.fill(first, '\0');
            if (second != null) {
                Arrays.fill(second, '\0');
            }
        }
    }

    private char[] prompt(String prompt) {
        Terminal terminal = environment
                .terminal()
                .orElseThrow(() -> new InvalidInputException(
                        "password", "no terminal to read it from without echo; pipe it in with --password-stdin"));
        char[] chars = terminal.readPassword(prompt);
        if (chars == null) {
            throw new InvalidInputException("password", "input ended before a password was typed");
        }
        return chars;
    }

    private char[] readLine() {
        if (stdin == null) {
            // Bytes that are not UTF-8 are an error, not U+FFFD: replaced, two different passwords in another
            // encoding would become the same one.
            stdin = new InputStreamReader(
                    environment.stdin(),
                    StandardCharsets.UTF_8
                            .newDecoder()
                            .onMalformedInput(CodingErrorAction.REPORT)
                            .onUnmappableCharacter(CodingErrorAction.REPORT));
        }
        char[] buffer = new char[MAX_CHARS];
        int length = 0;
        try {
            int c = stdin.read();
            if (c == -1) {
                throw new InvalidInputException("password", "standard input ended before a password was read");
            }
            while (c != -1 && c != '\n') {
                if (length == buffer.length) {
                    throw new InvalidInputException("password", "longer than " + Password.MAX_UTF8_BYTES + " bytes");
                }
                buffer[length++] = (char) c;
                c = stdin.read();
            }
            if (length > 0 && buffer[length - 1] == '\r') {
                length--;
            }
            return Arrays.copyOf(buffer, length);
        } catch (CharacterCodingException e) {
            throw new InvalidInputException("password", "standard input is not UTF-8");
        } catch (IOException e) {
            throw new InvalidInputException(
                    "password",
                    "standard input could not be read: " + e.getClass().getSimpleName());
        } finally {
            Arrays.fill(buffer, '\0');
        }
    }
}
