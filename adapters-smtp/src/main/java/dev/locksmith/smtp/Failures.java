package dev.locksmith.smtp;

import dev.locksmith.core.domain.MailException;
import jakarta.mail.AuthenticationFailedException;
import jakarta.mail.MessagingException;
import jakarta.mail.SendFailedException;
import java.io.IOException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.security.GeneralSecurityException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.net.ssl.SSLException;
import org.eclipse.angus.mail.smtp.SMTPAddressFailedException;
import org.eclipse.angus.mail.smtp.SMTPSendFailedException;
import org.eclipse.angus.mail.smtp.SMTPSenderFailedException;
import org.eclipse.angus.mail.util.MailConnectException;
import org.eclipse.angus.mail.util.SocketConnectException;

/**
 * Translates a mail library failure into core's {@link MailException}: classifies it ({@link DeliveryProblem})
 * and replaces the cause chain with {@link MailFailure} copies that carry no server text and no message content.
 * Stateless.
 */
final class Failures {
    private static final int MAX_CHAIN = 12;
    private static final Pattern REPLY_CODE =
            Pattern.compile("^\\s*([2-5][0-9][0-9])(?:[ -]+([245]\\.[0-9]{1,3}\\.[0-9]{1,3}))?");

    private Failures() {}

    static MailException deliveryFailed(Throwable failure) {
        return deliveryFailed(classify(failure), failure);
    }

    static MailException deliveryFailed(DeliveryProblem problem, Throwable failure) {
        return MailException.deliveryFailed(problem.text(), failure == null ? null : sanitize(failure));
    }

    /** The outcome is unknown: the data was sent; the final reply was lost or late. */
    static MailException outcomeUnknown(DeliveryProblem problem, Throwable failure) {
        return MailException.outcomeUnknown(problem.text(), failure == null ? null : sanitize(failure));
    }

    /**
     * What a failure after the message data was sent means: a reply code of 4xx or 5xx to the final "." is a
     * definite refusal ({@code MAIL_DELIVERY_FAILED}, nothing was accepted); anything else (connection dropped,
     * end of stream, timeout) leaves the outcome unknown.
     */
    static MailException afterData(Throwable failure) {
        for (Throwable t : chain(failure)) {
            if (t instanceof SMTPSendFailedException sendFailed) {
                int code = sendFailed.getReturnCode();
                if (code >= 400 && code < 600) {
                    return deliveryFailed(DeliveryProblem.MESSAGE_REFUSED, failure);
                }
            }
        }
        boolean late = any(chain(failure), SocketTimeoutException.class);
        return outcomeUnknown(late ? DeliveryProblem.REPLY_TIMEOUT : DeliveryProblem.REPLY_LOST, failure);
    }

    static DeliveryProblem classify(Throwable failure) {
        List<Throwable> chain = chain(failure);
        if (any(chain, AuthenticationFailedException.class)) {
            return DeliveryProblem.AUTHENTICATION_FAILED;
        }
        if (any(chain, SMTPSenderFailedException.class)) {
            return DeliveryProblem.SENDER_REFUSED;
        }
        if (any(chain, SMTPAddressFailedException.class) || hasInvalidAddresses(chain)) {
            return DeliveryProblem.RECIPIENT_REFUSED;
        }
        if (chain.stream()
                .anyMatch(t -> t instanceof MessagingException
                        && t.getMessage() != null
                        && t.getMessage().startsWith("STARTTLS is required"))) {
            return DeliveryProblem.STARTTLS_NOT_OFFERED;
        }
        if (any(chain, SocketTimeoutException.class)) {
            return DeliveryProblem.TIMEOUT;
        }
        if (any(chain, SSLException.class) || any(chain, GeneralSecurityException.class)) {
            return DeliveryProblem.TLS_FAILED;
        }
        if (any(chain, UnknownHostException.class)) {
            return DeliveryProblem.UNKNOWN_HOST;
        }
        if (any(chain, ConnectException.class)
                || any(chain, NoRouteToHostException.class)
                || any(chain, MailConnectException.class)
                || any(chain, SocketConnectException.class)) {
            return DeliveryProblem.CONNECTION_FAILED;
        }
        if (any(chain, SMTPSendFailedException.class)) {
            return DeliveryProblem.MESSAGE_REFUSED;
        }
        if (any(chain, IOException.class)) {
            return DeliveryProblem.CONNECTION_FAILED;
        }
        return DeliveryProblem.SERVER_ERROR;
    }

    /** A copy of the chain, innermost first rebuilt, with only the safe parts of each link. */
    static MailFailure sanitize(Throwable failure) {
        List<Throwable> chain = chain(failure);
        MailFailure copy = null;
        for (int i = chain.size() - 1; i >= 0; i--) {
            Throwable link = chain.get(i);
            copy = new MailFailure(describe(link), copy, link.getStackTrace());
        }
        return copy;
    }

    private static String describe(Throwable link) {
        StringBuilder text = new StringBuilder(link.getClass().getName());
        String message = link.getMessage();
        String name = link.getClass().getName();
        if (name.startsWith("java.") || name.startsWith("javax.") || name.startsWith("sun.")) {
            // Produced by the JDK on this side of the connection: socket and certificate errors.
            if (message != null) {
                text.append(": ").append(message);
            }
        } else if (link instanceof SMTPAddressFailedException e) {
            text.append(": ").append(verb(e.getCommand())).append(" reply ").append(e.getReturnCode());
        } else if (link instanceof SMTPSenderFailedException e) {
            text.append(": ").append(verb(e.getCommand())).append(" reply ").append(e.getReturnCode());
        } else if (link instanceof SMTPSendFailedException e) {
            text.append(": ").append(verb(e.getCommand())).append(" reply ").append(e.getReturnCode());
        } else if (message != null) {
            // A server reply text may echo what it was sent; keep only its reply and status codes.
            Matcher m = REPLY_CODE.matcher(message);
            if (m.find()) {
                text.append(": reply ").append(m.group(1));
                if (m.group(2) != null) {
                    text.append(' ').append(m.group(2));
                }
            }
        }
        return text.toString();
    }

    /** The command's verb only ("RCPT", "MAIL", "DATA"), never its argument. */
    private static String verb(String command) {
        if (command == null || command.isEmpty()) {
            return "command";
        }
        int end = 0;
        while (end < command.length() && end < 8 && Character.isLetter(command.charAt(end))) {
            end++;
        }
        return end == 0 ? "command" : command.substring(0, end);
    }

    private static boolean hasInvalidAddresses(List<Throwable> chain) {
        for (Throwable t : chain) {
            if (t instanceof SendFailedException e && !(t instanceof SMTPSendFailedException)) {
                if (e.getInvalidAddresses() != null && e.getInvalidAddresses().length > 0) {
                    return true;
                }
            }
        }
        return false;
    }

    private static boolean any(List<Throwable> chain, Class<? extends Throwable> type) {
        return chain.stream().anyMatch(type::isInstance);
    }

    private static List<Throwable> chain(Throwable failure) {
        List<Throwable> chain = new ArrayList<>();
        Set<Throwable> seen = Collections.newSetFromMap(new IdentityHashMap<>());
        for (Throwable t = failure; t != null && chain.size() < MAX_CHAIN && seen.add(t); t = t.getCause()) {
            chain.add(t);
        }
        return chain;
    }
}
