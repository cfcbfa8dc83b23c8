package dev.locksmith.smtp;

import dev.locksmith.core.domain.EmailAddress;
import dev.locksmith.core.domain.InvalidInputException;
import dev.locksmith.core.domain.LocksmithException;
import dev.locksmith.core.domain.MailException;
import dev.locksmith.core.domain.Reason;
import dev.locksmith.core.port.Mailer;
import jakarta.activation.DataHandler;
import jakarta.mail.Address;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.util.ByteArrayDataSource;
import java.lang.System.Logger.Level;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.Arrays;
import java.util.Date;
import java.util.Objects;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import javax.net.ssl.SSLSocketFactory;

/**
 * Core's {@link Mailer} over SMTP (Jakarta Mail, Angus implementation), configured by {@link SmtpSettings}.
 *
 * <p>Each send opens its own connection, authenticates when credentials are set, hands over one plain-text
 * UTF-8 message and closes; it returns once the server accepted the message. The connection is encrypted
 * (STARTTLS or SMTPS) unless the settings name a trusted local relay. Display names are RFC 2047
 * encoded; a domain with non-ASCII characters travels in its ASCII (IDNA) form; a non-ASCII local part needs
 * the server's SMTPUTF8 extension. Everything that reaches a header is checked first: a CR, LF or other
 * control character is refused with {@link InvalidInputException} before any connection is opened.
 *
 * <p><b>Bounded.</b> Every send ends by the settings' {@linkplain SmtpSettings#sendDeadline() send deadline}
 * (default 15 s), whatever the relay does: the exchange runs on a daemon thread of this adapter while the caller
 * waits at most the deadline; at the deadline the connection is closed. Connect, read and write timeouts bound
 * each step within it.
 *
 * <p><b>Failures and unknown outcomes.</b> A failure before the whole message was handed over (before the
 * terminating "." of the data was sent), or a refusal of the message by a 4xx or 5xx reply, is {@link
 * MailException} with reason {@code MAIL_DELIVERY_FAILED}: nothing was accepted. Once the data was sent, a final
 * reply that is lost (connection dropped) or late (read timeout or send deadline) is {@code MAIL_OUTCOME_UNKNOWN}:
 * the message may have been accepted, and the caller must not say that nothing was sent. Each has a {@code
 * problem} parameter: for a failed delivery {@code connection failed}, {@code unknown host}, {@code timeout},
 * {@code deadline exceeded}, {@code interrupted}, {@code tls failed}, {@code starttls not offered}, {@code
 * authentication failed}, {@code sender refused}, {@code recipient refused}, {@code message refused}, {@code
 * smtputf8 not offered} or {@code server error}; for an unknown outcome {@code reply lost}, {@code reply
 * timeout} or {@code interrupted}.
 *
 * <p>The new password appears in the message body only. It is never in the subject, a header, a log line or an
 * exception: the protocol trace of the mail library is off ({@code mail.debug=false}, authentication exchanges
 * suppressed), and a failure's cause is a sanitized copy that holds no server reply text and no message content.
 * One limit: a host that turns its own logging of the
 * logger {@code org.eclipse.angus.mail.smtp.protocol} up to {@code FINEST} asks Angus for a wire trace, which
 * would include message bodies; leave that logger at its default level in production.
 *
 * <p>Thread-safe: sends from many threads run on separate connections.
 */
public final class SmtpMailer implements Mailer {
    private static final System.Logger LOG = System.getLogger(SmtpMailer.class.getName());
    private static final String PROTOCOL = "smtp";
    private static final String CONTENT_TYPE = "text/plain; charset=UTF-8";
    private static final AtomicInteger THREADS = new AtomicInteger();
    /**
     * Runs the exchanges, so a caller can stop waiting at the deadline even where closing the connection does
     * not end a step at once (a host name lookup). Daemon threads, ended after a minute idle.
     */
    private static final ExecutorService EXCHANGES =
            new ThreadPoolExecutor(0, Integer.MAX_VALUE, 60, TimeUnit.SECONDS, new SynchronousQueue<>(), task -> {
                Thread thread = new Thread(task, "locksmith-smtp-" + THREADS.incrementAndGet());
                thread.setDaemon(true);
                return thread;
            });

    private final SmtpSettings settings;
    private final Clock clock;
    private final MessageTemplates templates;
    private final Properties asciiProperties;
    private final Properties utf8Properties;

    /**
     * A mailer with the given settings and the system clock.
     *
     * @throws NullPointerException if settings is null
     */
    public SmtpMailer(SmtpSettings settings) {
        this(settings, Clock.systemUTC());
    }

    /**
     * A mailer with the given settings; the clock dates messages and test emails.
     *
     * @throws NullPointerException if an argument is null
     */
    public SmtpMailer(SmtpSettings settings, Clock clock) {
        this.settings = Objects.requireNonNull(settings, "settings");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.templates = new MessageTemplates(settings);
        this.asciiProperties = sessionProperties(settings, false);
        this.utf8Properties = sessionProperties(settings, true);
    }

    /** The settings this mailer uses. */
    public SmtpSettings settings() {
        return settings;
    }

    /**
     * Always true: its settings name a relay. A host without one gives Locksmith no mailer, and core's own "mail
     * not configured" applies.
     */
    @Override
    public boolean isConfigured() {
        return true;
    }

    /**
     * Sends "Your new password". The password is in the body only; the caller still owns and wipes it.
     *
     * @throws MailException {@code MAIL_DELIVERY_FAILED} or {@code MAIL_OUTCOME_UNKNOWN}
     * @throws InvalidInputException if the display name or an address cannot be put in a header
     */
    @Override
    public void sendNewPassword(NewPassword message) {
        InvalidInputException.requireNonNull(message, "message");
        send("new password", message.to(), message.displayName(), () -> templates.newPassword(message));
    }

    /**
     * Sends "Your password was changed" (no password in it).
     *
     * @throws MailException {@code MAIL_DELIVERY_FAILED} or {@code MAIL_OUTCOME_UNKNOWN}
     * @throws InvalidInputException if the display name or an address cannot be put in a header
     */
    @Override
    public void sendPasswordChanged(PasswordChanged message) {
        InvalidInputException.requireNonNull(message, "message");
        send("password changed", message.to(), message.displayName(), () -> templates.passwordChanged(message));
    }

    /**
     * Sends "Reset your password" with the one-time link, in the body only (never a header, a log or an error).
     *
     * @throws MailException {@code MAIL_DELIVERY_FAILED} or {@code MAIL_OUTCOME_UNKNOWN}
     * @throws InvalidInputException if the display name or an address cannot be put in a header
     */
    @Override
    public void sendResetLink(ResetLink message) {
        InvalidInputException.requireNonNull(message, "message");
        send("reset link", message.to(), message.displayName(), () -> ResetLinkTemplate.compose(templates, message));
    }

    /**
     * Sends a test message to {@code to}, as an appliance offers when its mail settings are saved; it names the
     * relay and the login URL, so the reader can tell the settings apart.
     *
     * @throws MailException {@code MAIL_DELIVERY_FAILED} or {@code MAIL_OUTCOME_UNKNOWN}
     * @throws InvalidInputException if the address is null or cannot be used over SMTP
     */
    public void sendTestMessage(EmailAddress to) {
        send("test", to, "", () -> templates.test(clock.instant()));
    }

    /**
     * Checks the recipient, composes the message (only then: a bad header never costs a composition) and
     * delivers it, wiping the composed body afterwards whatever happened.
     */
    private void send(String kind, EmailAddress to, String displayName, Supplier<MessageTemplates.Composed> compose) {
        MailAddresses.requireDeliverable(to, "to");
        HeaderSafety.requireSafeName(displayName, "displayName");
        MessageTemplates.Composed composed = compose.get();
        try {
            deliver(kind, to, displayName, composed);
        } finally {
            composed.body().wipe();
        }
    }

    private void deliver(String kind, EmailAddress to, String displayName, MessageTemplates.Composed composed) {
        EmailAddress from = settings.fromAddress();
        boolean needsUtf8 = MailAddresses.needsSmtpUtf8(from) || MailAddresses.needsSmtpUtf8(to);
        Exchange exchange = new Exchange();
        Session session = session(exchange, needsUtf8);
        byte[] body = composed.body().toUtf8();
        try {
            OutgoingMessage message = compose(session, from, to, displayName, composed.subject(), body);
            Address[] recipients = {MailAddresses.internetAddress(to, "")};
            transmit(kind, session, exchange, message, recipients, needsUtf8);
        } finally {
            Arrays.fill(body, (byte) 0);
        }
    }

    /**
     * A session of this send only: its socket factories register every socket with the exchange, so the
     * deadline can close them.
     */
    private Session session(Exchange exchange, boolean utf8) {
        Properties props = new Properties();
        props.putAll(utf8 ? utf8Properties : asciiProperties);
        props.put(
                "mail." + PROTOCOL + ".socketFactory",
                ExchangeSockets.plain(exchange, millis(settings.connectTimeout(), settings)));
        SSLSocketFactory trust =
                settings.tlsSocketFactory().orElseGet(() -> (SSLSocketFactory) SSLSocketFactory.getDefault());
        props.put("mail." + PROTOCOL + ".ssl.socketFactory", ExchangeSockets.tls(exchange, trust));
        Session session = Session.getInstance(props);
        session.setDebug(false);
        return session;
    }

    /** Builds the whole message before any connection, so a composition problem never leaves a half-sent mail. */
    OutgoingMessage compose(
            Session session, EmailAddress from, EmailAddress to, String displayName, String subject, byte[] body) {
        try {
            String messageId = "<" + UUID.randomUUID() + "@" + MailAddresses.asciiDomain(from, "fromAddress") + ">";
            OutgoingMessage message = new OutgoingMessage(session, messageId);
            message.setEnvelopeFrom(MailAddresses.envelopeForm(from));
            // Headers are set from InternetAddress.toString, which always uses the RFC 2047 form of the
            // display name, also in a UTF-8 (SMTPUTF8) message.
            message.setHeader(
                    "From",
                    InternetAddress.toString(
                            new Address[] {MailAddresses.internetAddress(from, settings.fromName())}, 6));
            message.setHeader(
                    "To", InternetAddress.toString(new Address[] {MailAddresses.internetAddress(to, displayName)}, 4));
            message.setSubject(subject, StandardCharsets.UTF_8.name());
            message.setSentDate(Date.from(clock.instant()));
            message.setHeader("Auto-Submitted", "auto-generated");
            message.setDataHandler(new DataHandler(new ByteArrayDataSource(body, CONTENT_TYPE)));
            message.setHeader("Content-Type", CONTENT_TYPE);
            message.saveChanges();
            return message;
        } catch (MessagingException e) {
            throw Failures.deliveryFailed(DeliveryProblem.SERVER_ERROR, e);
        }
    }

    /**
     * Runs the exchange on a thread of its own and waits for it at most the send deadline; at the deadline the
     * exchange is cut off and the stage it reached decides the answer.
     */
    private void transmit(
            String kind,
            Session session,
            Exchange exchange,
            OutgoingMessage message,
            Address[] recipients,
            boolean needsUtf8) {
        ClassLoader loader = Thread.currentThread().getContextClassLoader();
        Future<?> running;
        try {
            running = EXCHANGES.submit(() -> exchange(session, exchange, message, recipients, needsUtf8, loader));
        } catch (RejectedExecutionException e) {
            throw failed(kind, Failures.deliveryFailed(DeliveryProblem.SERVER_ERROR, e));
        }
        try {
            running.get(settings.sendDeadline().toNanos(), TimeUnit.NANOSECONDS);
            LOG.log(Level.DEBUG, () -> "Sent the " + kind + " message via " + relay());
        } catch (ExecutionException e) {
            Throwable failure = e.getCause();
            if (failure instanceof MailException mail) {
                throw failed(kind, mail);
            }
            if (failure instanceof RuntimeException runtime) {
                throw runtime;
            }
            if (failure instanceof Error error) {
                throw error;
            }
            throw failed(kind, Failures.deliveryFailed(failure));
        } catch (TimeoutException e) {
            cutOff(
                    kind,
                    exchange,
                    DeliveryProblem.DEADLINE_EXCEEDED,
                    DeliveryProblem.REPLY_TIMEOUT,
                    new TimeoutException("the send deadline of " + settings.sendDeadline() + " passed"));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            cutOff(kind, exchange, DeliveryProblem.INTERRUPTED, DeliveryProblem.INTERRUPTED, e);
        }
    }

    /** Ends an exchange the caller stops waiting for; returns normally only if the message was accepted. */
    private void cutOff(
            String kind, Exchange exchange, DeliveryProblem beforeData, DeliveryProblem afterData, Exception why) {
        switch (exchange.expire()) {
            case ACCEPTED:
                // Only the polite end of the session (QUIT) was cut short.
                LOG.log(Level.DEBUG, () -> "Sent the " + kind + " message via " + relay());
                return;
            case DATA_SENT:
                throw failed(kind, Failures.outcomeUnknown(afterData, why));
            case BEFORE_DATA_END:
            default:
                throw failed(kind, Failures.deliveryFailed(beforeData, why));
        }
    }

    /** One exchange with the relay, on a thread of {@link #EXCHANGES}; throws only {@link LocksmithException}s. */
    private void exchange(
            Session session,
            Exchange exchange,
            OutgoingMessage message,
            Address[] recipients,
            boolean needsUtf8,
            ClassLoader loader) {
        Thread thread = Thread.currentThread();
        ClassLoader previous = thread.getContextClassLoader();
        thread.setContextClassLoader(loader);
        BoundedTransport transport = new BoundedTransport(session, exchange);
        try {
            transport.connect(
                    settings.host(), settings.port(), settings.username().orElse(null), settings.passwordForConnect());
            if (needsUtf8 && !transport.supportsExtension("SMTPUTF8")) {
                throw Failures.deliveryFailed(DeliveryProblem.SMTPUTF8_NOT_OFFERED, null);
            }
            transport.sendMessage(message, recipients);
            exchange.accepted();
        } catch (LocksmithException e) {
            throw e;
        } catch (MessagingException | RuntimeException e) {
            throw exchange.stage() == Exchange.Stage.DATA_SENT ? Failures.afterData(e) : Failures.deliveryFailed(e);
        } finally {
            close(transport);
            thread.setContextClassLoader(previous);
        }
    }

    private MailException failed(String kind, MailException failure) {
        logFailure(kind, failure);
        return failure;
    }

    private void logFailure(String kind, MailException failure) {
        LOG.log(
                Level.WARNING,
                () -> (failure.reason() == Reason.MAIL_OUTCOME_UNKNOWN
                                ? "Handed over the " + kind + " message but its outcome is unknown via "
                                : "Could not send the " + kind + " message via ")
                        + relay() + ": "
                        + failure.parameters().get("problem"));
    }

    private static void close(Transport transport) {
        if (transport == null) {
            return;
        }
        try {
            transport.close();
        } catch (MessagingException | RuntimeException e) {
            // The message was accepted or the send already failed; a failed QUIT changes neither.
            LOG.log(
                    Level.DEBUG,
                    () -> "Closing the SMTP connection failed: " + e.getClass().getName());
        }
    }

    private String relay() {
        return settings.host() + ":" + settings.port() + " (" + settings.encryption() + ")";
    }

    /** A step timeout in milliseconds, at most the send deadline. */
    private static int millis(Duration timeout, SmtpSettings settings) {
        Duration deadline = settings.sendDeadline();
        return (int) (timeout.compareTo(deadline) < 0 ? timeout : deadline).toMillis();
    }

    private static Properties sessionProperties(SmtpSettings settings, boolean utf8) {
        String p = "mail." + PROTOCOL + ".";
        Properties props = new Properties();
        // No protocol trace, and none of the authentication exchange should a host turn tracing on.
        props.setProperty("mail.debug", "false");
        props.setProperty("mail.debug.auth", "false");
        props.setProperty("mail.debug.auth.username", "false");
        props.setProperty("mail.debug.auth.password", "false");
        props.setProperty("mail.transport.protocol", PROTOCOL);
        props.setProperty(p + "host", settings.host());
        props.setProperty(p + "port", Integer.toString(settings.port()));
        // Each step within the deadline: a longer step timeout would never get to expire.
        props.setProperty(p + "connectiontimeout", Integer.toString(millis(settings.connectTimeout(), settings)));
        props.setProperty(p + "timeout", Integer.toString(millis(settings.readTimeout(), settings)));
        props.setProperty(p + "writetimeout", Integer.toString(millis(settings.writeTimeout(), settings)));
        props.setProperty(p + "auth", Boolean.toString(settings.username().isPresent()));
        // XOAUTH2 would send the password as a bearer token, NTLM and DIGEST-MD5 are obsolete.
        props.setProperty(p + "auth.mechanisms", "PLAIN LOGIN");
        // Without this, a failure of the configured socket factory would be retried with the default one.
        props.setProperty(p + "socketFactory.fallback", "false");
        props.setProperty(p + "ssl.checkserveridentity", "true");
        props.setProperty(p + "ssl.protocols", "TLSv1.3 TLSv1.2");
        switch (settings.encryption()) {
            case STARTTLS:
                props.setProperty(p + "starttls.enable", "true");
                props.setProperty(p + "starttls.required", "true");
                break;
            case SMTPS:
                props.setProperty(p + "ssl.enable", "true");
                break;
            case NONE:
            default:
                break;
        }
        settings.heloName().ifPresent(name -> props.setProperty(p + "localhost", name));
        props.setProperty("mail.mime.allowutf8", Boolean.toString(utf8));
        return props;
    }
}
