package dev.locksmith.smtp;

import dev.locksmith.core.domain.EmailAddress;
import dev.locksmith.core.domain.InvalidInputException;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.CharBuffer;
import java.security.KeyStore;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import javax.net.ssl.SSLSocketFactory;

/**
 * The mail settings of an appliance, as its "email settings" page holds them: sender address and display name,
 * relay host and port, encryption, optional credentials, timeouts, the login URL that messages point to, and an
 * optional set of trusted certificates for a private relay. Built and validated once by {@link Builder#build()};
 * immutable and thread-safe afterwards.
 *
 * <p><b>Encryption.</b> Messages carry passwords, so the connection is encrypted: {@link Encryption#STARTTLS}
 * (the default; required, never opportunistic: a relay that does not offer it fails the send before anything is
 * sent) or {@link Encryption#SMTPS}. {@link Encryption#NONE} is refused by {@link Builder#build()} unless the
 * operator names the relay a trusted local one with {@link Builder#plaintextToTrustedLocalRelay(boolean)} (a
 * relay on the same host or a network where nobody can read the traffic). Credentials over {@code NONE} need
 * {@link Builder#allowPlaintextAuthentication(boolean)} as well.
 *
 * <p><b>Every wait is bounded.</b> Settings, each from 1 s to 5 min:
 * <ul>
 * <li>{@linkplain Builder#connectTimeout(Duration) connect timeout} (default 10 s): opening the TCP
 *     connection;</li>
 * <li>{@linkplain Builder#readTimeout(Duration) read timeout} (default 10 s): each wait for a server reply or
 *     for the TLS handshake;</li>
 * <li>{@linkplain Builder#writeTimeout(Duration) write timeout} (default 10 s): each write;</li>
 * <li>{@linkplain Builder#sendDeadline(Duration) send deadline} (default 15 s): the whole exchange of one
 *     message (connect, TLS, authentication, MAIL, RCPT, DATA and the server's final reply). A relay that answers
 *     each read just in time (a tarpit dripping a byte a second) is cut off there: the connection is closed and
 *     the caller's wait ends at the deadline whatever the relay or the name lookup does. A step timeout longer
 *     than the deadline is cut short by it.</li>
 * </ul>
 * A send that ends at the deadline before the whole message was handed over is {@code MAIL_DELIVERY_FAILED}
 * (problem {@code deadline exceeded}); after it, {@code MAIL_OUTCOME_UNKNOWN} (see {@link SmtpMailer}).
 *
 * <p><b>Trusted certificates.</b> {@link Builder#trustCertificates} pins the certificates of a private relay. A
 * pinned certificate that has expired or is not yet valid is refused when the settings are built (Java does not
 * check a trust anchor's dates), unless {@link Builder#acceptTrustedCertificatesOutsideValidity(boolean)} says
 * the operator knows.
 *
 * <p>The SMTP password is a secret: it is kept in a private array, never returned, and {@link #toString()}
 * redacts it.
 *
 * <p>Settings always describe a real relay. A host without one builds no settings and gives Locksmith no
 * mailer: core's own "mail not configured" then refuses "email password to user" with
 * {@code MAIL_NOT_CONFIGURED}.
 *
 * @see SmtpMailer
 */
public final class SmtpSettings {

    /** How the connection to the relay is protected. */
    public enum Encryption {
        /**
         * Plain SMTP; nothing is encrypted, passwords in messages included. Accepted only for a trusted local
         * relay ({@link Builder#plaintextToTrustedLocalRelay(boolean)}). Default port 25.
         */
        NONE(25),
        /** Plain connection upgraded with STARTTLS; the send fails if the server does not offer it. Default port 587. */
        STARTTLS(587),
        /** Implicit TLS from the first byte (SMTPS, "SSL/TLS"). Default port 465. */
        SMTPS(465);

        private final int defaultPort;

        Encryption(int defaultPort) {
            this.defaultPort = defaultPort;
        }

        /** The port a relay usually listens on for this encryption. */
        public int defaultPort() {
            return defaultPort;
        }
    }

    /** Default time allowed to open the TCP connection. */
    public static final Duration DEFAULT_CONNECT_TIMEOUT = Duration.ofSeconds(10);
    /** Default time allowed for each read (server reply, TLS handshake). */
    public static final Duration DEFAULT_READ_TIMEOUT = Duration.ofSeconds(10);
    /** Default time allowed for each write. */
    public static final Duration DEFAULT_WRITE_TIMEOUT = Duration.ofSeconds(10);
    /** Default time allowed for the whole exchange of one message. */
    public static final Duration DEFAULT_SEND_DEADLINE = Duration.ofSeconds(15);
    /** Shortest accepted timeout or deadline. */
    public static final Duration MIN_TIMEOUT = Duration.ofSeconds(1);
    /** Longest accepted timeout or deadline: a wait is never infinite. */
    public static final Duration MAX_TIMEOUT = Duration.ofMinutes(5);
    /** Longest accepted display name, in code points (as core's profile names). */
    public static final int MAX_NAME_LENGTH = 256;
    /** Longest accepted login URL, in characters. */
    public static final int MAX_URL_LENGTH = 2048;
    /** Longest accepted SMTP username or password, in characters. */
    public static final int MAX_CREDENTIAL_LENGTH = 512;

    private final EmailAddress fromAddress;
    private final String fromName;
    private final String host;
    private final int port;
    private final Encryption encryption;
    private final boolean plaintextToTrustedLocalRelay;
    private final String username;
    private final char[] password;
    private final boolean plaintextAuthenticationAllowed;
    private final Duration connectTimeout;
    private final Duration readTimeout;
    private final Duration writeTimeout;
    private final Duration sendDeadline;
    private final URI loginUrl;
    private final ZoneId zone;
    private final String heloName;
    private final TrustMaterial trust;
    private final boolean trustedCertificatesOutsideValidityAccepted;

    private SmtpSettings(Builder b, String host, URI loginUrl, TrustMaterial trust) {
        fromAddress = b.fromAddress;
        fromName = b.fromName;
        this.host = host;
        port = b.port != null ? b.port : b.encryption.defaultPort();
        encryption = b.encryption;
        plaintextToTrustedLocalRelay = b.plaintextToTrustedLocalRelay;
        username = b.username;
        password = b.password == null ? null : b.password.clone();
        plaintextAuthenticationAllowed = b.plaintextAuthenticationAllowed;
        connectTimeout = b.connectTimeout;
        readTimeout = b.readTimeout;
        writeTimeout = b.writeTimeout;
        sendDeadline = b.sendDeadline;
        this.loginUrl = loginUrl;
        zone = b.zone;
        heloName = b.heloName;
        this.trust = trust;
        trustedCertificatesOutsideValidityAccepted = b.trustedCertificatesOutsideValidityAccepted;
    }

    /** A builder with the defaults: STARTTLS, its default port, default timeouts, UTC, JDK default trust. */
    public static Builder builder() {
        return new Builder();
    }

    /** The sender address ({@code From}). */
    public EmailAddress fromAddress() {
        return fromAddress;
    }

    /** The sender's display name; empty when none. */
    public String fromName() {
        return fromName;
    }

    /** The relay's host name or IP literal (IDN host names in their ASCII form). */
    public String host() {
        return host;
    }

    /** The relay's port. */
    public int port() {
        return port;
    }

    /** How the connection is protected. */
    public Encryption encryption() {
        return encryption;
    }

    /** Whether the operator named the relay a trusted local one, so messages may travel unencrypted. */
    public boolean plaintextToTrustedLocalRelay() {
        return plaintextToTrustedLocalRelay;
    }

    /** The SMTP username, when the relay wants authentication. */
    public Optional<String> username() {
        return Optional.ofNullable(username);
    }

    /** Whether an SMTP password is set (it is never returned). */
    public boolean hasPassword() {
        return password != null;
    }

    /** Whether credentials may be sent over an unencrypted connection. */
    public boolean plaintextAuthenticationAllowed() {
        return plaintextAuthenticationAllowed;
    }

    /** Time allowed to open the connection (never more than the send deadline in effect). */
    public Duration connectTimeout() {
        return connectTimeout;
    }

    /** Time allowed for each read from the server (never more than the send deadline in effect). */
    public Duration readTimeout() {
        return readTimeout;
    }

    /** Time allowed for each write to the server (never more than the send deadline in effect). */
    public Duration writeTimeout() {
        return writeTimeout;
    }

    /** Time allowed for the whole exchange of one message, from connecting to the server's final reply. */
    public Duration sendDeadline() {
        return sendDeadline;
    }

    /** The login page users are sent to (http or https). */
    public URI loginUrl() {
        return loginUrl;
    }

    /** The time zone of the readable form of times in messages (the ISO-8601 UTC form is always given too). */
    public ZoneId zone() {
        return zone;
    }

    /** The name this host gives in EHLO; empty to let the mail library use the local host's name. */
    public Optional<String> heloName() {
        return Optional.ofNullable(heloName);
    }

    /** Whether only the certificates given to the builder are trusted (instead of the JDK's default trust). */
    public boolean hasTrustedCertificates() {
        return trust != null;
    }

    /** Whether a trusted certificate was accepted although it had expired or was not yet valid. */
    public boolean trustedCertificatesOutsideValidityAccepted() {
        return trustedCertificatesOutsideValidityAccepted;
    }

    /** The socket factory trusting exactly the configured certificates, if any. */
    Optional<SSLSocketFactory> tlsSocketFactory() {
        return Optional.ofNullable(trust).map(TrustMaterial::socketFactory);
    }

    /**
     * The SMTP password as a string, for the mail library's connect call (which takes a {@code String}). Only
     * the mailer calls this, right before connecting; never log or keep the result.
     */
    String passwordForConnect() {
        return password == null ? null : new String(password);
    }

    @Override
    public String toString() {
        return "SmtpSettings[from=" + fromAddress + (fromName.isEmpty() ? "" : " (" + fromName + ")")
                + ", relay=" + host + ":" + port + ", encryption=" + encryption
                + (plaintextToTrustedLocalRelay ? ", plaintext to trusted local relay" : "")
                + ", username=" + (username == null ? "none" : username)
                + ", password=" + (password == null ? "none" : "[redacted]")
                + (plaintextAuthenticationAllowed ? ", plaintext authentication allowed" : "")
                + ", timeouts(connect=" + connectTimeout + ", read=" + readTimeout + ", write=" + writeTimeout
                + ", send deadline=" + sendDeadline + ")"
                + ", loginUrl=" + loginUrl + ", zone=" + zone
                + (heloName == null ? "" : ", helo=" + heloName)
                + (trust == null
                        ? ", trust=JDK default"
                        : ", trust=" + trust.certificateCount()
                                + " configured certificate(s)"
                                + (trustedCertificatesOutsideValidityAccepted ? " (outside validity accepted)" : ""))
                + "]";
    }

    /**
     * Collects and validates mail settings. Not thread-safe; {@link #build()} checks everything and throws
     * {@link InvalidInputException} naming the offending field.
     */
    public static final class Builder {
        private EmailAddress fromAddress;
        private String fromName = "";
        private String host;
        private Integer port;
        private Encryption encryption = Encryption.STARTTLS;
        private boolean plaintextToTrustedLocalRelay;
        private String username;
        private char[] password;
        private boolean plaintextAuthenticationAllowed;
        private Duration connectTimeout = DEFAULT_CONNECT_TIMEOUT;
        private Duration readTimeout = DEFAULT_READ_TIMEOUT;
        private Duration writeTimeout = DEFAULT_WRITE_TIMEOUT;
        private Duration sendDeadline = DEFAULT_SEND_DEADLINE;
        private String loginUrl;
        private ZoneId zone = ZoneId.of("UTC");
        private String heloName;
        private KeyStore trustStore;
        private boolean trustedCertificatesOutsideValidityAccepted;

        private Builder() {}

        /** The sender address (required). */
        public Builder fromAddress(EmailAddress address) {
            this.fromAddress = InvalidInputException.requireNonNull(address, "fromAddress");
            return this;
        }

        /**
         * The sender address (required).
         *
         * @throws InvalidInputException if it is not an acceptable address
         */
        public Builder fromAddress(String address) {
            return fromAddress(new EmailAddress(address));
        }

        /** The sender's display name (optional; empty for none). Checked for header safety by {@link #build()}. */
        public Builder fromName(String name) {
            this.fromName = InvalidInputException.requireNonNull(name, "fromName");
            return this;
        }

        /** The relay's host name or IP address (required). */
        public Builder host(String host) {
            this.host = host;
            return this;
        }

        /** The relay's port (1 to 65535); defaults to the encryption's usual port. */
        public Builder port(int port) {
            this.port = port;
            return this;
        }

        /**
         * How the connection is protected; default {@link Encryption#STARTTLS}. {@link Encryption#NONE} also
         * needs {@link #plaintextToTrustedLocalRelay(boolean)}.
         */
        public Builder encryption(Encryption encryption) {
            this.encryption = InvalidInputException.requireNonNull(encryption, "encryption");
            return this;
        }

        /**
         * Whether messages, and the passwords in them, may travel unencrypted ({@link Encryption#NONE}) because
         * the relay is a trusted local one: on this host, or on a network nobody else can read. Off by default;
         * without it {@link #build()} refuses {@code NONE}. Has no effect with STARTTLS or SMTPS.
         */
        public Builder plaintextToTrustedLocalRelay(boolean trusted) {
            this.plaintextToTrustedLocalRelay = trusted;
            return this;
        }

        /**
         * Credentials for SMTP authentication. The password array is copied; the caller may wipe its own.
         * Pass {@code null} for both to authenticate not at all.
         */
        public Builder credentials(String username, char[] password) {
            if ((username == null) != (password == null)) {
                throw new InvalidInputException(
                        username == null ? "username" : "password", "username and password go together");
            }
            this.username = username;
            if (this.password != null) {
                Arrays.fill(this.password, '\0');
            }
            this.password = password == null ? null : password.clone();
            return this;
        }

        /**
         * Whether credentials may travel over an unencrypted connection ({@link Encryption#NONE}, itself only for
         * a trusted local relay). Off by default, since anyone on the path could read them.
         */
        public Builder allowPlaintextAuthentication(boolean allow) {
            this.plaintextAuthenticationAllowed = allow;
            return this;
        }

        /** Time allowed to open the connection (1 s to 5 min; default 10 s; cut short by the send deadline). */
        public Builder connectTimeout(Duration timeout) {
            this.connectTimeout = InvalidInputException.requireNonNull(timeout, "connectTimeout");
            return this;
        }

        /**
         * Time allowed for each read, TLS handshake included (1 s to 5 min; default 10 s; cut short by the send
         * deadline).
         */
        public Builder readTimeout(Duration timeout) {
            this.readTimeout = InvalidInputException.requireNonNull(timeout, "readTimeout");
            return this;
        }

        /** Time allowed for each write (1 s to 5 min; default 10 s; cut short by the send deadline). */
        public Builder writeTimeout(Duration timeout) {
            this.writeTimeout = InvalidInputException.requireNonNull(timeout, "writeTimeout");
            return this;
        }

        /** Sets the connect, read and write timeouts to one value (not the send deadline). */
        public Builder timeouts(Duration timeout) {
            return connectTimeout(timeout).readTimeout(timeout).writeTimeout(timeout);
        }

        /**
         * Time allowed for the whole exchange of one message, from opening the connection to the server's final
         * reply (1 s to 5 min; default 15 s). At the deadline the connection is closed and the send ends.
         */
        public Builder sendDeadline(Duration deadline) {
            this.sendDeadline = InvalidInputException.requireNonNull(deadline, "sendDeadline");
            return this;
        }

        /** The login page put in messages (required; absolute http or https URL, no user info). */
        public Builder loginUrl(String url) {
            this.loginUrl = url;
            return this;
        }

        /** Time zone of the readable form of times in messages; default UTC. */
        public Builder zone(ZoneId zone) {
            this.zone = InvalidInputException.requireNonNull(zone, "zone");
            return this;
        }

        /** The host name to give in EHLO (optional); by default the mail library asks the local host. */
        public Builder heloName(String name) {
            this.heloName = name;
            return this;
        }

        /**
         * Trust exactly the certificates of this key store (its trusted-certificate and key entries) instead
         * of the JDK's default trust, for a private relay or a test server. Host names are still checked, and
         * {@link #build()} refuses a certificate that has expired or is not yet valid unless
         * {@link #acceptTrustedCertificatesOutsideValidity(boolean)}. There is deliberately no "trust all" switch.
         */
        public Builder trustStore(KeyStore trustStore) {
            this.trustStore = InvalidInputException.requireNonNull(trustStore, "trustStore");
            return this;
        }

        /** Trust exactly these certificates (a convenience over {@link #trustStore(KeyStore)}). */
        public Builder trustCertificates(X509Certificate... certificates) {
            return trustStore(TrustMaterial.storeOf(certificates));
        }

        /**
         * Whether a trusted certificate that has expired or is not yet valid is accepted anyway. Off by default:
         * Java does not check the dates of a certificate trusted this way, so without this check an expired
         * pinned certificate would keep working unnoticed.
         */
        public Builder acceptTrustedCertificatesOutsideValidity(boolean accept) {
            this.trustedCertificatesOutsideValidityAccepted = accept;
            return this;
        }

        /**
         * Validates everything and returns the immutable settings.
         *
         * @throws InvalidInputException naming the first field that is missing or invalid
         */
        public SmtpSettings build() {
            InvalidInputException.requireNonNull(fromAddress, "fromAddress");
            HeaderSafety.requireSafeName(fromName, "fromName");
            MailAddresses.requireDeliverable(fromAddress, "fromAddress");
            String checkedHost = HostNames.check(host, "host");
            if (port != null && (port < 1 || port > 65535)) {
                throw new InvalidInputException("port", "must be between 1 and 65535");
            }
            if (encryption == Encryption.NONE && !plaintextToTrustedLocalRelay) {
                throw new InvalidInputException(
                        "encryption",
                        "NONE would send passwords in clear text: use "
                                + "STARTTLS or SMTPS, or name the relay a trusted local one (plaintextToTrustedLocalRelay)");
            }
            if (username != null) {
                checkCredential(username, "username");
                checkCredential(CharBuffer.wrap(password), "password");
                if (encryption == Encryption.NONE && !plaintextAuthenticationAllowed) {
                    throw new InvalidInputException(
                            "password",
                            "would travel unencrypted: use STARTTLS or SMTPS, or allow plaintext authentication");
                }
            }
            checkTimeout(connectTimeout, "connectTimeout");
            checkTimeout(readTimeout, "readTimeout");
            checkTimeout(writeTimeout, "writeTimeout");
            checkTimeout(sendDeadline, "sendDeadline");
            URI url = checkLoginUrl(loginUrl);
            if (heloName != null) {
                heloName = HostNames.check(heloName, "heloName");
            }
            TrustMaterial trust = null;
            if (trustStore != null) {
                if (encryption == Encryption.NONE) {
                    throw new InvalidInputException("trustStore", "has no effect without STARTTLS or SMTPS");
                }
                trust = TrustMaterial.of(trustStore, trustedCertificatesOutsideValidityAccepted, Instant.now());
            }
            return new SmtpSettings(this, checkedHost, url, trust);
        }

        private static void checkCredential(CharSequence value, String field) {
            if (value.length() == 0) {
                throw new InvalidInputException(field, "must not be empty");
            }
            if (value.length() > MAX_CREDENTIAL_LENGTH) {
                throw new InvalidInputException(field, "longer than " + MAX_CREDENTIAL_LENGTH + " characters");
            }
            // SASL PLAIN separates its fields with NUL and SMTP lines end with CR LF: a control character in a
            // credential can only be a mistake or an attack.
            if (!HeaderSafety.isSafe(value)) {
                throw new InvalidInputException(field, "contains control characters");
            }
        }

        private static void checkTimeout(Duration timeout, String field) {
            if (timeout.compareTo(MIN_TIMEOUT) < 0 || timeout.compareTo(MAX_TIMEOUT) > 0) {
                throw new InvalidInputException(
                        field,
                        "must be between " + MIN_TIMEOUT.toSeconds() + " s and " + MAX_TIMEOUT.toSeconds() + " s");
            }
        }

        private static URI checkLoginUrl(String value) {
            InvalidInputException.requireNonNull(value, "loginUrl");
            if (value.isEmpty() || value.length() > MAX_URL_LENGTH) {
                throw new InvalidInputException("loginUrl", "must be 1 to " + MAX_URL_LENGTH + " characters");
            }
            if (!HeaderSafety.isSafe(value) || value.chars().anyMatch(Character::isWhitespace)) {
                throw new InvalidInputException("loginUrl", "contains whitespace or control characters");
            }
            URI uri;
            try {
                uri = new URI(value);
            } catch (URISyntaxException e) {
                throw new InvalidInputException("loginUrl", "is not a valid URL");
            }
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            if (!scheme.equals("http") && !scheme.equals("https")) {
                throw new InvalidInputException("loginUrl", "must be an http or https URL");
            }
            if (uri.getHost() == null || uri.getHost().isEmpty()) {
                throw new InvalidInputException("loginUrl", "must name a host");
            }
            if (uri.getRawUserInfo() != null) {
                throw new InvalidInputException("loginUrl", "must not carry user information");
            }
            return uri;
        }
    }
}
