package dev.locksmith.smtp;

import dev.locksmith.core.domain.EmailAddress;
import dev.locksmith.core.domain.InvalidInputException;

import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocketFactory;
import javax.net.ssl.TrustManagerFactory;
import java.net.IDN;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.CharBuffer;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.Collections;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The mail settings of an appliance, as its "email settings" page holds them: sender address and display name,
 * relay host and port, encryption, optional credentials, timeouts, the login URL that messages point to, and an
 * optional set of trusted certificates for a private relay. Built and validated once by {@link Builder#build()};
 * immutable and thread-safe afterwards.
 *
 * <p>The SMTP password is a secret: it is kept in a private array, never returned, and {@link #toString()}
 * redacts it. Credentials are refused over an unencrypted connection unless
 * {@link Builder#allowPlaintextAuthentication(boolean)} says the relay is on a trusted network.
 *
 * <p>{@link #notConfigured()} stands for "no relay configured": {@link #isConfigured()} is false and a
 * {@link SmtpMailer} built from it refuses every send with {@code MAIL_NOT_CONFIGURED}; its relay accessors
 * ({@link #fromAddress()}, {@link #host()}, {@link #port()}, {@link #loginUrl()}) throw
 * {@link IllegalStateException}.
 *
 * @see SmtpMailer
 */
public final class SmtpSettings {

    /** How the connection to the relay is protected. */
    public enum Encryption {
        /** Plain SMTP; nothing is encrypted (a relay on a trusted network only). Default port 25. */
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
    public static final Duration DEFAULT_READ_TIMEOUT = Duration.ofSeconds(30);
    /** Default time allowed for each write. */
    public static final Duration DEFAULT_WRITE_TIMEOUT = Duration.ofSeconds(30);
    /** Shortest accepted timeout. */
    public static final Duration MIN_TIMEOUT = Duration.ofSeconds(1);
    /** Longest accepted timeout: a timeout is never infinite. */
    public static final Duration MAX_TIMEOUT = Duration.ofMinutes(5);
    /** Longest accepted display name, in code points (as core's profile names). */
    public static final int MAX_NAME_LENGTH = 256;
    /** Longest accepted login URL, in characters. */
    public static final int MAX_URL_LENGTH = 2048;
    /** Longest accepted SMTP username or password, in characters. */
    public static final int MAX_CREDENTIAL_LENGTH = 512;

    private static final SmtpSettings NOT_CONFIGURED = new SmtpSettings();

    private static final Pattern HOST_LABEL = Pattern.compile("[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?");
    private static final Pattern IPV4 = Pattern.compile(
            "(?:(?:25[0-5]|2[0-4][0-9]|1[0-9][0-9]|[1-9]?[0-9])\\.){3}(?:25[0-5]|2[0-4][0-9]|1[0-9][0-9]|[1-9]?[0-9])");
    private static final Pattern IPV6_GROUP = Pattern.compile("[0-9A-Fa-f]{1,4}");

    private final boolean configured;
    private final EmailAddress fromAddress;
    private final String fromName;
    private final String host;
    private final int port;
    private final Encryption encryption;
    private final String username;
    private final char[] password;
    private final boolean plaintextAuthenticationAllowed;
    private final Duration connectTimeout;
    private final Duration readTimeout;
    private final Duration writeTimeout;
    private final URI loginUrl;
    private final ZoneId zone;
    private final String heloName;
    private final SSLSocketFactory tlsSocketFactory;
    private final int trustedCertificateCount;

    private SmtpSettings() {
        configured = false;
        fromAddress = null;
        fromName = "";
        host = null;
        port = 0;
        encryption = Encryption.NONE;
        username = null;
        password = null;
        plaintextAuthenticationAllowed = false;
        connectTimeout = DEFAULT_CONNECT_TIMEOUT;
        readTimeout = DEFAULT_READ_TIMEOUT;
        writeTimeout = DEFAULT_WRITE_TIMEOUT;
        loginUrl = null;
        zone = ZoneId.of("UTC");
        heloName = null;
        tlsSocketFactory = null;
        trustedCertificateCount = 0;
    }

    private SmtpSettings(Builder b, String host, URI loginUrl, SSLSocketFactory tlsSocketFactory, int trustedCount) {
        configured = true;
        fromAddress = b.fromAddress;
        fromName = b.fromName;
        this.host = host;
        port = b.port != null ? b.port : b.encryption.defaultPort();
        encryption = b.encryption;
        username = b.username;
        password = b.password == null ? null : b.password.clone();
        plaintextAuthenticationAllowed = b.plaintextAuthenticationAllowed;
        connectTimeout = b.connectTimeout;
        readTimeout = b.readTimeout;
        writeTimeout = b.writeTimeout;
        this.loginUrl = loginUrl;
        zone = b.zone;
        heloName = b.heloName;
        this.tlsSocketFactory = tlsSocketFactory;
        trustedCertificateCount = trustedCount;
    }

    /** Settings meaning "no mail relay is configured". */
    public static SmtpSettings notConfigured() {
        return NOT_CONFIGURED;
    }

    /** A builder with the defaults: STARTTLS, its default port, default timeouts, UTC, JDK default trust. */
    public static Builder builder() {
        return new Builder();
    }

    /** Whether a relay is configured (false only for {@link #notConfigured()}). */
    public boolean isConfigured() {
        return configured;
    }

    /** The sender address ({@code From}). */
    public EmailAddress fromAddress() {
        requireConfigured();
        return fromAddress;
    }

    /** The sender's display name; empty when none. */
    public String fromName() {
        return fromName;
    }

    /** The relay's host name or IP literal (IDN host names in their ASCII form). */
    public String host() {
        requireConfigured();
        return host;
    }

    /** The relay's port. */
    public int port() {
        requireConfigured();
        return port;
    }

    /** How the connection is protected. */
    public Encryption encryption() {
        return encryption;
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

    /** Time allowed to open the connection. */
    public Duration connectTimeout() {
        return connectTimeout;
    }

    /** Time allowed for each read from the server. */
    public Duration readTimeout() {
        return readTimeout;
    }

    /** Time allowed for each write to the server. */
    public Duration writeTimeout() {
        return writeTimeout;
    }

    /** The login page users are sent to (http or https). */
    public URI loginUrl() {
        requireConfigured();
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
        return tlsSocketFactory != null;
    }

    /** The socket factory trusting exactly the configured certificates, if any. */
    Optional<SSLSocketFactory> tlsSocketFactory() {
        return Optional.ofNullable(tlsSocketFactory);
    }

    /**
     * The SMTP password as a string, for the mail library's connect call (which takes a {@code String}). Only
     * the mailer calls this, right before connecting; never log or keep the result.
     */
    String passwordForConnect() {
        return password == null ? null : new String(password);
    }

    private void requireConfigured() {
        if (!configured) {
            throw new IllegalStateException("mail is not configured");
        }
    }

    @Override
    public String toString() {
        if (!configured) {
            return "SmtpSettings[not configured]";
        }
        return "SmtpSettings[from=" + fromAddress + (fromName.isEmpty() ? "" : " (" + fromName + ")")
                + ", relay=" + host + ":" + port + ", encryption=" + encryption
                + ", username=" + (username == null ? "none" : username)
                + ", password=" + (password == null ? "none" : "[redacted]")
                + (plaintextAuthenticationAllowed ? ", plaintext authentication allowed" : "")
                + ", timeouts(connect=" + connectTimeout + ", read=" + readTimeout + ", write=" + writeTimeout + ")"
                + ", loginUrl=" + loginUrl + ", zone=" + zone
                + (heloName == null ? "" : ", helo=" + heloName)
                + (tlsSocketFactory == null ? ", trust=JDK default" : ", trust=" + trustedCertificateCount
                + " configured certificate(s)") + "]";
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
        private String username;
        private char[] password;
        private boolean plaintextAuthenticationAllowed;
        private Duration connectTimeout = DEFAULT_CONNECT_TIMEOUT;
        private Duration readTimeout = DEFAULT_READ_TIMEOUT;
        private Duration writeTimeout = DEFAULT_WRITE_TIMEOUT;
        private String loginUrl;
        private ZoneId zone = ZoneId.of("UTC");
        private String heloName;
        private KeyStore trustStore;

        private Builder() {
        }

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

        /** How the connection is protected; default {@link Encryption#STARTTLS}. */
        public Builder encryption(Encryption encryption) {
            this.encryption = InvalidInputException.requireNonNull(encryption, "encryption");
            return this;
        }

        /**
         * Credentials for SMTP authentication. The password array is copied; the caller may wipe its own.
         * Pass {@code null} for both to authenticate not at all.
         */
        public Builder credentials(String username, char[] password) {
            if ((username == null) != (password == null)) {
                throw new InvalidInputException(username == null ? "username" : "password",
                        "username and password go together");
            }
            this.username = username;
            if (this.password != null) {
                Arrays.fill(this.password, '\0');
            }
            this.password = password == null ? null : password.clone();
            return this;
        }

        /**
         * Whether credentials may travel over an unencrypted connection ({@link Encryption#NONE}). Off by
         * default, since anyone on the path could read them; turn it on only for a relay on a trusted network.
         */
        public Builder allowPlaintextAuthentication(boolean allow) {
            this.plaintextAuthenticationAllowed = allow;
            return this;
        }

        /** Time allowed to open the connection (1 s to 5 min; default 10 s). */
        public Builder connectTimeout(Duration timeout) {
            this.connectTimeout = InvalidInputException.requireNonNull(timeout, "connectTimeout");
            return this;
        }

        /** Time allowed for each read, TLS handshake included (1 s to 5 min; default 30 s). */
        public Builder readTimeout(Duration timeout) {
            this.readTimeout = InvalidInputException.requireNonNull(timeout, "readTimeout");
            return this;
        }

        /** Time allowed for each write (1 s to 5 min; default 30 s). */
        public Builder writeTimeout(Duration timeout) {
            this.writeTimeout = InvalidInputException.requireNonNull(timeout, "writeTimeout");
            return this;
        }

        /** Sets the connect, read and write timeouts to one value. */
        public Builder timeouts(Duration timeout) {
            return connectTimeout(timeout).readTimeout(timeout).writeTimeout(timeout);
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
         * of the JDK's default trust, for a private relay or a test server. Host names are still checked.
         * There is deliberately no "trust all" switch.
         */
        public Builder trustStore(KeyStore trustStore) {
            this.trustStore = InvalidInputException.requireNonNull(trustStore, "trustStore");
            return this;
        }

        /** Trust exactly these certificates (a convenience over {@link #trustStore(KeyStore)}). */
        public Builder trustCertificates(X509Certificate... certificates) {
            InvalidInputException.requireNonNull(certificates, "trustStore");
            if (certificates.length == 0) {
                throw new InvalidInputException("trustStore", "needs at least one certificate");
            }
            try {
                KeyStore store = KeyStore.getInstance("PKCS12");
                store.load(null, null);
                for (int i = 0; i < certificates.length; i++) {
                    store.setCertificateEntry("trusted-" + i,
                            InvalidInputException.requireNonNull(certificates[i], "trustStore"));
                }
                return trustStore(store);
            } catch (GeneralSecurityException | java.io.IOException e) {
                throw new InvalidInputException("trustStore", "cannot hold the certificates: " + e.getClass().getSimpleName());
            }
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
            String checkedHost = checkHost(host, "host");
            if (port != null && (port < 1 || port > 65535)) {
                throw new InvalidInputException("port", "must be between 1 and 65535");
            }
            if (username != null) {
                checkCredential(username, "username");
                checkCredential(CharBuffer.wrap(password), "password");
                if (encryption == Encryption.NONE && !plaintextAuthenticationAllowed) {
                    throw new InvalidInputException("password",
                            "would travel unencrypted: use STARTTLS or SMTPS, or allow plaintext authentication");
                }
            }
            checkTimeout(connectTimeout, "connectTimeout");
            checkTimeout(readTimeout, "readTimeout");
            checkTimeout(writeTimeout, "writeTimeout");
            URI url = checkLoginUrl(loginUrl);
            if (heloName != null) {
                heloName = checkHost(heloName, "heloName");
            }
            SSLSocketFactory factory = null;
            int trusted = 0;
            if (trustStore != null) {
                if (encryption == Encryption.NONE) {
                    throw new InvalidInputException("trustStore", "has no effect without STARTTLS or SMTPS");
                }
                trusted = countCertificates(trustStore);
                factory = socketFactoryTrusting(trustStore);
            }
            return new SmtpSettings(this, checkedHost, url, factory, trusted);
        }

        private static String checkHost(String value, String field) {
            InvalidInputException.requireNonNull(value, field);
            if (value.isEmpty()) {
                throw new InvalidInputException(field, "must not be empty");
            }
            if (value.length() > 253 || !HeaderSafety.isSafe(value) || value.chars().anyMatch(Character::isWhitespace)) {
                throw new InvalidInputException(field, "is not a host name or IP address");
            }
            String literal = value.startsWith("[") && value.endsWith("]") ? value.substring(1, value.length() - 1) : value;
            if (IPV4.matcher(literal).matches()) {
                return literal;
            }
            if (literal.indexOf(':') >= 0) {
                if (isIpv6(literal)) {
                    return literal;
                }
                throw new InvalidInputException(field, "is not a host name or IP address");
            }
            String ascii;
            try {
                ascii = IDN.toASCII(value, IDN.USE_STD3_ASCII_RULES);
            } catch (IllegalArgumentException e) {
                throw new InvalidInputException(field, "is not a host name or IP address");
            }
            String name = ascii.endsWith(".") ? ascii.substring(0, ascii.length() - 1) : ascii;
            if (name.isEmpty() || name.length() > 253) {
                throw new InvalidInputException(field, "is not a host name or IP address");
            }
            for (String label : name.split("\\.", -1)) {
                if (!HOST_LABEL.matcher(label).matches()) {
                    throw new InvalidInputException(field, "is not a host name or IP address");
                }
            }
            return name.toLowerCase(Locale.ROOT);
        }

        /** An IPv6 literal: up to eight hex groups, one "::" at most, optionally ending in dotted IPv4. */
        private static boolean isIpv6(String text) {
            if (text.length() > 45) {
                return false;
            }
            int compressed = text.indexOf("::");
            if (compressed >= 0 && text.indexOf("::", compressed + 1) >= 0) {
                return false;
            }
            String[] halves = compressed >= 0
                    ? new String[]{text.substring(0, compressed), text.substring(compressed + 2)}
                    : new String[]{text};
            int groups = 0;
            for (int h = 0; h < halves.length; h++) {
                if (halves[h].isEmpty()) {
                    continue;
                }
                String[] parts = halves[h].split(":", -1);
                for (int i = 0; i < parts.length; i++) {
                    boolean last = h == halves.length - 1 && i == parts.length - 1;
                    if (last && IPV4.matcher(parts[i]).matches()) {
                        groups += 2;
                    } else if (IPV6_GROUP.matcher(parts[i]).matches()) {
                        groups++;
                    } else {
                        return false;
                    }
                }
            }
            return compressed >= 0 ? groups <= 7 : groups == 8;
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
                throw new InvalidInputException(field, "must be between " + MIN_TIMEOUT.toSeconds() + " s and "
                        + MAX_TIMEOUT.toSeconds() + " s");
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

        private static int countCertificates(KeyStore store) {
            try {
                int count = 0;
                for (String alias : Collections.list(store.aliases())) {
                    if (store.getCertificate(alias) != null) {
                        count++;
                    }
                }
                if (count == 0) {
                    throw new InvalidInputException("trustStore", "holds no certificate");
                }
                return count;
            } catch (java.security.KeyStoreException e) {
                throw new InvalidInputException("trustStore", "is not loaded");
            }
        }

        private static SSLSocketFactory socketFactoryTrusting(KeyStore store) {
            try {
                TrustManagerFactory tmf = TrustManagerFactory.getInstance("PKIX");
                tmf.init(store);
                SSLContext context = SSLContext.getInstance("TLS");
                context.init(null, tmf.getTrustManagers(), null);
                return context.getSocketFactory();
            } catch (GeneralSecurityException e) {
                throw new InvalidInputException("trustStore", "cannot be used: " + e.getClass().getSimpleName());
            }
        }
    }
}
