package dev.locksmith.smtp;

import dev.locksmith.core.port.Mailer;

/**
 * The "Reset your password" message: the one-time link (a secret, so the body is a {@link SecretText}) and when
 * it expires. Stateless apart from the templates it borrows the date format from; thread-safe.
 */
final class ResetLinkTemplate {
    static final String SUBJECT = "Reset your password";

    private ResetLinkTemplate() {}

    static MessageTemplates.Composed compose(MessageTemplates templates, Mailer.ResetLink message) {
        SecretText body = new SecretText();
        body.line(message.displayName().isEmpty() ? "Hello," : "Hello " + message.displayName() + ",");
        body.line("");
        body.line("A password reset was requested for your account "
                + message.username().value() + ".");
        body.line("Open this link to choose a new password. It works once, until "
                + templates.readable(message.expiresAt()) + " (" + MessageTemplates.iso(message.expiresAt()) + "):");
        body.line("");
        body.line(message.link());
        body.line("");
        body.line("Your current password keeps working until you use the link. If you did not expect this"
                + " message, ignore it and tell your administrator.");
        return new MessageTemplates.Composed(SUBJECT, body);
    }
}
