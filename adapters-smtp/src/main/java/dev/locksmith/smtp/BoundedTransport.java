package dev.locksmith.smtp;

import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.URLName;
import java.io.IOException;
import org.eclipse.angus.mail.smtp.SMTPTransport;

/**
 * Angus's SMTP transport, telling the {@link Exchange} when the message data is complete: from then on a lost or
 * late final reply means the outcome is unknown, not that nothing was sent. Not thread-safe; one per send.
 */
final class BoundedTransport extends SMTPTransport {
    private final Exchange exchange;

    BoundedTransport(Session session, Exchange exchange) {
        super(session, new URLName("smtp", null, -1, null, null, null));
        this.exchange = exchange;
    }

    @Override
    protected void finishData() throws IOException, MessagingException {
        exchange.dataComplete();
        super.finishData();
    }
}
