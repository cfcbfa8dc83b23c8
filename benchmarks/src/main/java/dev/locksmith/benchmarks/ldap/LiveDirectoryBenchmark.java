package dev.locksmith.benchmarks.ldap;

import com.unboundid.ldap.listener.InMemoryDirectoryServer;
import com.unboundid.ldap.listener.InMemoryDirectoryServerConfig;
import com.unboundid.ldap.listener.InMemoryListenerConfig;
import com.unboundid.ldap.sdk.Attribute;
import com.unboundid.ldap.sdk.Entry;
import com.unboundid.ldap.sdk.ResultCode;
import com.unboundid.util.ssl.KeyStoreKeyManager;
import com.unboundid.util.ssl.SSLUtil;
import com.unboundid.util.ssl.cert.ManageCertificates;
import dev.locksmith.core.domain.Password;
import dev.locksmith.core.domain.Source;
import dev.locksmith.core.domain.Username;
import dev.locksmith.core.port.SecurityProviders.ProviderLogin;
import dev.locksmith.directory.LdapProviderSettings;
import dev.locksmith.directory.LdapSecurityProviders;
import dev.locksmith.ldap.LdifSecurityProviders;
import dev.locksmith.ldap.ProviderKind;
import dev.locksmith.ldap.SecurityProvider;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

import java.io.ByteArrayOutputStream;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * The live directory adapter ({@code adapters-ldap}) beside the LDIF one, in the same run: claims cached and
 * uncached (a search each time) and a provider login (a search, then a simple bind as the user), against
 * UnboundID's in-memory directory over ldaps on loopback with {@code users} people; the baseline is
 * {@link LdifSecurityProviders#claimant} over an LDIF file of the same people. The certificate is made at set-up
 * by the SDK's {@code manage-certificates}. Names are cycled through 1,024 pre-built usernames.
 *
 * <p>The in-memory server answers in the JVM's own process over loopback TLS: the figures are the adapter's and
 * the SDK's cost plus a fast server's, not a network's; a real directory adds its round-trip time to every
 * uncached claim and login.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class LiveDirectoryBenchmark {

    private static final int NAMES = 1024;
    private static final int USERS = 10_000;
    private static final Source.Provider CORP = new Source.Provider("corp");
    private static final String SERVICE_DN = "cn=locksmith,dc=example,dc=com";

    private Path folder;
    private InMemoryDirectoryServer server;
    private LdapSecurityProviders cached;
    private LdapSecurityProviders uncached;
    private LdifSecurityProviders ldif;
    private final Username[] names = new Username[NAMES];
    private Password password;
    private Password wrongPassword;

    /** A per-thread position in the name array. */
    @State(Scope.Thread)
    public static class Cursor {
        int next;

        int advance() {
            next = (next + 1) & (NAMES - 1);
            return next;
        }
    }

    @Setup(Level.Trial)
    public void setUp() throws Exception {
        folder = Files.createTempDirectory("locksmith-live-ldap-bench");
        Path keyStore = folder.resolve("server.p12");
        Path certificate = folder.resolve("server.pem");
        manageCertificates("generate-self-signed-certificate", "--keystore", keyStore.toString(), "--keystore-password",
                "changeit", "--keystore-type", "PKCS12", "--alias", "server", "--subject-dn", "CN=localhost",
                "--subject-alternative-name-dns", "localhost", "--subject-alternative-name-ip-address", "127.0.0.1",
                "--days-valid", "2");
        manageCertificates("export-certificate", "--keystore", keyStore.toString(), "--keystore-password", "changeit",
                "--alias", "server", "--output-format", "PEM", "--output-file", certificate.toString());

        InMemoryDirectoryServerConfig config = new InMemoryDirectoryServerConfig("dc=example,dc=com");
        config.setEqualityIndexAttributes("uid"); // as a real directory indexes it; else every search scans all
        SSLUtil tls = new SSLUtil(new KeyStoreKeyManager(keyStore.toFile(), "changeit".toCharArray(), "PKCS12", "server"),
                null);
        config.setListenerConfigs(InMemoryListenerConfig.createLDAPSConfig("ldaps", InetAddress.getLoopbackAddress(), 0,
                tls.createSSLServerSocketFactory(), null));
        server = new InMemoryDirectoryServer(config);
        server.add(new Entry("dc=example,dc=com", new Attribute("objectClass", "top", "domain"), new Attribute("dc", "example")));
        server.add(new Entry(SERVICE_DN, new Attribute("objectClass", "top", "person"), new Attribute("cn", "locksmith"),
                new Attribute("sn", "service"), new Attribute("userPassword", "service-secret")));
        for (int i = 0; i < USERS; i++) {
            server.add(new Entry("uid=user" + i + ",dc=example,dc=com", new Attribute("objectClass", "top", "inetOrgPerson"),
                    new Attribute("uid", "User" + i), new Attribute("cn", "User " + i), new Attribute("sn", "User"),
                    new Attribute("mail", "user" + i + "@example.com"), new Attribute("userPassword", "password-" + i)));
        }
        server.startListening();
        Path bindPassword = Files.writeString(folder.resolve("bind"), "service-secret");
        String url = "ldaps://localhost:" + server.getListenPort();
        cached = LdapSecurityProviders.builder().provider(settings(url, certificate, bindPassword)
                .positiveCacheTtl(Duration.ofHours(1)).negativeCacheTtl(Duration.ofHours(1)).build()).build();
        uncached = LdapSecurityProviders.builder().provider(settings(url, certificate, bindPassword)
                .positiveCacheTtl(Duration.ZERO).negativeCacheTtl(Duration.ZERO).build()).build();

        Path file = folder.resolve("users.ldif");
        Files.writeString(file, SecurityProvidersBenchmark.ldif(USERS), StandardCharsets.UTF_8);
        ldif = LdifSecurityProviders.builder()
                .provider(SecurityProvider.builder("corp", ProviderKind.LDAP).ldif(file).build()).build();

        for (int i = 0; i < NAMES; i++) {
            names[i] = Username.of("User" + (i * 97 % USERS));
        }
        password = Password.of("password-0");
        wrongPassword = Password.of("not-the-password");
        SecurityProvidersBenchmark.check(cached.claimant(names[1]).isPresent() && uncached.claimant(names[1]).isPresent()
                && ldif.claimant(names[1]).isPresent(), "every provider claims the names");
        SecurityProvidersBenchmark.check(login().equals(new ProviderLogin.Accepted(CORP)), "the login is accepted");
        SecurityProvidersBenchmark.check(wrongLogin().equals(new ProviderLogin.Rejected(CORP)), "a wrong one is rejected");
        for (Username name : names) {
            cached.claimant(name); // the cached benchmark measures hits
        }
    }

    private static LdapProviderSettings.Builder settings(String url, Path certificate, Path bindPassword) {
        return LdapProviderSettings.builder("corp").url(url).trustStore(certificate).bindDn(SERVICE_DN)
                .bindPasswordFile(bindPassword).baseDn("dc=example,dc=com").poolSize(8);
    }

    private static void manageCertificates(String... arguments) {
        ByteArrayOutputStream output = new ByteArrayOutputStream();
        ResultCode result = ManageCertificates.main(null, output, output, arguments);
        if (result != ResultCode.SUCCESS) {
            throw new IllegalStateException("manage-certificates " + arguments[0] + " failed: "
                    + output.toString(StandardCharsets.UTF_8));
        }
    }

    @TearDown(Level.Trial)
    public void tearDown() throws Exception {
        cached.close();
        uncached.close();
        ldif.close();
        server.shutDown(true);
        try (Stream<Path> files = Files.walk(folder)) {
            for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(file);
            }
        }
    }

    /** Baseline: the LDIF provider's claim, one set lookup. */
    @Benchmark
    public Optional<Source.Provider> ldifClaim(Cursor cursor) {
        return ldif.claimant(names[cursor.advance()]);
    }

    /** A claim answered from the positive cache. */
    @Benchmark
    public Optional<Source.Provider> liveClaimCached(Cursor cursor) {
        return cached.claimant(names[cursor.advance()]);
    }

    /** A claim with the caches off: one search on a pooled, already bound connection. */
    @Benchmark
    public Optional<Source.Provider> liveClaimUncached(Cursor cursor) {
        return uncached.claimant(names[cursor.advance()]);
    }

    /** A provider login: a search for the DN, then a simple bind as the user on the bind pool. */
    @Benchmark
    public ProviderLogin liveBindLogin() {
        return login();
    }

    /** A provider login with a wrong password: search, bind refused. */
    @Benchmark
    public ProviderLogin liveBindLoginWrongPassword() {
        return wrongLogin();
    }

    private ProviderLogin login() {
        return uncached.authenticate(CORP, Username.of("user0"), password);
    }

    private ProviderLogin wrongLogin() {
        return uncached.authenticate(CORP, Username.of("user0"), wrongPassword);
    }
}
