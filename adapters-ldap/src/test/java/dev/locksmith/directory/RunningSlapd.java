package dev.locksmith.directory;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Stream;

/**
 * A throwaway OpenLDAP server for tests, from the distribution's {@code slapd} (Debian package {@code slapd};
 * {@code .ci/run} installs it): a {@code slapd.conf} generated into a fresh temporary directory (schemas core,
 * cosine, inetOrgPerson; an {@code mdb} database for {@code dc=example,dc=com}; the ppolicy overlay with a
 * default policy that enforces {@code pwdAccountLockedTime}; ACLs that let only bound users read and nobody
 * read passwords), data loaded with {@code slapadd}, TLS from a certificate the given test CA issues for
 * {@code 127.0.0.1} only (so {@code localhost} is a host name it does not name), and two loopback listeners: {@code ldap://} (StartTLS) and {@code ldaps://}, on ports fixed
 * at creation so that {@link #stop()} then {@link #start()} brings the same server back. slapd runs in the
 * foreground ({@code -d}) as a child process, as the JVM's user (root is fine for slapd).
 * {@link #close()} stops it and deletes the directory; a shutdown hook does the same if the JVM ends first.
 */
final class RunningSlapd implements AutoCloseable {
    static final String SERVICE_PASSWORD = "slapd-service-secret-1";

    private final Path slapd;
    private final Path directory;
    private final int ldapPort;
    private final int ldapsPort;
    private final AtomicBoolean closed = new AtomicBoolean();
    private Process process;

    private RunningSlapd(Path slapd, Path directory, int ldapPort, int ldapsPort) {
        this.slapd = slapd;
        this.directory = directory;
        this.ldapPort = ldapPort;
        this.ldapsPort = ldapsPort;
    }

    /**
     * Creates the directory and configuration, loads the base entries and {@code people} (an LDIF fragment of
     * entries under {@link ExampleTree#PEOPLE}), and starts the server.
     *
     * @throws IllegalStateException saying how to install slapd when it is missing: the tests fail, never skip
     */
    static RunningSlapd start(TestCertificates ca, String people) {
        Path slapd = binary();
        try {
            Path directory = Files.createTempDirectory("locksmith-slapd-");
            Files.createDirectories(directory.resolve("data"));
            TestCertificates.Server certificate = ca.server("slapd", "127.0.0.1");
            RunningSlapd server = new RunningSlapd(slapd, directory, freePort(), freePort());
            Files.writeString(directory.resolve("slapd.conf"), server.configuration(ca.certificate(), certificate));
            Files.writeString(directory.resolve("data.ldif"), BASE_ENTRIES + "\n" + people);
            server.run(List.of(
                    slapdTool("slapadd").toString(),
                    "-f",
                    directory.resolve("slapd.conf").toString(),
                    "-l",
                    directory.resolve("data.ldif").toString()));
            Runtime.getRuntime().addShutdownHook(new Thread(server::close, "locksmith-slapd-stop"));
            server.start();
            return server;
        } catch (IOException e) {
            throw new UncheckedIOException("could not prepare a slapd directory", e);
        }
    }

    private static Path binary() {
        String override = System.getenv("LOCKSMITH_SLAPD");
        Path path = Path.of(override != null ? override : "/usr/sbin/slapd");
        if (!Files.isExecutable(path)) {
            throw new IllegalStateException(
                    "OpenLDAP's slapd not found at " + path + ". The live-directory tests "
                            + "need it: run .ci/run (it installs it), or install the distribution's packages "
                            + "(DEBIAN_FRONTEND=noninteractive apt-get install -y slapd ldap-utils), or point LOCKSMITH_SLAPD at it.");
        }
        return path;
    }

    private static Path slapdTool(String name) {
        // slapadd and the other tools are slapd itself under another name, next to it or in /usr/sbin.
        Path sibling = binary().resolveSibling(name);
        return Files.isExecutable(sibling) ? sibling : Path.of("/usr/sbin", name);
    }

    private static final String BASE_ENTRIES = """
            dn: dc=example,dc=com
            objectClass: dcObject
            objectClass: organization
            dc: example
            o: Example

            dn: ou=people,dc=example,dc=com
            objectClass: organizationalUnit
            ou: people

            dn: ou=services,dc=example,dc=com
            objectClass: organizationalUnit
            ou: services

            dn: cn=locksmith,ou=services,dc=example,dc=com
            objectClass: person
            cn: locksmith
            sn: service
            userPassword: %s

            dn: ou=policies,dc=example,dc=com
            objectClass: organizationalUnit
            ou: policies

            dn: cn=default,ou=policies,dc=example,dc=com
            objectClass: organizationalRole
            objectClass: pwdPolicy
            cn: default
            pwdAttribute: userPassword
            pwdLockout: TRUE
            pwdMaxFailure: 100
            """.formatted(SERVICE_PASSWORD);

    private String configuration(Path caCertificate, TestCertificates.Server certificate) {
        return """
                include /etc/ldap/schema/core.schema
                include /etc/ldap/schema/cosine.schema
                include /etc/ldap/schema/inetorgperson.schema
                modulepath /usr/lib/ldap
                moduleload back_mdb
                moduleload ppolicy
                pidfile %1$s/slapd.pid
                TLSCACertificateFile %2$s
                TLSCertificateFile %3$s
                TLSCertificateKeyFile %4$s
                database mdb
                suffix "dc=example,dc=com"
                rootdn "cn=admin,dc=example,dc=com"
                directory %1$s/data
                maxsize 104857600
                index objectClass eq
                index uid eq
                overlay ppolicy
                ppolicy_default "cn=default,ou=policies,dc=example,dc=com"
                access to attrs=userPassword by self write by anonymous auth by * none
                access to * by users read by * none
                """.formatted(directory, caCertificate, certificate.certificate(), certificate.key());
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    /** Starts slapd (again) on the same ports and data, and waits until both listeners accept connections. */
    synchronized void start() {
        if (process != null && process.isAlive()) {
            return;
        }
        try {
            process = new ProcessBuilder(
                            slapd.toString(),
                            "-f",
                            directory.resolve("slapd.conf").toString(),
                            "-h",
                            "ldap://127.0.0.1:" + ldapPort + "/ ldaps://127.0.0.1:" + ldapsPort + "/",
                            "-d",
                            "256")
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(
                            directory.resolve("slapd.log").toFile()))
                    .start();
        } catch (IOException e) {
            throw new IllegalStateException("could not run " + slapd, e);
        }
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (!(accepts(ldapPort) && accepts(ldapsPort))) {
            if (!process.isAlive() || System.nanoTime() > deadline) {
                process.destroyForcibly();
                throw new IllegalStateException(
                        "slapd did not start (exit " + (process.isAlive() ? "none" : process.exitValue()) + "):\n"
                                + tail(directory.resolve("slapd.log")));
            }
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted", e);
            }
        }
    }

    private static boolean accepts(int port) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 200);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    /** Stops slapd (SIGTERM, then SIGKILL after 10 s): every connection drops, and the ports refuse. */
    synchronized void stop() {
        if (process == null) {
            return;
        }
        process.destroy();
        try {
            if (!process.waitFor(10, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        process = null;
    }

    String ldapsUrl() {
        return "ldaps://127.0.0.1:" + ldapsPort;
    }

    String startTlsUrl() {
        return "ldap://127.0.0.1:" + ldapPort;
    }

    private void run(List<String> command) {
        Path output = directory.resolve("command.out");
        try {
            Process tool = new ProcessBuilder(new ArrayList<>(command))
                    .redirectErrorStream(true)
                    .redirectOutput(output.toFile())
                    .start();
            if (!tool.waitFor(60, TimeUnit.SECONDS)) {
                tool.destroyForcibly();
                throw new IllegalStateException("timed out: " + String.join(" ", command));
            }
            if (tool.exitValue() != 0) {
                throw new IllegalStateException(
                        "failed (exit " + tool.exitValue() + "): " + String.join(" ", command) + "\n" + tail(output));
            }
        } catch (IOException e) {
            throw new IllegalStateException("could not run " + String.join(" ", command), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    private static String tail(Path file) {
        try {
            List<String> lines = Files.readAllLines(file);
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 20), lines.size()));
        } catch (IOException e) {
            return "";
        }
    }

    @Override
    public void close() {
        if (closed.compareAndSet(false, true)) {
            stop();
            try (Stream<Path> paths = Files.walk(directory)) {
                paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            } catch (IOException e) {
                // Best effort: it is a temporary directory.
            }
        }
    }
}
