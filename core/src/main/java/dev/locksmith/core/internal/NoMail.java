package dev.locksmith.core.internal;

import dev.locksmith.core.domain.MailException;
import dev.locksmith.core.port.Mailer;

/** The mailer of a host without mail: not configured, every send refused. Stateless; thread-safe. */
public final class NoMail implements Mailer {
    @Override
    public boolean isConfigured() {
        return false;
    }

    @Override
    public void sendNewPassword(NewPassword message) {
        throw MailException.notConfigured();
    }

    @Override
    public void sendPasswordChanged(PasswordChanged message) {
        throw MailException.notConfigured();
    }
}
