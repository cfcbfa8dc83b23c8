package dev.locksmith.smtp;

/**
 * Why a delivery failed, as put in {@code MailException}'s {@code problem} parameter. The texts are stable: a
 * host may show them or branch on them. They never hold addresses, server replies or secrets.
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
    SERVER_ERROR("server error");

    private final String text;

    DeliveryProblem(String text) {
        this.text = text;
    }

    /** The stable text put in the exception's {@code problem} parameter. */
    String text() {
        return text;
    }
}
