package dev.locksmith.smtp;

/**
 * A sanitized copy of one link of a mail library exception chain: the original class name, the SMTP reply code
 * when there was one, the text of JDK exceptions (produced locally: "Connection refused", certificate path
 * errors), and the original stack trace. Server reply texts and any other mail-library message are left out,
 * because a server may echo what it was sent (a command line, credentials) and a message holds the body.
 * Immutable once built.
 */
final class MailFailure extends Exception {
    private static final long serialVersionUID = 1L;

    MailFailure(String description, Throwable cause, StackTraceElement[] stackTrace) {
        super(description, cause);
        setStackTrace(stackTrace);
    }
}
