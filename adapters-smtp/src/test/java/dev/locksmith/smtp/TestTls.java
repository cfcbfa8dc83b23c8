package dev.locksmith.smtp;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;

/**
 * A throwaway server certificate for {@code localhost} (SAN dns:localhost only, so connecting to 127.0.0.1 fails
 * the host name check), made once per test JVM with the JDK's own {@code keytool}: nothing binary is committed
 * and nothing expires in the repository. {@link #installForGreenMail()} makes GreenMail's SMTPS server present
 * it; the key store is also used by {@link ScriptedSmtpServer} for STARTTLS.
 */
final class TestTls {
    static final char[] STORE_PASSWORD = "changeit".toCharArray();
    private static Path keyStoreFile;
    private static KeyStore keyStore;

    private TestTls() {}

    /** The server's certificate, to trust in the client's settings. */
    static synchronized X509Certificate certificate() {
        try {
            KeyStore store = keyStore();
            return (X509Certificate) store.getCertificate(store.aliases().nextElement());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** A server-side TLS context presenting the certificate. */
    static synchronized SSLContext serverContext() {
        return serverContext(keyStore());
    }

    /** A server-side TLS context presenting the key entry of {@code store} (password {@link #STORE_PASSWORD}). */
    static SSLContext serverContext(KeyStore store) {
        try {
            KeyManagerFactory kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
            kmf.init(store, STORE_PASSWORD);
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(kmf.getKeyManagers(), null, null);
            return context;
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * Points GreenMail's SMTPS key store at the test certificate. GreenMail reads these properties once, when
     * its first secure server starts, so every test that starts one calls this first.
     */
    static synchronized void installForGreenMail() {
        keyStore();
        System.setProperty("greenmail.tls.keystore.file", keyStoreFile.toString());
        System.setProperty("greenmail.tls.keystore.password", new String(STORE_PASSWORD));
    }

    /**
     * A fresh self-signed certificate for {@code localhost} whose validity starts at {@code startDate} (keytool's
     * form, relative to now: "-10d", "+1d") and lasts {@code validityDays}: expired or not yet valid on demand.
     */
    static X509Certificate selfSigned(String startDate, int validityDays) {
        try {
            KeyStore store = selfSignedStore(startDate, validityDays);
            return (X509Certificate) store.getCertificate("dated");
        } catch (Exception e) {
            throw new IllegalStateException("cannot read a dated test certificate", e);
        }
    }

    /** Like {@link #selfSigned} but the whole key store (alias "dated"), for a server to present. */
    static KeyStore selfSignedStore(String startDate, int validityDays) {
        try {
            Path dir = Files.createTempDirectory("locksmith-smtp-dated");
            Path file = dir.resolve("dated.p12");
            KeyStore store = generate(
                    file, "dated", List.of("-startdate", startDate, "-validity", Integer.toString(validityDays)));
            Files.delete(file);
            Files.delete(dir);
            return store;
        } catch (Exception e) {
            throw new IllegalStateException("cannot make a dated test certificate", e);
        }
    }

    private static KeyStore keyStore() {
        if (keyStore == null) {
            try {
                Path dir = Files.createTempDirectory("locksmith-smtp-tls");
                dir.toFile().deleteOnExit();
                Path file = dir.resolve("localhost.p12");
                KeyStore store = generate(file, "localhost", List.of("-validity", "30"));
                file.toFile().deleteOnExit();
                keyStoreFile = file;
                keyStore = store;
            } catch (Exception e) {
                throw new IllegalStateException("cannot make the test certificate", e);
            }
        }
        return keyStore;
    }

    /**
     * Makes a self-signed EC key pair for {@code localhost} with keytool into a new PKCS12 {@code file} (password
     * {@link #STORE_PASSWORD}) and loads it; {@code validity} holds keytool's validity options.
     */
    private static KeyStore generate(Path file, String alias, List<String> validity) throws Exception {
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "keytool").toString(),
                "-genkeypair",
                "-alias",
                alias,
                "-keyalg",
                "EC",
                "-groupname",
                "secp256r1",
                "-sigalg",
                "SHA256withECDSA",
                "-dname",
                "CN=localhost",
                "-ext",
                "SAN=dns:localhost"));
        command.addAll(validity);
        command.addAll(List.of(
                "-keystore",
                file.toString(),
                "-storetype",
                "PKCS12",
                "-storepass",
                new String(STORE_PASSWORD),
                "-keypass",
                new String(STORE_PASSWORD)));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes());
        if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0) {
            throw new IllegalStateException("keytool failed: " + output);
        }
        KeyStore store = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(file)) {
            store.load(in, STORE_PASSWORD);
        }
        return store;
    }
}
