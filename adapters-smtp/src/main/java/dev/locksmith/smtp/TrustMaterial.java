package dev.locksmith.smtp;

import dev.locksmith.core.domain.InvalidInputException;
import java.io.IOException;
import java.net.Socket;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.KeyStoreException;
import java.security.cert.Certificate;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Date;
import java.util.List;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.SSLSocketFactory;
import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509ExtendedTrustManager;

/**
 * The certificates a private relay is trusted by, instead of the JDK's default trust: a TLS socket factory
 * trusting exactly them (host names still checked). Checked when the settings are built: the store holds at
 * least one certificate, and each is within its validity period unless the operator accepted otherwise (Java
 * does not check the dates of a trust anchor, so an expired pinned certificate would otherwise be trusted). The
 * dates are checked again at each TLS handshake, so a certificate that expires while the host runs stops being
 * trusted then. Immutable, thread-safe.
 */
final class TrustMaterial {
    private static final String FIELD = "trustStore";

    private final SSLSocketFactory socketFactory;
    private final int certificateCount;

    private TrustMaterial(SSLSocketFactory socketFactory, int certificateCount) {
        this.socketFactory = socketFactory;
        this.certificateCount = certificateCount;
    }

    /**
     * Checks the store and builds the socket factory.
     *
     * @param acceptOutsideValidity whether a certificate that has expired or is not yet valid at {@code now} is
     *                              accepted
     * @throws InvalidInputException naming {@code trustStore}
     */
    static TrustMaterial of(KeyStore store, boolean acceptOutsideValidity, Instant now) {
        int count = 0;
        List<X509Certificate> dated = new ArrayList<>();
        try {
            for (String alias : Collections.list(store.aliases())) {
                Certificate certificate = store.getCertificate(alias);
                if (certificate == null) {
                    continue;
                }
                count++;
                if (!acceptOutsideValidity && certificate instanceof X509Certificate x509) {
                    requireValid(x509, now);
                    dated.add(x509);
                }
            }
        } catch (KeyStoreException e) {
            throw new InvalidInputException(FIELD, "is not loaded");
        }
        if (count == 0) {
            throw new InvalidInputException(FIELD, "holds no certificate");
        }
        return new TrustMaterial(socketFactoryTrusting(store, dated), count);
    }

    /** A PKCS#12 store holding exactly {@code certificates}. */
    static KeyStore storeOf(X509Certificate... certificates) {
        InvalidInputException.requireNonNull(certificates, FIELD);
        if (certificates.length == 0) {
            throw new InvalidInputException(FIELD, "needs at least one certificate");
        }
        try {
            KeyStore store = KeyStore.getInstance("PKCS12");
            store.load(null, null);
            for (int i = 0; i < certificates.length; i++) {
                store.setCertificateEntry("trusted-" + i, InvalidInputException.requireNonNull(certificates[i], FIELD));
            }
            return store;
        } catch (GeneralSecurityException | IOException e) {
            throw new InvalidInputException(
                    FIELD, "cannot hold the certificates: " + e.getClass().getSimpleName());
        }
    }

    SSLSocketFactory socketFactory() {
        return socketFactory;
    }

    int certificateCount() {
        return certificateCount;
    }

    private static void requireValid(X509Certificate certificate, Instant now) {
        Instant notBefore = certificate.getNotBefore().toInstant();
        Instant notAfter = certificate.getNotAfter().toInstant();
        String subject = certificate.getSubjectX500Principal().getName();
        if (now.isAfter(notAfter)) {
            throw new InvalidInputException(
                    FIELD,
                    "certificate " + subject + " expired at " + notAfter
                            + "; renew it, or accept a certificate outside its validity explicitly");
        }
        if (now.isBefore(notBefore)) {
            throw new InvalidInputException(
                    FIELD,
                    "certificate " + subject + " is not valid before " + notBefore
                            + "; check the clock, or accept a certificate outside its validity explicitly");
        }
    }

    private static SSLSocketFactory socketFactoryTrusting(KeyStore store, List<X509Certificate> dated) {
        try {
            TrustManagerFactory tmf = TrustManagerFactory.getInstance("PKIX");
            tmf.init(store);
            TrustManager[] managers = tmf.getTrustManagers();
            for (int i = 0; i < managers.length; i++) {
                if (!dated.isEmpty() && managers[i] instanceof X509ExtendedTrustManager) {
                    managers[i] = new DatedTrust((X509ExtendedTrustManager) managers[i], dated);
                }
            }
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(null, managers, null);
            return context.getSocketFactory();
        } catch (GeneralSecurityException e) {
            throw new InvalidInputException(
                    FIELD, "cannot be used: " + e.getClass().getSimpleName());
        }
    }

    /**
     * The JDK's trust, plus the dates of the pinned certificates at each handshake: a pinned certificate that
     * expired since the settings were built makes the handshake fail. Thread-safe.
     */
    private static final class DatedTrust extends X509ExtendedTrustManager {
        private final X509ExtendedTrustManager delegate;
        private final List<X509Certificate> pinned;

        DatedTrust(X509ExtendedTrustManager delegate, List<X509Certificate> pinned) {
            this.delegate = delegate;
            this.pinned = List.copyOf(pinned);
        }

        @Override
        public void checkServerTrusted(X509Certificate[] chain, String authType, Socket socket)
                throws CertificateException {
            delegate.checkServerTrusted(chain, authType, socket);
            requireDates();
        }

        @Override
        public void checkServerTrusted(X509Certificate[] chain, String authType, SSLEngine engine)
                throws CertificateException {
            delegate.checkServerTrusted(chain, authType, engine);
            requireDates();
        }

        @Override
        public void checkServerTrusted(X509Certificate[] chain, String authType) throws CertificateException {
            delegate.checkServerTrusted(chain, authType);
            requireDates();
        }

        @Override
        public void checkClientTrusted(X509Certificate[] chain, String authType, Socket socket)
                throws CertificateException {
            delegate.checkClientTrusted(chain, authType, socket);
        }

        @Override
        public void checkClientTrusted(X509Certificate[] chain, String authType, SSLEngine engine)
                throws CertificateException {
            delegate.checkClientTrusted(chain, authType, engine);
        }

        @Override
        public void checkClientTrusted(X509Certificate[] chain, String authType) throws CertificateException {
            delegate.checkClientTrusted(chain, authType);
        }

        @Override
        public X509Certificate[] getAcceptedIssuers() {
            return delegate.getAcceptedIssuers();
        }

        private void requireDates() throws CertificateException {
            Date now = Date.from(java.time.Instant.now()); // the X.509 API takes a Date
            for (X509Certificate certificate : pinned) {
                certificate.checkValidity(now);
            }
        }
    }
}
