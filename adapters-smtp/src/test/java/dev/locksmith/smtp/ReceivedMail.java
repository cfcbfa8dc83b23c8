package dev.locksmith.smtp;

import jakarta.mail.Header;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeUtility;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UnsupportedEncodingException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Properties;

/** Reading back a received message in tests: raw and decoded headers, the decoded body. */
final class ReceivedMail {
    private ReceivedMail() {}

    /** Parses a message as received over SMTP (UTF-8 headers allowed, as SMTPUTF8 permits). */
    static MimeMessage parse(byte[] data) {
        Properties props = new Properties();
        props.setProperty("mail.mime.allowutf8", "true");
        try {
            return new MimeMessage(Session.getInstance(props), new ByteArrayInputStream(data));
        } catch (MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Every header as {@code "Name: value"}, exactly as received (unfolded). */
    static List<String> rawHeaders(MimeMessage message) {
        try {
            List<String> lines = new ArrayList<>();
            for (Header header : Collections.list(message.getAllHeaders())) {
                lines.add(header.getName() + ": " + MimeUtility.unfold(header.getValue()));
            }
            return lines;
        } catch (MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Every header as {@code "Name: value"}, RFC 2047 words decoded. */
    static List<String> decodedHeaders(MimeMessage message) {
        List<String> lines = new ArrayList<>();
        for (String raw : rawHeaders(message)) {
            try {
                lines.add(MimeUtility.decodeText(raw));
            } catch (UnsupportedEncodingException e) {
                throw new IllegalStateException(e);
            }
        }
        return lines;
    }

    /** Raw and decoded headers together: what "the password is in no header" must be checked against. */
    static List<String> allHeaderForms(MimeMessage message) {
        List<String> all = new ArrayList<>(rawHeaders(message));
        all.addAll(decodedHeaders(message));
        return all;
    }

    /** The one value of a header, unfolded, as received. */
    static String header(MimeMessage message, String name) {
        try {
            String[] values = message.getHeader(name);
            if (values == null || values.length != 1) {
                throw new AssertionError(
                        "expected one " + name + " header, got " + (values == null ? 0 : values.length));
            }
            return MimeUtility.unfold(values[0]);
        } catch (MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The addresses of a header, parsed strictly. */
    static InternetAddress[] addresses(MimeMessage message, String name) {
        try {
            return InternetAddress.parseHeader(header(message, name), true);
        } catch (MessagingException e) {
            throw new AssertionError("header " + name + " does not parse", e);
        }
    }

    /** The decoded text body. */
    static String body(MimeMessage message) {
        try {
            Object content = message.getContent();
            if (!(content instanceof String)) {
                throw new AssertionError("body is not text: " + content.getClass());
            }
            return (String) content;
        } catch (MessagingException | IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The headers' names, in order. */
    static List<String> headerNames(MimeMessage message) {
        try {
            List<String> names = new ArrayList<>();
            for (Header header : Collections.list(message.getAllHeaders())) {
                names.add(header.getName());
            }
            return names;
        } catch (MessagingException e) {
            throw new IllegalStateException(e);
        }
    }
}
