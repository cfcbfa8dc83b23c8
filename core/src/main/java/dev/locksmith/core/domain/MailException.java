package dev.locksmith.core.domain;

import java.util.Map;

/**
 * Email to a user was requested and could not be done: mail not configured ({@link Reason#MAIL_NOT_CONFIGURED}),
 * the target has no address ({@link Reason#MAIL_NO_ADDRESS}) or the server refused or could not be reached
 * ({@link Reason#MAIL_DELIVERY_FAILED}). The password change it belonged to was not applied.
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
        return new MailException(Reason.MAIL_NO_ADDRESS, "user has no email address: " + username.value(),
                Map.of("username", username.value()), null);
    }

    /**
     * Delivery failed. {@code problem} must be a short description free of secrets (the adapter's
     * classification, e.g. "authentication failed"), and {@code cause} must not carry the message body.
     */
    public static MailException deliveryFailed(String problem, Throwable cause) {
        return new MailException(Reason.MAIL_DELIVERY_FAILED, "mail delivery failed: " + problem,
                Map.of("problem", problem), cause);
    }

    private static Reason requireMail(Reason reason) {
        if (!reason.name().startsWith("MAIL_")) {
            throw new IllegalArgumentException("not a mail reason: " + reason);
        }
        return reason;
    }
}
