package dev.locksmith.smtp;

import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import org.eclipse.angus.mail.smtp.SMTPMessage;

/**
 * A message whose Message-ID is chosen by the mailer (random, in the sender's ASCII domain) rather than
 * derived from the local host name, which may be unknown or not ASCII. Not thread-safe; one per send.
 */
final class OutgoingMessage extends SMTPMessage {
    private final String messageId;

    OutgoingMessage(Session session, String messageId) {
        super(session);
        this.messageId = messageId;
    }

    @Override
    protected void updateMessageID() throws MessagingException {
        setHeader("Message-ID", messageId);
    }
}
