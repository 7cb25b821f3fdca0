package org.vertebra.mail;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.util.Collection;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocketFactory;
import javax.net.ssl.TrustManagerFactory;

/**
 * The certificate an administrator names for a private relay ({@code smtp.trusted_cert}): a PEM
 * file of one or more certificates, the relay's own or its private authority's. When it is named,
 * only these are trusted, not the JDK's authorities, and the server's name is still checked
 * against the certificate: naming a certificate narrows trust, it never switches checks off.
 */
final class TrustedCertificate {

    /** A file that cannot serve as the trusted certificate, with what is wrong in words. */
    static final class Unusable extends Exception {
        Unusable(String message, Throwable cause) {
            super(message, cause);
        }
    }

    private TrustedCertificate() {
    }

    /** Sockets that trust only the certificates of {@code pem}. */
    static SSLSocketFactory socketFactory(String pem) throws Unusable {
        try {
            KeyStore trusted = KeyStore.getInstance(KeyStore.getDefaultType());
            trusted.load(null, null);
            int i = 0;
            for (Certificate certificate : read(pem)) {
                trusted.setCertificateEntry("trusted-" + i++, certificate);
            }
            TrustManagerFactory trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            trust.init(trusted);
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(null, trust.getTrustManagers(), null);
            return context.getSocketFactory();
        } catch (GeneralSecurityException | IOException e) {
            throw new Unusable("the trusted certificate " + pem + " cannot be used: " + e.getMessage(), e);
        }
    }

    /** The certificates of a PEM file; refuses a file that cannot be read or holds none. */
    static Collection<? extends Certificate> read(String pem) throws Unusable {
        Path file;
        try {
            file = Path.of(pem);
        } catch (java.nio.file.InvalidPathException e) {
            throw new Unusable("the trusted certificate file " + pem + " is not a file name: " + e.getMessage(), e);
        }
        try (InputStream in = Files.newInputStream(file)) {
            Collection<? extends Certificate> certificates = CertificateFactory.getInstance("X.509").generateCertificates(in);
            if (certificates.isEmpty()) {
                throw new Unusable("the trusted certificate file " + pem + " holds no certificate (a PEM file of "
                        + "-----BEGIN CERTIFICATE----- blocks is expected)", null);
            }
            return certificates;
        } catch (NoSuchFileException e) {
            throw new Unusable("the trusted certificate file " + pem + " does not exist on this server", e);
        } catch (IOException e) {
            throw new Unusable("the trusted certificate file " + pem + " cannot be read: " + e.getMessage(), e);
        } catch (CertificateException e) {
            throw new Unusable("the trusted certificate file " + pem + " is not a PEM certificate (-----BEGIN CERTIFICATE-----): "
                    + e.getMessage(), e);
        }
    }
}
