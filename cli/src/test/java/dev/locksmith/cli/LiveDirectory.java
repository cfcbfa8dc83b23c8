package dev.locksmith.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.unboundid.ldap.listener.InMemoryDirectoryServer;
import com.unboundid.ldap.listener.InMemoryDirectoryServerConfig;
import com.unboundid.ldap.listener.InMemoryListenerConfig;
import com.unboundid.ldap.sdk.Attribute;
import com.unboundid.ldap.sdk.Entry;
import com.unboundid.util.ssl.KeyStoreKeyManager;
import com.unboundid.util.ssl.SSLUtil;
import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A live directory for {@code --ldap NAME:FILE}: UnboundID's in-memory directory listening over ldaps on
 * loopback, with a certificate from a CA made by openssl for this run, holding the service account and alice
 * under dc=example,dc=com; and its settings file, which takes the service password from the variable
 * LOCKSMITH_LDAP_PASSWORD.
 */
final class LiveDirectory implements AutoCloseable {
    static final String SERVICE_DN = "cn=locksmith,dc=example,dc=com";
    static final String SERVICE_PASSWORD = "service-secret-cli-1";

    final InMemoryDirectoryServer server;
    /** The settings file. */
    final Path config;

    private final Path dir;

    /** Makes the certificates and the settings file in {@code dir}, and starts the directory. */
    LiveDirectory(Path dir) throws Exception {
        this.dir = dir;
        request(
                "-x509",
                "-keyout",
                "ca.key",
                "-out",
                "ca.pem",
                "-days",
                "2",
                "-subj",
                "/CN=cli test CA",
                "-addext",
                "basicConstraints=critical,CA:TRUE",
                "-addext",
                "keyUsage=critical,keyCertSign");
        Files.writeString(
                dir.resolve("ext"), "subjectAltName=DNS:localhost,IP:127.0.0.1\nextendedKeyUsage=serverAuth\n");
        request("-keyout", "server.key", "-out", "server.csr", "-subj", "/CN=localhost");
        run(
                "openssl",
                "x509",
                "-req",
                "-in",
                "server.csr",
                "-CA",
                "ca.pem",
                "-CAkey",
                "ca.key",
                "-CAcreateserial",
                "-out",
                "server.pem",
                "-days",
                "2",
                "-extfile",
                "ext");
        run(
                "openssl",
                "pkcs12",
                "-export",
                "-inkey",
                "server.key",
                "-in",
                "server.pem",
                "-name",
                "server",
                "-out",
                "server.p12",
                "-passout",
                "pass:changeit");
        InMemoryDirectoryServerConfig settings = new InMemoryDirectoryServerConfig("dc=example,dc=com");
        SSLUtil tls = new SSLUtil(
                new KeyStoreKeyManager(
                        dir.resolve("server.p12").toFile(), "changeit".toCharArray(), "PKCS12", "server"),
                null);
        settings.setListenerConfigs(InMemoryListenerConfig.createLDAPSConfig(
                "ldaps", InetAddress.getLoopbackAddress(), 0, tls.createSSLServerSocketFactory(), null));
        server = new InMemoryDirectoryServer(settings);
        server.add(new Entry(
                "dc=example,dc=com", new Attribute("objectClass", "top", "domain"), new Attribute("dc", "example")));
        server.add(new Entry(
                SERVICE_DN,
                new Attribute("objectClass", "top", "person"),
                new Attribute("cn", "locksmith"),
                new Attribute("sn", "service"),
                new Attribute("userPassword", SERVICE_PASSWORD)));
        server.add(new Entry(
                "uid=alice,dc=example,dc=com",
                new Attribute("objectClass", "top", "inetOrgPerson"),
                new Attribute("uid", "alice"),
                new Attribute("cn", "Alice"),
                new Attribute("sn", "Liddell"),
                new Attribute("userPassword", "alice-directory-password")));
        server.startListening();
        config = Files.writeString(dir.resolve("corp.properties"), """
                # the appliance's directory settings
                url = ldaps://localhost:%d
                bind-dn = %s
                bind-password-env = LOCKSMITH_LDAP_PASSWORD
                base-dn = dc=example,dc=com
                user-filter = (uid={0})
                trust-store = ca.pem
                connect-timeout = 2s
                response-timeout = 2s
                """.formatted(server.getListenPort(), SERVICE_DN));
    }

    /** The command line on a store in the folder, with the directory as provider "corp" and its service password set. */
    Cli cli() {
        return new Cli(dir.resolve("data"))
                .with("--ldap", "corp:" + config)
                .variable("LOCKSMITH_LDAP_PASSWORD", SERVICE_PASSWORD);
    }

    @Override
    public void close() {
        server.shutDown(true);
    }

    /** {@code openssl req} with a new, unencrypted P-256 key, and {@code args}. */
    private void request(String... args) throws Exception {
        List<String> command = new ArrayList<>(
                List.of("openssl", "req", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:P-256", "-nodes"));
        command.addAll(List.of(args));
        run(command.toArray(String[]::new));
    }

    private void run(String... command) throws Exception {
        Process process = new ProcessBuilder(command)
                .directory(dir.toFile())
                .redirectErrorStream(true)
                .redirectOutput(dir.resolve("openssl.out").toFile())
                .start();
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue())
                .as(Files.readString(dir.resolve("openssl.out")))
                .isZero();
    }
}
