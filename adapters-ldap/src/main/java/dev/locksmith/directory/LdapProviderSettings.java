package dev.locksmith.directory;

import com.unboundid.ldap.sdk.DN;
import com.unboundid.ldap.sdk.Filter;
import com.unboundid.ldap.sdk.LDAPException;
import com.unboundid.ldap.sdk.LDAPURL;
import dev.locksmith.core.domain.InvalidInputException;
import dev.locksmith.core.domain.Source;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Function;

/**
 * The settings of one live directory provider: where the servers are (several URLs, tried in order for
 * failover), how to trust them, the service account that searches, where users are and which entries count,
 * the bounds of its connection pools, its timeouts and its claim cache. Validated once by
 * {@link Builder#build()}, immutable afterwards (HikariCP's validate-and-seal). Thread-safe.
 *
 * <p>Every connection is encrypted: {@code ldaps://} URLs speak TLS from the first byte, {@code ldap://} URLs
 * must succeed a StartTLS before anything else is sent; there is no plain-text mode. Server certificates are
 * checked against the trust store (the JVM's default trust when none is named) and the host name in the URL
 * (on by default).
 *
 * <p>The bind password is never held here: only where to read it (a file, or an environment variable), read
 * when the provider connects. {@link #toString()} names the source, never the secret.
 *
 * <pre>{@code
 * LdapProviderSettings corp = LdapProviderSettings.builder("corp-ad")
 *         .url("ldaps://dc1.corp.example.com").url("ldaps://dc2.corp.example.com")
 *         .bindDn("CN=locksmith,OU=Service,DC=corp,DC=example,DC=com")
 *         .bindPasswordFile(Path.of("/etc/appliance/ad-bind-password"))
 *         .baseDn("DC=corp,DC=example,DC=com")
 *         .userFilter("(sAMAccountName={0})")
 *         .disabledFilter("(userAccountControl:1.2.840.113556.1.4.803:=2)")
 *         .build();
 * }</pre>
 */
public final class LdapProviderSettings {

    /** Where the bind password is read from when the provider connects. */
    sealed interface PasswordSource {
        /** A file holding the password (one line; a final line break is not part of it). */
        record File(Path path) implements PasswordSource {
            @Override
            public String toString() {
                return "file " + path;
            }
        }

        /** An environment variable, looked up in the given environment. */
        record Variable(String name, Function<String, String> environment) implements PasswordSource {
            @Override
            public String toString() {
                return "environment variable " + name;
            }
        }
    }

    /** The placeholder a user filter template replaces with the escaped username. */
    public static final String USERNAME_PLACEHOLDER = "{0}";

    private final Source.Provider provider;
    private final List<LDAPURL> urls;
    private final Optional<Path> trustStore;
    private final Optional<PasswordSource> trustStorePassword;
    private final boolean hostnameVerification;
    private final DN bindDn;
    private final PasswordSource bindPassword;
    private final DN baseDn;
    private final String userFilter;
    private final Optional<Filter> groupFilter;
    private final Optional<Filter> disabledFilter;
    private final int poolSize;
    private final Duration connectTimeout;
    private final Duration responseTimeout;
    private final Duration positiveCacheTtl;
    private final Duration negativeCacheTtl;
    private final int cacheSize;

    private LdapProviderSettings(
            Builder builder,
            Source.Provider provider,
            List<LDAPURL> urls,
            DN bindDn,
            DN baseDn,
            Optional<Filter> groupFilter,
            Optional<Filter> disabledFilter) {
        this.provider = provider;
        this.urls = List.copyOf(urls);
        this.trustStore = Optional.ofNullable(builder.trustStore)
                .map(p -> p.toAbsolutePath().normalize());
        this.trustStorePassword = Optional.ofNullable(builder.trustStorePassword);
        this.hostnameVerification = builder.hostnameVerification;
        this.bindDn = bindDn;
        this.bindPassword = builder.bindPassword;
        this.baseDn = baseDn;
        this.userFilter = builder.userFilter;
        this.groupFilter = groupFilter;
        this.disabledFilter = disabledFilter;
        this.poolSize = builder.poolSize;
        this.connectTimeout = builder.connectTimeout;
        this.responseTimeout = builder.responseTimeout;
        this.positiveCacheTtl = builder.positiveCacheTtl;
        this.negativeCacheTtl = builder.negativeCacheTtl;
        this.cacheSize = builder.cacheSize;
    }

    /**
     * Starts the settings of a provider.
     *
     * @param name the provider's name as core records it in {@link Source.Provider}
     */
    public static Builder builder(String name) {
        return new Builder(name);
    }

    /** The source core records for users this provider manages. */
    public Source.Provider provider() {
        return provider;
    }

    /** The provider's name. */
    public String name() {
        return provider.name();
    }

    /** The servers, in the order they are tried, as {@code scheme://host:port}. */
    public List<String> urls() {
        return urls.stream()
                .map(url -> url.getScheme().toLowerCase(Locale.ROOT) + "://" + Builder.bracketed(url.getHost()) + ":"
                        + url.getPort())
                .toList();
    }

    List<LDAPURL> ldapUrls() {
        return urls;
    }

    /** The trust store (PEM certificates, PKCS#12 or JKS); empty for the JVM's default trust. */
    public Optional<Path> trustStore() {
        return trustStore;
    }

    Optional<PasswordSource> trustStorePassword() {
        return trustStorePassword;
    }

    /** Whether a server certificate must name the host of its URL (default true). */
    public boolean hostnameVerification() {
        return hostnameVerification;
    }

    /** The service account's DN, which searches for users. */
    public String bindDn() {
        return bindDn.toString();
    }

    PasswordSource bindPassword() {
        return bindPassword;
    }

    /** Where user entries are searched (whole subtree). */
    public String baseDn() {
        return baseDn.toString();
    }

    /** The user filter template, {@value #USERNAME_PLACEHOLDER} standing for the escaped username. */
    public String userFilter() {
        return userFilter;
    }

    /** A filter a user entry must also match to belong to this provider (group membership), if any. */
    public Optional<String> groupFilter() {
        return groupFilter.map(Filter::toString);
    }

    /** A filter matching the entries whose logins are refused (disabled or locked accounts), if any. */
    public Optional<String> disabledFilter() {
        return disabledFilter.map(Filter::toString);
    }

    Optional<Filter> groupFilterValue() {
        return groupFilter;
    }

    Optional<Filter> disabledFilterValue() {
        return disabledFilter;
    }

    /** The most connections open at once for searches, and as many again for user binds. */
    public int poolSize() {
        return poolSize;
    }

    /** How long establishing a connection (TCP, TLS, StartTLS, bind) may take per server. */
    public Duration connectTimeout() {
        return connectTimeout;
    }

    /** How long an operation may wait for the server's answer, and for a free pooled connection. */
    public Duration responseTimeout() {
        return responseTimeout;
    }

    /** How long a "claimed" answer is remembered; zero turns the positive cache off. */
    public Duration positiveCacheTtl() {
        return positiveCacheTtl;
    }

    /** How long a "not claimed" answer is remembered; zero turns the negative cache off. */
    public Duration negativeCacheTtl() {
        return negativeCacheTtl;
    }

    /** The most usernames each cache remembers. */
    public int cacheSize() {
        return cacheSize;
    }

    /**
     * The filter that finds the user's entry: the template with the username escaped per RFC 4515 (so
     * {@code *}, parentheses, backslash and NUL match only themselves), and with the group filter when set.
     */
    Filter userFilterFor(String username) {
        Filter user = parse(userFilter.replace(USERNAME_PLACEHOLDER, Filter.encodeValue(username)), "userFilter");
        return groupFilter.map(group -> Filter.createANDFilter(user, group)).orElse(user);
    }

    @Override
    public String toString() {
        return "LdapProviderSettings[" + provider.name() + ", urls=" + urls() + ", trustStore="
                + trustStore.map(Path::toString).orElse("JVM default") + ", hostnameVerification="
                + hostnameVerification + ", bindDn=" + bindDn + ", bindPassword=" + bindPassword
                + " (value redacted), baseDn=" + baseDn + ", userFilter=" + userFilter + ", groupFilter="
                + groupFilter().orElse("none") + ", disabledFilter="
                + disabledFilter().orElse("none")
                + ", poolSize=" + poolSize + ", connectTimeout=" + connectTimeout + ", responseTimeout="
                + responseTimeout + ", positiveCacheTtl=" + positiveCacheTtl + ", negativeCacheTtl="
                + negativeCacheTtl + ", cacheSize=" + cacheSize + "]";
    }

    private static Filter parse(String text, String field) {
        try {
            return Filter.create(text);
        } catch (LDAPException e) {
            throw new InvalidInputException(field, "not an LDAP filter (RFC 4515): " + e.getExceptionMessage());
        }
    }

    /**
     * Collects the settings; {@link #build()} validates them. Every method returns this builder. Not
     * thread-safe.
     */
    public static final class Builder {
        /** Default pool size. */
        public static final int DEFAULT_POOL_SIZE = 8;
        /** Largest pool size accepted. */
        public static final int MAX_POOL_SIZE = 256;
        /** Default connect timeout. */
        public static final Duration DEFAULT_CONNECT_TIMEOUT = Duration.ofSeconds(5);
        /** Default response timeout. */
        public static final Duration DEFAULT_RESPONSE_TIMEOUT = Duration.ofSeconds(5);
        /** Default time a positive claim answer is cached. */
        public static final Duration DEFAULT_POSITIVE_CACHE_TTL = Duration.ofMinutes(1);
        /** Default time a negative claim answer is cached. */
        public static final Duration DEFAULT_NEGATIVE_CACHE_TTL = Duration.ofSeconds(10);
        /** Default number of usernames each cache holds. */
        public static final int DEFAULT_CACHE_SIZE = 10_000;
        /** Longest timeout or cache lifetime accepted. */
        public static final Duration MAX_DURATION = Duration.ofHours(1);

        private final String name;
        private final List<String> rawUrls = new ArrayList<>();
        private Path trustStore;
        private PasswordSource trustStorePassword;
        private boolean hostnameVerification = true;
        private String bindDn;
        private PasswordSource bindPassword;
        private String baseDn;
        private String userFilter = "(uid={0})";
        private String groupFilter;
        private String disabledFilter;
        private int poolSize = DEFAULT_POOL_SIZE;
        private Duration connectTimeout = DEFAULT_CONNECT_TIMEOUT;
        private Duration responseTimeout = DEFAULT_RESPONSE_TIMEOUT;
        private Duration positiveCacheTtl = DEFAULT_POSITIVE_CACHE_TTL;
        private Duration negativeCacheTtl = DEFAULT_NEGATIVE_CACHE_TTL;
        private int cacheSize = DEFAULT_CACHE_SIZE;
        private Function<String, String> environment = System::getenv;

        private Builder(String name) {
            this.name = name;
        }

        /** Adds a server, {@code ldaps://host[:port]} or {@code ldap://host[:port]} (then StartTLS). */
        public Builder url(String url) {
            rawUrls.add(InvalidInputException.requireNonNull(url, "url"));
            return this;
        }

        /** Trusts the certificates in this file (PEM, or a PKCS#12 / JKS key store) instead of the JVM's. */
        public Builder trustStore(Path file) {
            this.trustStore = InvalidInputException.requireNonNull(file, "trustStore");
            return this;
        }

        /** The trust store's password, read from this file (PKCS#12 and JKS stores only; optional). */
        public Builder trustStorePasswordFile(Path file) {
            this.trustStorePassword =
                    new PasswordSource.File(InvalidInputException.requireNonNull(file, "trustStorePasswordFile"));
            return this;
        }

        /** Whether a server certificate must name the URL's host (default true; turn off only for tests). */
        public Builder hostnameVerification(boolean verify) {
            this.hostnameVerification = verify;
            return this;
        }

        /** The DN of the service account that searches for users. */
        public Builder bindDn(String dn) {
            this.bindDn = InvalidInputException.requireNonNull(dn, "bindDn");
            return this;
        }

        /** Reads the service account's password from this file when connecting (never logged). */
        public Builder bindPasswordFile(Path file) {
            this.bindPassword = new PasswordSource.File(InvalidInputException.requireNonNull(file, "bindPasswordFile"));
            return this;
        }

        /** Reads the service account's password from this environment variable when connecting. */
        public Builder bindPasswordVariable(String variable) {
            InvalidInputException.requireNonNull(variable, "bindPasswordVariable");
            this.bindPassword = new PasswordSource.Variable(variable, name -> environment.apply(name));
            return this;
        }

        /** The environment {@link #bindPasswordVariable} reads (default {@link System#getenv(String)}). */
        public Builder environment(Function<String, String> environment) {
            this.environment = InvalidInputException.requireNonNull(environment, "environment");
            return this;
        }

        /** Where user entries are searched, the whole subtree. */
        public Builder baseDn(String dn) {
            this.baseDn = InvalidInputException.requireNonNull(dn, "baseDn");
            return this;
        }

        /**
         * The filter that finds a user's entry, {@code {0}} standing for the username, escaped per RFC 4515
         * (default {@code (uid={0})}; Active Directory: {@code (sAMAccountName={0})} or
         * {@code (userPrincipalName={0})}).
         */
        public Builder userFilter(String template) {
            this.userFilter = InvalidInputException.requireNonNull(template, "userFilter");
            return this;
        }

        /** A filter a user's entry must also match (membership), e.g. {@code (memberOf=cn=staff,dc=example,dc=com)}. */
        public Builder groupFilter(String filter) {
            this.groupFilter = InvalidInputException.requireNonNull(filter, "groupFilter");
            return this;
        }

        /**
         * A filter matching entries whose logins are refused although the directory holds them, e.g.
         * {@code (pwdAccountLockedTime=*)} (OpenLDAP ppolicy) or
         * {@code (userAccountControl:1.2.840.113556.1.4.803:=2)} (Active Directory). Such users stay claimed.
         */
        public Builder disabledFilter(String filter) {
            this.disabledFilter = InvalidInputException.requireNonNull(filter, "disabledFilter");
            return this;
        }

        /** The most connections for searches, and as many for user binds (default 8, at most 256). */
        public Builder poolSize(int size) {
            this.poolSize = size;
            return this;
        }

        /** Connect timeout per server (default 5 s). */
        public Builder connectTimeout(Duration timeout) {
            this.connectTimeout = InvalidInputException.requireNonNull(timeout, "connectTimeout");
            return this;
        }

        /** Response timeout per operation, and the longest wait for a pooled connection (default 5 s). */
        public Builder responseTimeout(Duration timeout) {
            this.responseTimeout = InvalidInputException.requireNonNull(timeout, "responseTimeout");
            return this;
        }

        /** How long a claim is remembered (default 1 minute; zero: not cached). */
        public Builder positiveCacheTtl(Duration ttl) {
            this.positiveCacheTtl = InvalidInputException.requireNonNull(ttl, "positiveCacheTtl");
            return this;
        }

        /** How long "not claimed" is remembered (default 10 s; zero: not cached). */
        public Builder negativeCacheTtl(Duration ttl) {
            this.negativeCacheTtl = InvalidInputException.requireNonNull(ttl, "negativeCacheTtl");
            return this;
        }

        /** The most usernames each cache remembers (default 10,000). */
        public Builder cacheSize(int size) {
            this.cacheSize = size;
            return this;
        }

        /**
         * Validates the settings. Reads no file and contacts no server.
         *
         * @throws InvalidInputException naming the setting when one is missing or invalid: no URL, a URL that
         *                               is not {@code ldap://} or {@code ldaps://} with a host, a DN or filter
         *                               that does not parse, a user filter without {@code {0}}, a bound or
         *                               duration out of range
         */
        public LdapProviderSettings build() {
            Source.Provider provider = new Source.Provider(name);
            if (rawUrls.isEmpty()) {
                throw new InvalidInputException("url", "at least one server URL is required");
            }
            List<LDAPURL> urls = new ArrayList<>();
            for (String raw : rawUrls) {
                urls.add(parseUrl(raw));
            }
            DN bind = dn(InvalidInputException.requireNonNull(bindDn, "bindDn"), "bindDn");
            if (bind.isNullDN()) {
                throw new InvalidInputException(
                        "bindDn", "must name the service account (anonymous binds are not used)");
            }
            InvalidInputException.requireNonNull(bindPassword, "bindPassword");
            if (bindPassword instanceof PasswordSource.Variable variable
                    && !variable.name().matches("[A-Za-z_][A-Za-z0-9_]*")) {
                throw new InvalidInputException("bindPasswordVariable", "not an environment variable name");
            }
            DN base = dn(InvalidInputException.requireNonNull(baseDn, "baseDn"), "baseDn");
            if (!userFilter.contains(USERNAME_PLACEHOLDER)) {
                throw new InvalidInputException(
                        "userFilter",
                        "must contain " + USERNAME_PLACEHOLDER + " where the username goes, e.g. (uid={0})");
            }
            parse(userFilter.replace(USERNAME_PLACEHOLDER, "x"), "userFilter");
            Optional<Filter> group = Optional.ofNullable(groupFilter).map(f -> parse(f, "groupFilter"));
            Optional<Filter> disabled = Optional.ofNullable(disabledFilter).map(f -> parse(f, "disabledFilter"));
            if (poolSize < 1 || poolSize > MAX_POOL_SIZE) {
                throw new InvalidInputException("poolSize", "must be between 1 and " + MAX_POOL_SIZE);
            }
            positive(connectTimeout, "connectTimeout");
            positive(responseTimeout, "responseTimeout");
            notNegative(positiveCacheTtl, "positiveCacheTtl");
            notNegative(negativeCacheTtl, "negativeCacheTtl");
            if (cacheSize < 1 || cacheSize > 10_000_000) {
                throw new InvalidInputException("cacheSize", "must be between 1 and 10000000");
            }
            return new LdapProviderSettings(this, provider, urls, bind, base, group, disabled);
        }

        private static LDAPURL parseUrl(String raw) {
            LDAPURL url;
            try {
                url = new LDAPURL(raw.strip());
            } catch (LDAPException e) {
                throw new InvalidInputException("url", "not an LDAP URL: " + e.getExceptionMessage());
            }
            String scheme = url.getScheme().toLowerCase(Locale.ROOT);
            if (!scheme.equals("ldap") && !scheme.equals("ldaps")) {
                throw new InvalidInputException(
                        "url", "must start with ldaps:// or ldap:// (StartTLS), not " + scheme + "://");
            }
            if (!url.hostProvided()) {
                throw new InvalidInputException("url", "must name the server's host: " + raw);
            }
            if (url.baseDNProvided() || url.attributesProvided() || url.scopeProvided() || url.filterProvided()) {
                throw new InvalidInputException(
                        "url",
                        "must name only a server (scheme, host, port); give the base"
                                + " DN and filters as their own settings");
            }
            URI.create(scheme + "://" + bracketed(url.getHost()) + ":" + url.getPort()); // host syntax check
            return url;
        }

        private static String bracketed(String host) {
            return host.contains(":") ? "[" + host + "]" : host;
        }

        private static DN dn(String text, String field) {
            try {
                return new DN(text);
            } catch (LDAPException e) {
                throw new InvalidInputException(field, "not a DN: " + e.getExceptionMessage());
            }
        }

        private static void positive(Duration duration, String field) {
            if (duration.isNegative() || duration.isZero() || duration.compareTo(MAX_DURATION) > 0) {
                throw new InvalidInputException(field, "must be more than 0 and at most " + MAX_DURATION);
            }
        }

        private static void notNegative(Duration duration, String field) {
            if (duration.isNegative() || duration.compareTo(MAX_DURATION) > 0) {
                throw new InvalidInputException(field, "must be between 0 and " + MAX_DURATION);
            }
        }
    }

    static boolean isLdaps(LDAPURL url) {
        return url.getScheme().equalsIgnoreCase("ldaps");
    }
}
