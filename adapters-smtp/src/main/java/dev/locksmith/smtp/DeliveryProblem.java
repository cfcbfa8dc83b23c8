package dev.locksmith.smtp;

/**
 * Why a delivery failed or why its outcome is unknown, as put in {@code MailException}'s {@code problem}
 * parameter. The texts are stable: a host may show them or branch on them. They never hold addresses, server
 * replies or secrets. {@link #REPLY_LOST} and {@link #REPLY_TIMEOUT} go with {@code MAIL_OUTCOME_UNKNOWN} only.
 */
enum DeliveryProblem {
    CONNECTION_FAILED("connection failed"),
    UNKNOWN_HOST("unknown host"),
    TIMEOUT("timeout"),
    TLS_FAILED("tls failed"),
    STARTTLS_NOT_OFFERED("starttls not offered"),
    AUTHENTICATION_FAILED("authentication failed"),
    SENDER_REFUSED("sender refused"),
    RECIPIENT_REFUSED("recipient refused"),
    MESSAGE_REFUSED("message refused"),
    SMTPUTF8_NOT_OFFERED("smtputf8 not offered"),
    SERVER_ERROR("server error"),
    /** The send deadline passed before the message data was complete. */
    DEADLINE_EXCEEDED("deadline exceeded"),
    /** The sending thread was interrupted before the message data was complete. */
    INTERRUPTED("interrupted"),
    /** The data was sent and the connection failed before the final reply came. */
    REPLY_LOST("reply lost"),
    /** The data was sent and the final reply did not come in time (read timeout or send deadline). */
    REPLY_TIMEOUT("reply timeout");

    private final String text;

    DeliveryProblem(String text) {
        this.text = text;
    }

    /** The stable text put in the exception's {@code problem} parameter. */
    String text() {
        return text;
    }
}
