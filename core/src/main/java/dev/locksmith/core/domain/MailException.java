package dev.locksmith.core.domain;

import java.util.Map;

/**
 * Email to a user was requested and could not be done: mail not configured ({@link Reason#MAIL_NOT_CONFIGURED}),
 * the target has no address ({@link Reason#MAIL_NO_ADDRESS}) or the server refused or could not be reached
 * before it had the whole message ({@link Reason#MAIL_DELIVERY_FAILED}); in these cases nothing was sent and the
 * password change it belonged to was not applied. When the whole message was handed over but the server's final
 * answer was lost or came too late ({@link Reason#MAIL_OUTCOME_UNKNOWN}), the message may have been accepted:
 * that is never reported as "nothing was sent".
 */
public final class MailException extends LocksmithException {
    private static final long serialVersionUID = 1L;

    public MailException(Reason reason, String message, Map<String, String> parameters, Throwable cause) {
        super(requireMail(reason), message, parameters, cause);
    }

    public static MailException notConfigured() {
        return new MailException(Reason.MAIL_NOT_CONFIGURED, "mail is not configured", Map.of(), null);
    }

    public static MailException noAddress(Username username) {
        return new MailException(
                Reason.MAIL_NO_ADDRESS,
                "user has no email address: " + username.value(),
                Map.of("username", username.value()),
                null);
    }

    /**
     * Delivery failed. {@code problem} must be a short description free of secrets (the adapter's
     * classification, e.g. "authentication failed"), and {@code cause} must not carry the message body.
     */
    public static MailException deliveryFailed(String problem, Throwable cause) {
        return new MailException(
                Reason.MAIL_DELIVERY_FAILED, "mail delivery failed: " + problem, Map.of("problem", problem), cause);
    }

    /**
     * The message data was handed over (the terminating "." sent) but the server's final reply was lost or
     * came too late: the message may or may not have been accepted. {@code problem} must be a short description
     * free of secrets (e.g. "reply lost"), and {@code cause} must not carry the message body.
     */
    public static MailException outcomeUnknown(String problem, Throwable cause) {
        return new MailException(
                Reason.MAIL_OUTCOME_UNKNOWN, "mail outcome unknown: " + problem, Map.of("problem", problem), cause);
    }

    private static Reason requireMail(Reason reason) {
        if (reason.kind() != Reason.Kind.MAIL && reason != Reason.MAIL_OUTCOME_UNKNOWN) {
            throw new IllegalArgumentException("not a mail reason: " + reason);
        }
        return reason;
    }
}
