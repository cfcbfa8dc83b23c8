package dev.locksmith.cli;

/**
 * An interactive terminal that reads a password without echoing it. The real one is
 * {@link java.io.Console#readPassword}; tests substitute their own.
 */
@FunctionalInterface
public interface Terminal {

    /**
     * Shows the prompt and reads one line without echo.
     *
     * @return the characters typed (the caller wipes them), or null at end of input
     */
    char[] readPassword(String prompt);

    /**
     * Shows the prompt and reads one line, echoed (a confirmation). By default read like a password.
     *
     * @return the line, or null at end of input
     */
    default String readLine(String prompt) {
        char[] chars = readPassword(prompt);
        return chars == null ? null : new String(chars);
    }
}
