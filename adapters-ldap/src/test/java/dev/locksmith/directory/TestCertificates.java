package dev.locksmith.directory;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A certificate authority and server certificates generated at test time with {@code openssl}: nothing secret
 * or long-lived is checked in. {@link #server(String, String...)} issues a certificate for the given host names
 * and IP addresses, as PEM (certificate and key, for slapd) and as a PKCS#12 key store (for the in-memory
 * server). Files live in a temporary directory deleted at JVM exit.
 */
final class TestCertificates {
    static final char[] KEY_STORE_PASSWORD = "changeit".toCharArray();

    /** A server's certificate, its key and the key store holding both (password {@link #KEY_STORE_PASSWORD}). */
    record Server(Path certificate, Path key, Path keyStore) {}

    private final Path directory;
    private final Path caKey;
    private final Path caCertificate;

    private TestCertificates(Path directory) {
        this.directory = directory;
        this.caKey = directory.resolve("ca.key");
        this.caCertificate = directory.resolve("ca.pem");
    }

    /** A new CA, named {@code name}. */
    static TestCertificates authority(String name) {
        try {
            Path directory = Files.createTempDirectory("locksmith-ca-");
            directory.toFile().deleteOnExit();
            TestCertificates ca = new TestCertificates(directory);
            requestWithNewKey(
                    directory,
                    ca.caKey,
                    ca.caCertificate,
                    "-x509",
                    "-days",
                    "2",
                    "-subj",
                    "/CN=" + name,
                    "-addext",
                    "basicConstraints=critical,CA:TRUE",
                    "-addext",
                    "keyUsage=critical,keyCertSign,cRLSign");
            return ca;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The CA's certificate (PEM): the trust store a provider is given. */
    Path certificate() {
        return caCertificate;
    }

    /** Issues a server certificate for these DNS names (and IP addresses, written as such). */
    Server server(String name, String... alternativeNames) {
        Path key = directory.resolve(name + ".key");
        Path request = directory.resolve(name + ".csr");
        Path certificate = directory.resolve(name + ".pem");
        Path extensions = directory.resolve(name + ".ext");
        Path keyStore = directory.resolve(name + ".p12");
        List<String> names = new ArrayList<>();
        for (String alternative : alternativeNames) {
            names.add((alternative.matches("[0-9.]+") ? "IP:" : "DNS:") + alternative);
        }
        try {
            Files.writeString(
                    extensions,
                    "subjectAltName=" + String.join(",", names)
                            + "\nextendedKeyUsage=serverAuth\nbasicConstraints=CA:FALSE\nkeyUsage=digitalSignature\n");
            requestWithNewKey(directory, key, request, "-subj", "/CN=" + name);
            openssl(
                    directory,
                    "x509",
                    "-req",
                    "-in",
                    request.toString(),
                    "-CA",
                    caCertificate.toString(),
                    "-CAkey",
                    caKey.toString(),
                    "-CAcreateserial",
                    "-out",
                    certificate.toString(),
                    "-days",
                    "2",
                    "-extfile",
                    extensions.toString());
            openssl(
                    directory,
                    "pkcs12",
                    "-export",
                    "-inkey",
                    key.toString(),
                    "-in",
                    certificate.toString(),
                    "-certfile",
                    caCertificate.toString(),
                    "-name",
                    "server",
                    "-out",
                    keyStore.toString(),
                    "-passout",
                    "pass:" + new String(KEY_STORE_PASSWORD));
            return new Server(certificate, key, keyStore);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * {@code openssl req} with a new P-256 key written to {@code key} and its output (a request, or with
     * {@code -x509} a certificate) to {@code out}; {@code more} adds options.
     */
    private static void requestWithNewKey(Path directory, Path key, Path out, String... more) throws IOException {
        List<String> arguments = new ArrayList<>(List.of(
                "req",
                "-newkey",
                "ec",
                "-pkeyopt",
                "ec_paramgen_curve:P-256",
                "-nodes",
                "-keyout",
                key.toString(),
                "-out",
                out.toString()));
        arguments.addAll(List.of(more));
        openssl(directory, arguments.toArray(String[]::new));
    }

    private static void openssl(Path directory, String... arguments) throws IOException {
        List<String> command = new ArrayList<>(List.of("openssl"));
        command.addAll(List.of(arguments));
        Path output = directory.resolve("openssl.out");
        Process process = new ProcessBuilder(command)
                .directory(directory.toFile())
                .redirectErrorStream(true)
                .redirectOutput(output.toFile())
                .start();
        try {
            if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0) {
                process.destroyForcibly();
                throw new IllegalStateException(
                        "openssl failed: " + String.join(" ", command) + "\n" + Files.readString(output));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }
}
