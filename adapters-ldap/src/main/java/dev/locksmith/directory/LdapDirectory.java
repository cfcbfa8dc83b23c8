package dev.locksmith.directory;

import com.google.common.cache.Cache;
import com.google.common.cache.CacheBuilder;
import com.unboundid.ldap.sdk.BindRequest;
import com.unboundid.ldap.sdk.FailoverServerSet;
import com.unboundid.ldap.sdk.Filter;
import com.unboundid.ldap.sdk.LDAPConnection;
import com.unboundid.ldap.sdk.LDAPConnectionOptions;
import com.unboundid.ldap.sdk.LDAPConnectionPool;
import com.unboundid.ldap.sdk.LDAPException;
import com.unboundid.ldap.sdk.LDAPSearchException;
import com.unboundid.ldap.sdk.LDAPURL;
import com.unboundid.ldap.sdk.PostConnectProcessor;
import com.unboundid.ldap.sdk.ResultCode;
import com.unboundid.ldap.sdk.SearchRequest;
import com.unboundid.ldap.sdk.SearchResult;
import com.unboundid.ldap.sdk.SearchResultEntry;
import com.unboundid.ldap.sdk.SearchScope;
import com.unboundid.ldap.sdk.ServerSet;
import com.unboundid.ldap.sdk.SimpleBindRequest;
import com.unboundid.ldap.sdk.SingleServerSet;
import com.unboundid.ldap.sdk.StartTLSPostConnectProcessor;
import com.unboundid.util.ssl.HostNameSSLSocketVerifier;
import com.unboundid.util.ssl.JVMDefaultTrustManager;
import com.unboundid.util.ssl.PEMFileTrustManager;
import com.unboundid.util.ssl.SSLUtil;
import com.unboundid.util.ssl.TrustStoreTrustManager;
import dev.locksmith.core.domain.InvalidInputException;
import dev.locksmith.core.domain.Password;
import dev.locksmith.core.domain.Reason;
import dev.locksmith.core.domain.UnavailableException;
import dev.locksmith.core.port.SecurityProviders.ProviderLogin;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import javax.net.SocketFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManager;

/**
 * One live directory: a pool of connections bound as the service account (searches), a pool of connections
 * used only for users' binds, and the claim caches. Thread-safe.
 */
final class LdapDirectory implements AutoCloseable {
    private static final System.Logger LOG = System.getLogger(LdapSecurityProviders.class.getName());

    /** Answers that say the directory did not really answer: an outage, not a refused password. */
    private static final Set<ResultCode> OUTAGES = Set.of(
            ResultCode.BUSY,
            ResultCode.UNAVAILABLE,
            ResultCode.TIMEOUT,
            ResultCode.TIME_LIMIT_EXCEEDED,
            ResultCode.ADMIN_LIMIT_EXCEEDED,
            ResultCode.OTHER,
            ResultCode.LOCAL_ERROR,
            ResultCode.OPERATIONS_ERROR,
            ResultCode.UNAVAILABLE_CRITICAL_EXTENSION,
            ResultCode.PROTOCOL_ERROR,
            ResultCode.CONNECT_ERROR,
            ResultCode.SERVER_DOWN,
            ResultCode.CANCELED);

    private static final PostConnectProcessor NOTHING_AFTER_CONNECT = new PostConnectProcessor() {
        @Override
        public void processPreAuthenticatedConnection(LDAPConnection connection) {}

        @Override
        public void processPostAuthenticatedConnection(LDAPConnection connection) {}
    };

    /** What a search for one username found. */
    enum Found {
        NONE,
        ONE,
        SEVERAL
    }

    /** A search's outcome: how many entries, and the DN when exactly one. */
    record Lookup(Found found, Optional<String> dn) {}

    private final LdapProviderSettings settings;
    private final LDAPConnectionPool searches;
    private final LDAPConnectionPool binds;
    private final Cache<String, Boolean> claimed;
    private final Cache<String, Boolean> unclaimed;
    private final AtomicBoolean reachable = new AtomicBoolean(true);

    private LdapDirectory(LdapProviderSettings settings, LDAPConnectionPool searches, LDAPConnectionPool binds) {
        this.settings = settings;
        this.searches = searches;
        this.binds = binds;
        this.claimed = cache(settings.positiveCacheTtl(), settings.cacheSize());
        this.unclaimed = cache(settings.negativeCacheTtl(), settings.cacheSize());
    }

    /**
     * Reads the bind password and trust store and creates the pools; connections are opened on first use, so
     * a directory down at start-up is reported by the first claim, not here.
     *
     * @throws InvalidInputException when the bind password or the trust store cannot be read
     */
    static LdapDirectory open(LdapProviderSettings settings) {
        SSLContext tls = tls(settings);
        LDAPConnectionOptions options = new LDAPConnectionOptions();
        options.setConnectTimeoutMillis(
                Math.toIntExact(settings.connectTimeout().toMillis()));
        options.setResponseTimeoutMillis(settings.responseTimeout().toMillis());
        options.setBindWithDNRequiresPassword(true); // refuses RFC 4513 unauthenticated binds client-side too
        options.setFollowReferrals(false);
        options.setAbandonOnTimeout(true);
        if (settings.hostnameVerification()) {
            options.setSSLSocketVerifier(new HostNameSSLSocketVerifier(true));
        }
        byte[] password = secret(settings.bindPassword(), "bindPassword");
        BindRequest service = new SimpleBindRequest(settings.bindDn(), password);
        LDAPConnectionPool searches = null;
        try {
            searches = pool(settings, servers(settings, tls, options, service), service);
            LDAPConnectionPool binds = pool(settings, servers(settings, tls, options, null), null);
            return new LdapDirectory(settings, searches, binds);
        } catch (LDAPException e) {
            if (searches != null) {
                searches.close();
            }
            throw new UnavailableException(
                    Reason.PROVIDER_UNREACHABLE,
                    settings.name() + ": cannot set up the connection pools (" + e.getResultCode() + ")",
                    null);
        }
    }

    private static ServerSet servers(
            LdapProviderSettings settings, SSLContext tls, LDAPConnectionOptions options, BindRequest bind) {
        List<ServerSet> servers = new ArrayList<>();
        for (LDAPURL url : settings.ldapUrls()) {
            SocketFactory sockets = LdapProviderSettings.isLdaps(url) ? tls.getSocketFactory() : null;
            // ldaps needs nothing after connecting; it still gets a processor (one that does nothing), because
            // a failover set takes servers that all have one or none have.
            PostConnectProcessor startTls =
                    LdapProviderSettings.isLdaps(url) ? NOTHING_AFTER_CONNECT : new StartTLSPostConnectProcessor(tls);
            servers.add(new SingleServerSet(url.getHost(), url.getPort(), sockets, options, bind, startTls));
        }
        if (servers.size() == 1) {
            return servers.get(0);
        }
        FailoverServerSet failover = new FailoverServerSet(servers);
        failover.setReOrderOnFailover(false);
        return failover;
    }

    private static LDAPConnectionPool pool(LdapProviderSettings settings, ServerSet servers, BindRequest bind)
            throws LDAPException {
        LDAPConnectionPool pool = new LDAPConnectionPool(servers, bind, 0, settings.poolSize(), null, false);
        pool.setConnectionPoolName("locksmith-" + settings.name());
        pool.setCreateIfNecessary(false); // bounded: wait for a connection rather than open one more
        pool.setMaxWaitTimeMillis(settings.responseTimeout().toMillis());
        pool.setRetryFailedOperationsDueToInvalidConnections(EnumSet.of(com.unboundid.ldap.sdk.OperationType.SEARCH));
        // Connections age out, so that after a failover the pool comes back to the first server.
        pool.setMaxConnectionAgeMillis(TimeUnit.MINUTES.toMillis(10));
        return pool;
    }

    private static SSLContext tls(LdapProviderSettings settings) {
        TrustManager trust = JVMDefaultTrustManager.getInstance();
        if (settings.trustStore().isPresent()) {
            Path store = settings.trustStore().get();
            String name = store.getFileName().toString().toLowerCase(Locale.ROOT);
            try {
                if (!Files.isReadable(store)) {
                    throw new InvalidInputException("trustStore", store + " cannot be read");
                }
                if (name.endsWith(".p12") || name.endsWith(".pfx") || name.endsWith(".jks")) {
                    char[] pin = settings.trustStorePassword()
                            .map(source -> new String(secret(source, "trustStorePassword"), StandardCharsets.UTF_8)
                                    .toCharArray())
                            .orElse(null);
                    trust = new TrustStoreTrustManager(
                            store.toFile(), pin, name.endsWith(".jks") ? "JKS" : "PKCS12", true);
                } else {
                    trust = new PEMFileTrustManager(store.toFile());
                }
            } catch (GeneralSecurityException e) {
                throw new InvalidInputException(
                        "trustStore",
                        store + " holds no usable certificate (" + e.getClass().getSimpleName() + ")");
            }
        }
        try {
            return new SSLUtil(trust).createSSLContext();
        } catch (GeneralSecurityException e) {
            throw new InvalidInputException(
                    "trustStore", "cannot set up TLS (" + e.getClass().getSimpleName() + ")");
        }
    }

    /** The secret's bytes (UTF-8), a final line break removed. */
    static byte[] secret(LdapProviderSettings.PasswordSource source, String field) {
        byte[] bytes;
        if (source instanceof LdapProviderSettings.PasswordSource.File file) {
            try {
                bytes = Files.readAllBytes(file.path());
            } catch (IOException e) {
                throw new InvalidInputException(
                        field,
                        "cannot read " + file.path() + " (" + e.getClass().getSimpleName() + ")");
            }
            int end = bytes.length;
            if (end > 0 && bytes[end - 1] == '\n') {
                end--;
                if (end > 0 && bytes[end - 1] == '\r') {
                    end--;
                }
            }
            if (end != bytes.length) {
                byte[] trimmed = Arrays.copyOf(bytes, end);
                Arrays.fill(bytes, (byte) 0);
                bytes = trimmed;
            }
        } else {
            LdapProviderSettings.PasswordSource.Variable variable =
                    (LdapProviderSettings.PasswordSource.Variable) source;
            String value = variable.environment().apply(variable.name());
            if (value == null) {
                throw new InvalidInputException(field, "environment variable " + variable.name() + " is not set");
            }
            bytes = value.getBytes(StandardCharsets.UTF_8);
        }
        if (bytes.length == 0) {
            throw new InvalidInputException(field, "is empty (" + source + ")");
        }
        return bytes;
    }

    private static Cache<String, Boolean> cache(java.time.Duration ttl, int size) {
        return CacheBuilder.newBuilder()
                .maximumSize(ttl.isZero() ? 0 : size)
                .expireAfterWrite(ttl)
                .build();
    }

    LdapProviderSettings settings() {
        return settings;
    }

    /**
     * Whether this directory holds the canonical username (an entry matches the user filter and the group
     * filter): from the cache, else by a search.
     *
     * @throws UnavailableException with {@link Reason#PROVIDER_UNREACHABLE} when the directory cannot answer
     */
    boolean claims(String username) {
        if (claimed.getIfPresent(username) != null) {
            return true;
        }
        if (unclaimed.getIfPresent(username) != null) {
            return false;
        }
        Lookup lookup;
        try {
            lookup = find(settings.userFilterFor(username));
        } catch (LDAPException e) {
            throw unreachable(e);
        }
        // Several entries for one name: the directory manages it, ambiguously; claimed (the stricter answer).
        boolean claims = lookup.found() != Found.NONE;
        (claims ? claimed : unclaimed).put(username, Boolean.TRUE);
        return claims;
    }

    /**
     * Checks a password by binding as the user's entry: search with the service account (user, group and not
     * disabled), then a simple bind as the entry found, on a connection of the bind pool.
     */
    ProviderLogin authenticate(String username, Password password) {
        if (password.codePointCount() == 0) {
            return new ProviderLogin.Rejected(settings.provider()); // RFC 4513: an empty password binds anonymously
        }
        Filter filter = settings.userFilterFor(username);
        if (settings.disabledFilterValue().isPresent()) {
            filter = Filter.createANDFilter(
                    filter,
                    Filter.createNOTFilter(settings.disabledFilterValue().get()));
        }
        Lookup lookup;
        try {
            lookup = find(filter);
        } catch (LDAPException e) {
            logOutage(e);
            return new ProviderLogin.Unreachable(settings.provider());
        }
        if (lookup.found() == Found.SEVERAL) {
            LOG.log(
                    System.Logger.Level.WARNING,
                    "{0}: several directory entries match one username; login refused",
                    settings.name());
        }
        if (lookup.found() != Found.ONE) {
            return new ProviderLogin.Rejected(settings.provider());
        }
        markReachable();
        return bind(lookup.dn().orElseThrow(), password);
    }

    private ProviderLogin bind(String dn, Password password) {
        byte[] secret = password.toUtf8();
        try {
            // A pooled connection may have died since its last use (the server restarted): a bind that fails on
            // the connection itself got no verdict, so it is tried once more on a fresh connection.
            for (int attempt = 1; ; attempt++) {
                LDAPConnection connection;
                try {
                    connection = binds.getConnection();
                } catch (LDAPException e) {
                    logOutage(e);
                    return new ProviderLogin.Unreachable(settings.provider());
                }
                try {
                    // The request keeps the array, not a copy: wiped below once the bind is answered.
                    connection.bind(new SimpleBindRequest(dn, secret));
                    binds.releaseConnection(connection);
                    markReachable();
                    return new ProviderLogin.Accepted(settings.provider());
                } catch (LDAPException e) {
                    boolean usable = ResultCode.isConnectionUsable(e.getResultCode());
                    if (usable) {
                        binds.releaseConnection(connection);
                    } else {
                        binds.releaseDefunctConnection(connection);
                        if (attempt == 1) {
                            continue;
                        }
                    }
                    if (isOutage(e.getResultCode())) {
                        logOutage(e);
                        return new ProviderLogin.Unreachable(settings.provider());
                    }
                    return new ProviderLogin.Rejected(settings.provider());
                }
            }
        } finally {
            Arrays.fill(secret, (byte) 0);
        }
    }

    /**
     * The search on the pool. A search that fails because its server went away is tried once more: the pool has
     * already retried it on one replacement connection, but right after a failover other pooled connections may
     * still point at the server that went down (its listener closing), and the next one reaches the next URL.
     */
    private SearchResult search(SearchRequest request) throws LDAPSearchException {
        try {
            return searches.search(request);
        } catch (LDAPSearchException e) {
            if (!isOutage(e.getResultCode())) {
                throw e;
            }
            return searches.search(request);
        }
    }

    /** The entries matching {@code filter} under the base DN: none, one (with its DN) or several. */
    Lookup find(Filter filter) throws LDAPException {
        SearchRequest request =
                new SearchRequest(settings.baseDn(), SearchScope.SUB, filter, SearchRequest.NO_ATTRIBUTES);
        request.setSizeLimit(2);
        request.setTimeLimitSeconds((int) Math.max(1, settings.responseTimeout().toSeconds()));
        request.setResponseTimeoutMillis(settings.responseTimeout().toMillis());
        SearchResult result;
        try {
            result = search(request);
        } catch (LDAPSearchException e) {
            if (e.getResultCode().equals(ResultCode.SIZE_LIMIT_EXCEEDED)) {
                return new Lookup(Found.SEVERAL, Optional.empty());
            }
            if (e.getResultCode().equals(ResultCode.NO_SUCH_OBJECT)) {
                LOG.log(
                        System.Logger.Level.WARNING,
                        "{0}: the base DN {1} does not exist in the directory",
                        settings.name(),
                        settings.baseDn());
            }
            throw e;
        }
        markReachable();
        List<SearchResultEntry> entries = result.getSearchEntries();
        return switch (entries.size()) {
            case 0 -> new Lookup(Found.NONE, Optional.empty());
            case 1 -> new Lookup(Found.ONE, Optional.of(entries.get(0).getDN()));
            default -> new Lookup(Found.SEVERAL, Optional.empty());
        };
    }

    /**
     * Connects and binds as the service account (a fresh connection of the search pool) and, when a username
     * is given, looks it up, bypassing the caches.
     *
     * @throws UnavailableException with {@link Reason#PROVIDER_UNREACHABLE} naming the failure
     */
    ProbeReport probe(Optional<String> username) {
        String server;
        try {
            LDAPConnection connection = searches.getConnection();
            server = connection.getConnectedAddress() + ":" + connection.getConnectedPort();
            searches.releaseConnection(connection);
        } catch (LDAPException e) {
            throw new UnavailableException(
                    Reason.PROVIDER_UNREACHABLE,
                    "security provider " + settings.name()
                            + ": cannot connect and bind as " + settings.bindDn() + " (" + e.getResultCode() + ": "
                            + e.getExceptionMessage() + ")",
                    null);
        }
        if (username.isEmpty()) {
            return new ProbeReport(settings.name(), server, settings.bindDn(), Optional.empty(), List.of(), false);
        }
        try {
            Filter filter = settings.userFilterFor(username.get());
            List<String> dns = new ArrayList<>();
            SearchRequest request =
                    new SearchRequest(settings.baseDn(), SearchScope.SUB, filter, SearchRequest.NO_ATTRIBUTES);
            request.setSizeLimit(10);
            try {
                for (SearchResultEntry entry : searches.search(request).getSearchEntries()) {
                    dns.add(entry.getDN());
                }
            } catch (LDAPSearchException e) {
                if (!e.getResultCode().equals(ResultCode.SIZE_LIMIT_EXCEEDED)) {
                    throw e;
                }
                e.getSearchEntries().forEach(entry -> dns.add(entry.getDN()));
            }
            boolean disabled = false;
            if (dns.size() == 1 && settings.disabledFilterValue().isPresent()) {
                disabled = find(Filter.createANDFilter(
                                        filter, settings.disabledFilterValue().get()))
                                .found()
                        != Found.NONE;
            }
            return new ProbeReport(settings.name(), server, settings.bindDn(), username, List.copyOf(dns), disabled);
        } catch (LDAPException e) {
            throw new UnavailableException(
                    Reason.PROVIDER_UNREACHABLE,
                    "security provider " + settings.name() + ": the search failed (" + e.getResultCode() + ": "
                            + e.getExceptionMessage() + ")",
                    null);
        }
    }

    /** Forgets every cached answer. */
    void invalidateCaches() {
        claimed.invalidateAll();
        unclaimed.invalidateAll();
    }

    private UnavailableException unreachable(LDAPException e) {
        logOutage(e);
        return new UnavailableException(
                Reason.PROVIDER_UNREACHABLE,
                "security provider " + settings.name() + " cannot be reached (" + e.getResultCode() + ")",
                null);
    }

    private static boolean isOutage(ResultCode code) {
        return OUTAGES.contains(code) || !ResultCode.isConnectionUsable(code);
    }

    private void logOutage(LDAPException e) {
        // Once per outage at WARNING, then quietly until the directory answers again.
        if (reachable.compareAndSet(true, false)) {
            LOG.log(
                    System.Logger.Level.WARNING,
                    "{0}: the directory cannot be reached ({1}: {2})",
                    settings.name(),
                    e.getResultCode(),
                    e.getDiagnosticMessage() == null ? "no diagnostic" : e.getDiagnosticMessage());
        } else {
            LOG.log(
                    System.Logger.Level.DEBUG,
                    "{0}: the directory cannot be reached ({1})",
                    settings.name(),
                    e.getResultCode());
        }
    }

    private void markReachable() {
        if (reachable.compareAndSet(false, true)) {
            LOG.log(System.Logger.Level.INFO, "{0}: the directory answers again", settings.name());
        }
    }

    @Override
    public void close() {
        searches.close();
        binds.close();
    }
}
