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
}
