package io.ipkeeper.cli.client;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.util.Collection;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;

/** Trust for an https server signed by a private CA: the certificates of a PEM file replace the system trust store. */
public final class TrustStore {
    private TrustStore() {}

    public static SSLContext fromPem(Path pem) {
        Collection<? extends Certificate> certs;
        try (InputStream in = Files.newInputStream(pem)) {
            certs = CertificateFactory.getInstance("X.509").generateCertificates(in);
        } catch (IOException e) {
            throw ClientException.invalid("cannot read CA file " + pem + ": " + e.getMessage());
        } catch (GeneralSecurityException e) {
            throw ClientException.invalid("CA file " + pem + " holds no readable PEM certificate: " + e.getMessage());
        }
        if (certs.isEmpty()) {
            throw ClientException.invalid("CA file " + pem + " holds no certificate (expected PEM '-----BEGIN CERTIFICATE-----')");
        }
        try {
            KeyStore ks = KeyStore.getInstance(KeyStore.getDefaultType());
            ks.load(null, null);
            int i = 0;
            for (Certificate c : certs) {
                ks.setCertificateEntry("ca-" + i++, c);
            }
            TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            tmf.init(ks);
            SSLContext ctx = SSLContext.getInstance("TLS");
            ctx.init(null, tmf.getTrustManagers(), null);
            return ctx;
        } catch (GeneralSecurityException | IOException e) {
            throw new IllegalStateException("cannot build a trust store from " + pem, e);
        }
    }
}
