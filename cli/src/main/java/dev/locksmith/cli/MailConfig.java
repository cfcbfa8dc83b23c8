package dev.locksmith.cli;

import dev.locksmith.core.domain.InvalidInputException;
import dev.locksmith.smtp.SmtpSettings;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.function.Function;

/**
 * Mail settings read from a Java properties file (UTF-8), the command line's form of an appliance's email
 * settings page. Keys:
 *
 * <pre>
 * from = locksmith@appliance.example.com          (required: sender address)
 * host = smtp.example.com                         (required: relay)
 * login-url = https://appliance.example.com/login (required: put in every message)
 * from-name = Appliance                           (sender's display name)
 * port = 587                                      (default: 25, 587 or 465 by encryption)
 * encryption = STARTTLS                           (NONE, STARTTLS or SMTPS; default STARTTLS)
 * plaintext-trusted-local-relay = false           (NONE is refused unless true: passwords travel in clear)
 * username = relay-user                           (SMTP authentication; the password from:)
 * password-env = LOCKSMITH_SMTP_PASSWORD          (  the environment variable holding it, or)
 * password = ...                                  (  the file itself: keep it readable by its owner only)
 * allow-plaintext-authentication = false          (credentials over NONE: trusted networks only)
 * timeout-seconds = 10                            (connect, read and write timeouts; default 10; a send ends
 *                                                  by its deadline, 15 s, whatever these are)
 * zone = Europe/Paris                             (time zone of readable times in messages; default UTC)
 * helo = appliance.example.com                    (name given in EHLO)
 * trust-certificate = /etc/appliance/relay.pem    (trust exactly this certificate instead of the JDK's)
 * accept-trusted-certificate-outside-validity = false (an expired or not yet valid one is refused unless true)
 * notify-password-changes = true                  (send "your password was changed" notices; default false)
 * </pre>
 *
 * An unknown key is an error, so a typo does not silently leave a setting at its default. Immutable.
 *
 * @param settings the validated SMTP settings; empty when mail is off, and then Locksmith is given no mailer
 *     (core's "mail not configured")
 * @param notifyPasswordChanges whether to send "your password was changed" notices
 */
record MailConfig(Optional<SmtpSettings> settings, boolean notifyPasswordChanges) {
    private static final Set<String> KEYS = Set.of(
            "from",
            "host",
            "login-url",
            "from-name",
            "port",
            "encryption",
            "username",
            "password-env",
            "password",
            "allow-plaintext-authentication",
            "timeout-seconds",
            "zone",
            "helo",
            "trust-certificate",
            "notify-password-changes",
            "plaintext-trusted-local-relay",
            "accept-trusted-certificate-outside-validity");

    /** Mail off: "email password to user" is refused and no notice is sent. */
    static MailConfig off() {
        return new MailConfig(Optional.empty(), false);
    }

    /**
     * Reads and validates the file.
     *
     * @throws InvalidInputException naming the file and the bad key, or when the file is missing
     * @throws dev.locksmith.core.domain.UnavailableException when the file cannot be read
     */
    static MailConfig load(Path file, Function<String, Optional<String>> variables) {
        Properties p = SettingsFile.read(file, "--mail-config", KEYS, "");
        SmtpSettings.Builder b = SmtpSettings.builder()
                .fromAddress(required(p, "from", file))
                .host(required(p, "host", file))
                .loginUrl(required(p, "login-url", file));
        value(p, "from-name").ifPresent(b::fromName);
        value(p, "encryption").ifPresent(v -> b.encryption(encryption(v, file)));
        value(p, "port").ifPresent(v -> b.port(integer(v, "port", file)));
        value(p, "timeout-seconds").ifPresent(v -> b.timeouts(Duration.ofSeconds(integer(v, "timeout-seconds", file))));
        value(p, "zone").ifPresent(v -> b.zone(zone(v, file)));
        value(p, "helo").ifPresent(b::heloName);
        value(p, "allow-plaintext-authentication")
                .ifPresent(v -> b.allowPlaintextAuthentication(bool(v, "allow-plaintext-authentication", file)));
        value(p, "plaintext-trusted-local-relay")
                .ifPresent(v -> b.plaintextToTrustedLocalRelay(bool(v, "plaintext-trusted-local-relay", file)));
        value(p, "accept-trusted-certificate-outside-validity")
                .ifPresent(v -> b.acceptTrustedCertificatesOutsideValidity(
                        bool(v, "accept-trusted-certificate-outside-validity", file)));
        value(p, "trust-certificate").ifPresent(v -> b.trustCertificates(certificate(file.resolveSibling(v), file)));
        Optional<String> username = value(p, "username");
        if (username.isPresent()) {
            String password = value(p, "password-env")
                    .map(name -> variables
                            .apply(name)
                            .orElseThrow(() -> new InvalidInputException(
                                    "--mail-config", file + ": environment variable " + name + " is not set")))
                    .or(() -> value(p, "password"))
                    .orElseThrow(() -> new InvalidInputException(
                            "--mail-config", file + ": username needs password-env or password"));
            char[] chars = password.toCharArray();
            try {
                b.credentials(username.get(), chars);
            } finally {
                Arrays.fill(chars, '\0');
            }
        } else if (value(p, "password").isPresent() || value(p, "password-env").isPresent()) {
            throw new InvalidInputException("--mail-config", file + ": a password needs a username");
        }
        boolean notify = value(p, "notify-password-changes")
                .map(v -> bool(v, "notify-password-changes", file))
                .orElse(false);
        return new MailConfig(Optional.of(b.build()), notify);
    }

    private static String required(Properties p, String key, Path file) {
        return value(p, key)
                .orElseThrow(() -> new InvalidInputException("--mail-config", file + ": " + key + " is required"));
    }

    private static Optional<String> value(Properties p, String key) {
        return Optional.ofNullable(p.getProperty(key)).map(String::strip).filter(v -> !v.isEmpty());
    }

    private static SmtpSettings.Encryption encryption(String value, Path file) {
        try {
            return SmtpSettings.Encryption.valueOf(value.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException("--mail-config", file + ": encryption must be NONE, STARTTLS or SMTPS");
        }
    }

    private static int integer(String value, String key, Path file) {
        try {
            return Integer.parseInt(value);
        } catch (NumberFormatException e) {
            throw new InvalidInputException("--mail-config", file + ": " + key + " must be a whole number");
        }
    }

    private static boolean bool(String value, String key, Path file) {
        return switch (value.toLowerCase(Locale.ROOT)) {
            case "true", "yes", "on" -> true;
            case "false", "no", "off" -> false;
            default -> throw new InvalidInputException("--mail-config", file + ": " + key + " must be true or false");
        };
    }

    private static ZoneId zone(String value, Path file) {
        try {
            return ZoneId.of(value);
        } catch (DateTimeException e) {
            throw new InvalidInputException("--mail-config", file + ": zone is not a time zone: " + value);
        }
    }

    private static X509Certificate certificate(Path path, Path file) {
        try (InputStream in = Files.newInputStream(path)) {
            return (X509Certificate) CertificateFactory.getInstance("X.509").generateCertificate(in);
        } catch (IOException | CertificateException | ClassCastException e) {
            throw new InvalidInputException(
                    "--mail-config", file + ": trust-certificate is not a readable X.509 certificate: " + path);
        }
    }
}
