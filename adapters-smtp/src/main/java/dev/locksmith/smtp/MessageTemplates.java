package dev.locksmith.smtp;

import dev.locksmith.core.domain.Password;
import dev.locksmith.core.port.Mailer;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.Locale;

/**
 * The texts of the messages, in English, plain text with CR LF line ends. Times are given twice: in ISO-8601
 * UTC (unambiguous, machine-readable) and in a readable form in the configured zone. Immutable, thread-safe.
 */
final class MessageTemplates {
    static final String NEW_PASSWORD_SUBJECT = "Your new password";
    static final String PASSWORD_CHANGED_SUBJECT = "Your password was changed";
    static final String TEST_SUBJECT = "Test message from Locksmith";

    private static final DateTimeFormatter READABLE =
            DateTimeFormatter.ofPattern("EEEE d MMMM uuuu, HH:mm", Locale.ENGLISH);

    private final SmtpSettings settings;

    MessageTemplates(SmtpSettings settings) {
        this.settings = settings;
    }

    /** A subject and a body; the body may hold a password and must be wiped after use. */
    record Composed(String subject, SecretText body) {}

    Composed newPassword(Mailer.NewPassword message) {
        SecretText body = new SecretText();
        greet(body, message.displayName());
        body.line("A new password was set for your account.");
        body.line("");
        body.line("Username: " + message.username().value());
        body.append("New password: ");
        appendPassword(body, message.password());
        body.line("");
        body.line("");
        body.line("You must change this password the next time you log in.");
        message.expiresAt().ifPresent(at -> body.line("It expires on " + readable(at) + " (" + iso(at) + ")."));
        body.line("");
        body.line("Log in at: " + settings.loginUrl());
        body.line("");
        body.line("If you did not expect this message, tell your administrator.");
        return new Composed(NEW_PASSWORD_SUBJECT, body);
    }

    Composed passwordChanged(Mailer.PasswordChanged message) {
        SecretText body = new SecretText();
        greet(body, message.displayName());
        body.line("The password of your account " + message.username().value() + " was changed on "
                + readable(message.at()) + " (" + iso(message.at()) + ").");
        body.line("");
        if (message.bySelf()) {
            body.line("You changed it yourself. If you did not, tell your administrator at once.");
        } else {
            body.line("It was set by an administrator or a help-desk representative.");
            body.line("If you did not ask for this, tell your administrator.");
        }
        body.line("");
        body.line("Log in at: " + settings.loginUrl());
        return new Composed(PASSWORD_CHANGED_SUBJECT, body);
    }

    Composed test(Instant at) {
        SecretText body = new SecretText();
        body.line("This is a test message from Locksmith, sent on " + readable(at) + " (" + iso(at) + ").");
        body.line("");
        body.line("It was handed to the mail relay " + settings.host() + ", port " + settings.port() + ", encryption "
                + settings.encryption() + ".");
        body.line("If you can read it, the mail settings work.");
        body.line("");
        body.line("Login page in messages: " + settings.loginUrl());
        return new Composed(TEST_SUBJECT, body);
    }

    /** ISO-8601 in UTC, to the second. */
    static String iso(Instant at) {
        return DateTimeFormatter.ISO_INSTANT.format(at.truncatedTo(ChronoUnit.SECONDS));
    }

    /** Weekday, date and time in the configured zone, naming the zone and its offset. */
    String readable(Instant at) {
        ZoneId zone = settings.zone();
        ZonedDateTime time = at.atZone(zone);
        String text = READABLE.format(time);
        if (zone.normalized().equals(ZoneOffset.UTC)) {
            return text + " UTC";
        }
        String offset =
                time.getOffset().equals(ZoneOffset.UTC) ? "" : time.getOffset().getId();
        return text + " " + zone.getId() + " (UTC" + offset + ")";
    }

    private static void greet(SecretText body, String displayName) {
        body.line(displayName.isEmpty() ? "Hello," : "Hello " + displayName + ",");
        body.line("");
    }

    private static void appendPassword(SecretText body, Password password) {
        char[] chars = password.toCharArray();
        try {
            body.append(chars);
        } finally {
            Arrays.fill(chars, '\0');
        }
    }
}
