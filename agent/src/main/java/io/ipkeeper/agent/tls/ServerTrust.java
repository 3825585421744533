package io.ipkeeper.agent.tls;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.CertificateExpiredException;
import java.security.cert.CertificateFactory;
import java.security.cert.CertificateNotYetValidException;
import java.util.Collection;
import java.util.Locale;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLException;
import javax.net.ssl.TrustManagerFactory;

/**
 * Trust for the ipkeeper server's HTTPS certificate. There is deliberately no "insecure" mode: either the JDK trust
 * store (a public CA) or the operator's own CA file, whose certificates then replace the JDK's. Host names are always
 * verified by the HTTP client.
 *
 * <pre>{@code
 * SSLContext tls = ServerTrust.fromCaFile(Path.of("/etc/ipkeeper/ca.pem"));   // or ServerTrust.system()
 * HttpClient client = HttpClient.newBuilder().sslContext(tls).build();
 * ...
 * } catch (SSLException e) {
 *     log.error(ServerTrust.explain(e, server, "--ca-file"));
 * }
 * }</pre>
 */
public final class ServerTrust {
    private ServerTrust() {}

    /** The JDK's default trust store (public CAs, or what {@code javax.net.ssl.trustStore} names). */
    public static SSLContext system() {
        try {
            return SSLContext.getDefault();
        } catch (GeneralSecurityException e) {
            throw new ServerTrustException("the JDK's default TLS setup is unusable: " + e.getMessage(), e);
        }
    }

    /** Trusts exactly the CA certificates in {@code pem} (one or more {@code CERTIFICATE} blocks). */
    public static SSLContext fromCaFile(Path pem) {
        Collection<? extends Certificate> certs;
        try (InputStream in = Files.newInputStream(pem)) {
            certs = CertificateFactory.getInstance("X.509").generateCertificates(in);
        } catch (NoSuchFileException e) {
            throw new ServerTrustException("CA file " + pem + " does not exist", e);
        } catch (IOException e) {
            throw new ServerTrustException("cannot read CA file " + pem + ": " + e.getMessage(), e);
        } catch (GeneralSecurityException e) {
            throw new ServerTrustException("CA file " + pem + " holds no readable PEM certificate: " + e.getMessage(), e);
        }
        if (certs.isEmpty()) {
            throw new ServerTrustException("CA file " + pem + " holds no certificate (expected PEM '-----BEGIN"
                    + " CERTIFICATE-----')", null);
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
            throw new ServerTrustException("cannot build a trust store from CA file " + pem + ": " + e.getMessage(), e);
        }
    }

    /**
     * What went wrong in a TLS handshake with {@code server}, in words an operator can act on; {@code caFlag} is how
     * the caller's user passes a CA file (e.g. {@code --ca-file}).
     */
    public static String explain(SSLException e, URI server, String caFlag) {
        String all = messages(e);
        String lower = all.toLowerCase(Locale.ROOT);
        if (has(e, CertificateExpiredException.class) || lower.contains("certificate expired")) {
            return "the server's TLS certificate has expired (or this machine's clock is wrong); renew the certificate"
                    + " on the server (--tls-cert)";
        }
        if (has(e, CertificateNotYetValidException.class)) {
            return "the server's TLS certificate is not valid yet; check the clocks of this machine and the server";
        }
        if (lower.contains("no subject alternative") || lower.contains("no name matching")) {
            return "the server's TLS certificate is not issued for '" + server.getHost() + "' (host name mismatch: "
                    + firstLine(e) + "); use the name or address the certificate lists in the server URL, or issue"
                    + " the server a certificate whose subject alternative names include " + server.getHost();
        }
        if (lower.contains("unrecognized ssl message") || lower.contains("plaintext")) {
            return "the server at " + server.getHost() + ":" + server.getPort() + " does not speak TLS; use an http://"
                    + " URL, or start the server with --tls-cert and --tls-key";
        }
        if (lower.contains("pkix path") || lower.contains("unable to find valid certification path")) {
            return "the server's TLS certificate is not signed by a CA this client trusts; pass the CA certificate"
                    + " (PEM) with " + caFlag + " FILE";
        }
        return "TLS handshake with " + server + " failed: " + firstLine(e) + " (for a server certificate from a"
                + " private CA, pass the CA certificate with " + caFlag + " FILE)";
    }

    private static boolean has(Throwable e, Class<? extends Throwable> type) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (type.isInstance(t)) {
                return true;
            }
        }
        return false;
    }

    private static String messages(Throwable e) {
        StringBuilder sb = new StringBuilder();
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            sb.append(t.getMessage()).append('\n');
        }
        return sb.toString();
    }

    private static String firstLine(Throwable e) {
        return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    }
}
