package dev.locksmith.directory;

import static dev.locksmith.directory.ExampleTree.BASE;
import static dev.locksmith.directory.ExampleTree.PEOPLE;
import static dev.locksmith.directory.ExampleTree.SERVICE_DN;

import com.unboundid.ldap.listener.InMemoryDirectoryServer;
import com.unboundid.ldap.listener.InMemoryDirectoryServerConfig;
import com.unboundid.ldap.listener.InMemoryListenerConfig;
import com.unboundid.ldap.sdk.Attribute;
import com.unboundid.ldap.sdk.Entry;
import com.unboundid.ldap.sdk.LDAPException;
import com.unboundid.util.ssl.KeyStoreKeyManager;
import com.unboundid.util.ssl.SSLUtil;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.util.ArrayList;
import java.util.List;

/**
 * UnboundID's in-memory directory server, on loopback, with two TLS listeners: {@code ldaps} and {@code ldap}
 * (StartTLS), each on a port fixed at creation so that a stopped listener comes back on the same one. Holds
 * {@code dc=example,dc=com} with {@code ou=people}, {@code ou=services} and the service account
 * {@code cn=locksmith,ou=services,dc=example,dc=com} (password {@link #SERVICE_PASSWORD}).
 */
final class InMemoryDirectory implements AutoCloseable {
    static final String SERVICE_PASSWORD = "service-secret-1";

    private static TestCertificates ca;
    private static TestCertificates.Server certificate;

    private final InMemoryDirectoryServer server;

    private InMemoryDirectory(InMemoryDirectoryServer server) {
        this.server = server;
    }

    /** The test CA (one per JVM). */
    static synchronized TestCertificates ca() {
        if (ca == null) {
            ca = TestCertificates.authority("Locksmith in-memory test CA");
            certificate = ca.server("localhost", "localhost", "127.0.0.1");
        }
        return ca;
    }

    static synchronized TestCertificates.Server certificate() {
        ca();
        return certificate;
    }

    /** Starts a server whose certificate is {@code serverCertificate}. */
    static InMemoryDirectory start(TestCertificates.Server serverCertificate) {
        try {
            InMemoryDirectoryServerConfig config = new InMemoryDirectoryServerConfig(BASE);
            SSLUtil serverTls = new SSLUtil(
                    new KeyStoreKeyManager(
                            serverCertificate.keyStore().toFile(),
                            TestCertificates.KEY_STORE_PASSWORD,
                            "PKCS12",
                            "server"),
                    null);
            InetAddress loopback = InetAddress.getLoopbackAddress();
            config.setListenerConfigs(
                    InMemoryListenerConfig.createLDAPSConfig(
                            "ldaps", loopback, freePort(), serverTls.createSSLServerSocketFactory(), null),
                    InMemoryListenerConfig.createLDAPConfig(
                            "ldap", loopback, freePort(), serverTls.createSSLSocketFactory()));
            InMemoryDirectoryServer server = new InMemoryDirectoryServer(config);
            server.add(new Entry(BASE, new Attribute("objectClass", "top", "domain"), new Attribute("dc", "example")));
            server.add(new Entry(
                    PEOPLE, new Attribute("objectClass", "top", "organizationalUnit"), new Attribute("ou", "people")));
            server.add(new Entry(
                    ExampleTree.SERVICES,
                    new Attribute("objectClass", "top", "organizationalUnit"),
                    new Attribute("ou", "services")));
            server.add(new Entry(
                    SERVICE_DN,
                    new Attribute("objectClass", "top", "person"),
                    new Attribute("cn", "locksmith"),
                    new Attribute("sn", "service"),
                    new Attribute("userPassword", SERVICE_PASSWORD)));
            server.startListening();
            return new InMemoryDirectory(server);
        } catch (LDAPException | GeneralSecurityException e) {
            throw new IllegalStateException("could not start the in-memory directory", e);
        }
    }

    /** Starts a server with the shared test certificate (for localhost and 127.0.0.1). */
    static InMemoryDirectory start() {
        return start(certificate());
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Adds a person under {@code ou=people}: {@code uid}, a password (none when null) and more attributes. */
    InMemoryDirectory person(String uid, String password, Attribute... more) {
        List<Attribute> attributes = new ArrayList<>(List.of(
                new Attribute("objectClass", "top", "person", "organizationalPerson", "inetOrgPerson"),
                new Attribute("uid", uid),
                new Attribute("cn", uid),
                new Attribute("sn", uid)));
        if (password != null) {
            attributes.add(new Attribute("userPassword", password));
        }
        attributes.addAll(List.of(more));
        try {
            server.add(new Entry(dn(uid), attributes));
        } catch (LDAPException e) {
            throw new IllegalStateException("could not add " + uid, e);
        }
        return this;
    }

    /** Deletes a person added by {@link #person}. */
    void delete(String uid) throws LDAPException {
        server.delete(dn(uid));
    }

    /** The DN of a person added by {@link #person}. */
    static String dn(String uid) {
        try {
            return new com.unboundid.ldap.sdk.DN(
                            new com.unboundid.ldap.sdk.RDN("cn", uid), new com.unboundid.ldap.sdk.DN(PEOPLE))
                    .toString();
        } catch (LDAPException e) {
            throw new IllegalStateException(e);
        }
    }

    InMemoryDirectoryServer server() {
        return server;
    }

    String ldapsUrl() {
        return "ldaps://localhost:" + server.getListenPort("ldaps");
    }

    String startTlsUrl() {
        return "ldap://localhost:" + server.getListenPort("ldap");
    }

    /** Stops both listeners and drops every open connection: the directory is down. */
    void stopListening() {
        server.shutDown(true);
    }

    /** Listens again on the same ports. */
    void startListening() throws LDAPException {
        server.startListening();
    }

    /** A provider's settings for this server, through {@code url}, with the bind password in a file. */
    LdapProviderSettings.Builder settings(String name, String url, Path passwordFile) {
        try {
            Files.writeString(passwordFile, SERVICE_PASSWORD + "\n");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return LdapProviderSettings.builder(name)
                .url(url)
                .trustStore(ca().certificate())
                .bindDn(SERVICE_DN)
                .bindPasswordFile(passwordFile)
                .baseDn(BASE)
                .connectTimeout(java.time.Duration.ofSeconds(2))
                .responseTimeout(java.time.Duration.ofSeconds(2));
    }

    @Override
    public void close() {
        server.shutDown(true);
    }
}
