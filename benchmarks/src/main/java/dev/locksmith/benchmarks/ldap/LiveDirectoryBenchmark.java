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
import dev.locksmith.benchmarks.Folders;
import dev.locksmith.core.domain.Password;
import dev.locksmith.core.domain.Source;
import dev.locksmith.core.domain.Username;
import dev.locksmith.core.port.SecurityProviders.ProviderLogin;
import dev.locksmith.directory.LdapProviderSettings;
import dev.locksmith.directory.LdapSecurityProviders;
import dev.locksmith.ldap.LdifProvider;
import dev.locksmith.ldap.LdifSecurityProviders;
import dev.locksmith.ldap.ProviderKind;
import java.io.ByteArrayOutputStream;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The live directory adapter ({@code adapters-ldap}) beside the LDIF one, in the same run: claims cached and
 * uncached (a search each time) and a provider login (a search, then a simple bind as the user), over ldaps on
 * loopback with 10,000 people, against {@code server}: UnboundID's in-memory directory ({@code in-memory}, in
 * this JVM, uid indexed) or OpenLDAP ({@code slapd}: the Debian package's binary, started by the set-up on a
 * throwaway mdb database, uid indexed). The baseline is {@link LdifSecurityProviders#claimant} over an LDIF
 * file of the same people. The certificate is made at set-up by the SDK's {@code manage-certificates}. Names
 * are cycled through 1,024 pre-built usernames.
 *
 * <p>Loopback, not a network: a real directory adds its round-trip time to every uncached claim and login.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class LiveDirectoryBenchmark {

    private static final int NAMES = NameCursor.NAMES;
    private static final int USERS = 10_000;
    private static final Source.Provider CORP = new Source.Provider("corp");
    private static final String SERVICE_DN = "cn=locksmith,dc=example,dc=com";

    @Param({"in-memory", "slapd"})
    String server;

    private Path folder;
    private InMemoryDirectoryServer inMemory;
    private Process slapd;
    private LdapSecurityProviders cached;
    private LdapSecurityProviders uncached;
    private LdifSecurityProviders ldif;
    private final Username[] names = new Username[NAMES];
    private Password password;
    private Password wrongPassword;

    @Setup(Level.Trial)
    public void setUp() throws Exception {
        folder = Files.createTempDirectory("locksmith-live-ldap-bench");
        Path keyStore = folder.resolve("server.p12");
        Path certificate = folder.resolve("server.pem");
        manageCertificates(
                "generate-self-signed-certificate",
                "--keystore",
                keyStore.toString(),
                "--keystore-password",
                "changeit",
                "--keystore-type",
                "PKCS12",
                "--alias",
                "server",
                "--subject-dn",
                "CN=localhost",
                "--subject-alternative-name-dns",
                "localhost",
                "--subject-alternative-name-ip-address",
                "127.0.0.1",
                "--days-valid",
                "2");
        exportPem("export-certificate", keyStore, certificate);

        String url = server.equals("slapd") ? startSlapd(keyStore, certificate) : startInMemory(keyStore);
        Path bindPassword = Files.writeString(folder.resolve("bind"), "service-secret");
        cached = LdapSecurityProviders.builder()
                .provider(settings(url, certificate, bindPassword)
                        .positiveCacheTtl(Duration.ofHours(1))
                        .negativeCacheTtl(Duration.ofHours(1))
                        .build())
                .build();
        uncached = LdapSecurityProviders.builder()
                .provider(settings(url, certificate, bindPassword)
                        .positiveCacheTtl(Duration.ZERO)
                        .negativeCacheTtl(Duration.ZERO)
                        .build())
                .build();

        Path file = folder.resolve("users.ldif");
        Files.writeString(file, SecurityProvidersBenchmark.ldif(USERS), StandardCharsets.UTF_8);
        ldif = LdifSecurityProviders.builder()
                .provider(LdifProvider.builder("corp", ProviderKind.LDAP)
                        .ldif(file)
                        .build())
                .build();

        for (int i = 0; i < NAMES; i++) {
            names[i] = Username.of("User" + (i * 97 % USERS));
        }
        password = Password.of("password-0");
        wrongPassword = Password.of("not-the-password");
        SecurityProvidersBenchmark.check(
                cached.claimant(names[1]).isPresent()
                        && uncached.claimant(names[1]).isPresent()
                        && ldif.claimant(names[1]).isPresent(),
                "every provider claims the names");
        SecurityProvidersBenchmark.check(login().equals(new ProviderLogin.Accepted(CORP)), "the login is accepted");
        SecurityProvidersBenchmark.check(
                wrongLogin().equals(new ProviderLogin.Rejected(CORP)), "a wrong one is rejected");
        for (Username name : names) {
            cached.claimant(name); // the cached benchmark measures hits
        }
    }

    private String startInMemory(Path keyStore) throws Exception {
        InMemoryDirectoryServerConfig config = new InMemoryDirectoryServerConfig("dc=example,dc=com");
        config.setEqualityIndexAttributes("uid"); // as a real directory indexes it; else every search scans all
        SSLUtil tls = new SSLUtil(
                new KeyStoreKeyManager(keyStore.toFile(), "changeit".toCharArray(), "PKCS12", "server"), null);
        config.setListenerConfigs(InMemoryListenerConfig.createLDAPSConfig(
                "ldaps", InetAddress.getLoopbackAddress(), 0, tls.createSSLServerSocketFactory(), null));
        inMemory = new InMemoryDirectoryServer(config);
        inMemory.add(new Entry(
                "dc=example,dc=com", new Attribute("objectClass", "top", "domain"), new Attribute("dc", "example")));
        inMemory.add(new Entry(
                SERVICE_DN,
                new Attribute("objectClass", "top", "person"),
                new Attribute("cn", "locksmith"),
                new Attribute("sn", "service"),
                new Attribute("userPassword", "service-secret")));
        for (int i = 0; i < USERS; i++) {
            inMemory.add(new Entry(
                    "uid=user" + i + ",dc=example,dc=com",
                    new Attribute("objectClass", "top", "inetOrgPerson"),
                    new Attribute("uid", "User" + i),
                    new Attribute("cn", "User " + i),
                    new Attribute("sn", "User"),
                    new Attribute("mail", "user" + i + "@example.com"),
                    new Attribute("userPassword", "password-" + i)));
        }
        inMemory.startListening();
        return "ldaps://localhost:" + inMemory.getListenPort();
    }

    /** slapd from /usr/sbin (or LOCKSMITH_SLAPD), its data loaded by slapadd, in the foreground as a child. */
    private String startSlapd(Path keyStore, Path certificate) throws Exception {
        Path binary =
                Path.of(Optional.ofNullable(System.getenv("LOCKSMITH_SLAPD")).orElse("/usr/sbin/slapd"));
        if (!Files.isExecutable(binary)) {
            throw new IllegalStateException(
                    "slapd not found at " + binary + ": apt-get install -y slapd, or use -p server=in-memory");
        }
        Path key = folder.resolve("server.key");
        exportPem("export-private-key", keyStore, key);
        Files.createDirectories(folder.resolve("data"));
        Path conf = Files.writeString(folder.resolve("slapd.conf"), """
                include /etc/ldap/schema/core.schema
                include /etc/ldap/schema/cosine.schema
                include /etc/ldap/schema/inetorgperson.schema
                modulepath /usr/lib/ldap
                moduleload back_mdb
                pidfile %1$s/slapd.pid
                TLSCertificateFile %2$s
                TLSCertificateKeyFile %3$s
                database mdb
                suffix "dc=example,dc=com"
                directory %1$s/data
                maxsize 1073741824
                index objectClass eq
                index uid eq
                access to attrs=userPassword by self write by anonymous auth by * none
                access to * by users read by * none
                """.formatted(folder, certificate, key));
        StringBuilder ldif = new StringBuilder("""
                dn: dc=example,dc=com
                objectClass: dcObject
                objectClass: organization
                dc: example
                o: Example

                dn: %s
                objectClass: person
                cn: locksmith
                sn: service
                userPassword: service-secret
                """.formatted(SERVICE_DN));
        for (int i = 0; i < USERS; i++) {
            ldif.append("\ndn: uid=user")
                    .append(i)
                    .append(",dc=example,dc=com\nobjectClass: inetOrgPerson\nuid: User")
                    .append(i)
                    .append("\ncn: User ")
                    .append(i)
                    .append("\nsn: User\nmail: user")
                    .append(i)
                    .append("@example.com\nuserPassword: password-")
                    .append(i)
                    .append('\n');
        }
        Path data = Files.writeString(folder.resolve("data.ldif"), ldif);
        Process load = new ProcessBuilder(
                        binary.resolveSibling("slapadd").toString(), "-q", "-f", conf.toString(), "-l", data.toString())
                .redirectErrorStream(true)
                .redirectOutput(folder.resolve("slapadd.out").toFile())
                .start();
        if (!load.waitFor(300, TimeUnit.SECONDS) || load.exitValue() != 0) {
            throw new IllegalStateException("slapadd failed: " + Files.readString(folder.resolve("slapadd.out")));
        }
        int port;
        try (java.net.ServerSocket socket = new java.net.ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = socket.getLocalPort();
        }
        slapd = new ProcessBuilder(
                        binary.toString(), "-f", conf.toString(), "-h", "ldaps://127.0.0.1:" + port + "/", "-d", "0")
                .redirectErrorStream(true)
                .redirectOutput(folder.resolve("slapd.log").toFile())
                .start();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (true) {
            try (java.net.Socket socket = new java.net.Socket()) {
                socket.connect(new java.net.InetSocketAddress(InetAddress.getLoopbackAddress(), port), 200);
                break;
            } catch (java.io.IOException e) {
                if (!slapd.isAlive() || System.nanoTime() > deadline) {
                    throw new IllegalStateException(
                            "slapd did not start: " + Files.readString(folder.resolve("slapd.log")));
                }
                Thread.sleep(20);
            }
        }
        return "ldaps://localhost:" + port;
    }

    private static LdapProviderSettings.Builder settings(String url, Path certificate, Path bindPassword) {
        return LdapProviderSettings.builder("corp")
                .url(url)
                .trustStore(certificate)
                .bindDn(SERVICE_DN)
                .bindPasswordFile(bindPassword)
                .baseDn("dc=example,dc=com")
                .poolSize(8);
    }

    /** Exports the server's certificate or private key ({@code export-certificate}, {@code export-private-key}). */
    private static void exportPem(String export, Path keyStore, Path file) {
        manageCertificates(
                export,
                "--keystore",
                keyStore.toString(),
                "--keystore-password",
                "changeit",
                "--alias",
                "server",
                "--output-format",
                "PEM",
                "--output-file",
                file.toString());
    }

    private static void manageCertificates(String... arguments) {
        ByteArrayOutputStream output = new ByteArrayOutputStream();
        ResultCode result = ManageCertificates.main(null, output, output, arguments);
        if (result != ResultCode.SUCCESS) {
            throw new IllegalStateException(
                    "manage-certificates " + arguments[0] + " failed: " + output.toString(StandardCharsets.UTF_8));
        }
    }

    @TearDown(Level.Trial)
    public void tearDown() throws Exception {
        cached.close();
        uncached.close();
        ldif.close();
        if (inMemory != null) {
            inMemory.shutDown(true);
        }
        if (slapd != null) {
            slapd.destroy();
            slapd.waitFor(10, TimeUnit.SECONDS);
        }
        Folders.delete(folder);
    }

    /** Baseline: the LDIF provider's claim, one set lookup. */
    @Benchmark
    public Optional<Source.Provider> ldifClaim(NameCursor cursor) {
        return ldif.claimant(names[cursor.advance()]);
    }

    /** A claim answered from the positive cache. */
    @Benchmark
    public Optional<Source.Provider> liveClaimCached(NameCursor cursor) {
        return cached.claimant(names[cursor.advance()]);
    }

    /** A claim with the caches off: one search on a pooled, already bound connection. */
    @Benchmark
    public Optional<Source.Provider> liveClaimUncached(NameCursor cursor) {
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
