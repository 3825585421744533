package io.ipkeeper.server.tls.internal;

import io.ipkeeper.server.ServerStartException;
import io.ipkeeper.server.tls.TlsOptions;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.SecureRandom;
import java.security.Signature;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.security.spec.PKCS8EncodedKeySpec;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The server's certificate chain and private key, loaded from PEM and checked before anything else starts, so a bad
 * file stops the server with a message that names the file and the fix instead of failing on the first handshake.
 * No BouncyCastle: the JDK reads X.509 and PKCS#8 directly.
 */
public final class ServerCertificate {
    private static final Logger log = LoggerFactory.getLogger(ServerCertificate.class);
    /** Only used to hold the key in memory for Jetty; the key store never touches disk. */
    static final char[] IN_MEMORY_PASSWORD = "ipkeeper-in-memory".toCharArray();
    private static final String CONVERT = "convert it with 'openssl pkcs8 -topk8 -nocrypt -in KEY -out key.pem'";

    private final List<X509Certificate> chain;
    private final PrivateKey key;

    private ServerCertificate(List<X509Certificate> chain, PrivateKey key) {
        this.chain = chain;
        this.key = key;
    }

    /** Loads and checks both files; throws {@link ServerStartException} saying what is wrong with which file. */
    public static ServerCertificate load(TlsOptions options, Instant now) {
        List<X509Certificate> chain = certificates(options.certificateFile());
        PrivateKey key = privateKey(options.keyFile());
        if (!matches(chain.get(0), key)) {
            throw new ServerStartException("the private key in " + options.keyFile() + " does not belong to the"
                    + " certificate in " + options.certificateFile() + " (the first certificate of --tls-cert must be"
                    + " the server's own, signed by this key)", null);
        }
        warnAboutValidity(options.certificateFile(), chain.get(0), now);
        return new ServerCertificate(List.copyOf(chain), key);
    }

    public X509Certificate leaf() {
        return chain.get(0);
    }

    /** An in-memory key store with the one entry Jetty serves (password {@link #IN_MEMORY_PASSWORD}). */
    KeyStore keyStore() {
        try {
            KeyStore ks = KeyStore.getInstance("PKCS12");
            ks.load(null, null);
            ks.setKeyEntry("server", key, IN_MEMORY_PASSWORD, chain.toArray(Certificate[]::new));
            return ks;
        } catch (GeneralSecurityException | IOException e) {
            throw new ServerStartException("cannot hold the TLS key in a key store: " + e.getMessage(), e);
        }
    }

    private static String read(Path file, String flag) {
        try {
            return Files.readString(file, StandardCharsets.US_ASCII);
        } catch (NoSuchFileException e) {
            throw new ServerStartException("TLS file " + file + " (" + flag + ") does not exist", e);
        } catch (IOException e) {
            throw new ServerStartException("cannot read TLS file " + file + " (" + flag + "): " + e, e);
        }
    }

    private static List<X509Certificate> certificates(Path file) {
        List<X509Certificate> out = new ArrayList<>();
        try {
            CertificateFactory cf = CertificateFactory.getInstance("X.509");
            for (PemBlocks.Block b : PemBlocks.parse(read(file, "--tls-cert"))) {
                if (b.label().equals("CERTIFICATE")) {
                    out.add((X509Certificate) cf.generateCertificate(new ByteArrayInputStream(b.der())));
                }
            }
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            throw new ServerStartException("TLS certificate file " + file + " (--tls-cert) holds a certificate that"
                    + " cannot be parsed: " + e.getMessage(), e);
        }
        if (out.isEmpty()) {
            throw new ServerStartException("TLS certificate file " + file + " (--tls-cert) holds no PEM certificate"
                    + " (expected '-----BEGIN CERTIFICATE-----' blocks: the server's certificate, then intermediates)",
                    null);
        }
        return out;
    }

    private static PrivateKey privateKey(Path file) {
        List<PemBlocks.Block> blocks;
        try {
            blocks = PemBlocks.parse(read(file, "--tls-key"));
        } catch (IllegalArgumentException e) {
            throw new ServerStartException("TLS key file " + file + " (--tls-key) is not valid PEM: " + e.getMessage(), e);
        }
        for (PemBlocks.Block b : blocks) {
            switch (b.label()) {
                case "PRIVATE KEY" -> {
                    return pkcs8(file, b.der());
                }
                case "ENCRYPTED PRIVATE KEY" -> throw new ServerStartException("TLS key file " + file
                        + " (--tls-key) is encrypted; the server needs an unencrypted PKCS#8 key: " + CONVERT, null);
                case "RSA PRIVATE KEY", "EC PRIVATE KEY" -> throw new ServerStartException("TLS key file " + file
                        + " (--tls-key) holds a '" + b.label() + "' (PKCS#1/SEC1); the server reads PKCS#8 ('PRIVATE"
                        + " KEY'): " + CONVERT, null);
                default -> {
                    // e.g. "EC PARAMETERS" before the key, as 'openssl ecparam -genkey' writes: skip it
                }
            }
        }
        throw new ServerStartException("TLS key file " + file + " (--tls-key) holds no PEM private key (expected"
                + " '-----BEGIN PRIVATE KEY-----')", null);
    }

    private static PrivateKey pkcs8(Path file, byte[] der) {
        for (String algorithm : List.of("RSA", "EC", "Ed25519", "RSASSA-PSS")) {
            try {
                return KeyFactory.getInstance(algorithm).generatePrivate(new PKCS8EncodedKeySpec(der));
            } catch (GeneralSecurityException e) {
                // not this algorithm: try the next
            }
        }
        throw new ServerStartException("TLS key file " + file + " (--tls-key) holds a private key that cannot be read"
                + " (supported: RSA and EC keys in unencrypted PKCS#8)", null);
    }

    /** Whether {@code key} signs what the certificate's public key verifies: works for every key type alike. */
    private static boolean matches(X509Certificate cert, PrivateKey key) {
        String algorithm = switch (key.getAlgorithm()) {
            case "RSA" -> "SHA256withRSA";
            case "EC" -> "SHA256withECDSA";
            default -> key.getAlgorithm();
        };
        try {
            byte[] challenge = new byte[32];
            new SecureRandom().nextBytes(challenge);
            Signature signer = Signature.getInstance(algorithm);
            signer.initSign(key);
            signer.update(challenge);
            byte[] signature = signer.sign();
            Signature verifier = Signature.getInstance(algorithm);
            verifier.initVerify(cert.getPublicKey());
            verifier.update(challenge);
            return verifier.verify(signature);
        } catch (GeneralSecurityException e) {
            return false; // e.g. an EC key against an RSA certificate
        }
    }

    /** Expired or not yet valid is a warning, not an error: the operator may be replacing it right now. */
    private static void warnAboutValidity(Path file, X509Certificate cert, Instant now) {
        if (now.isAfter(cert.getNotAfter().toInstant())) {
            log.warn("the TLS certificate in {} expired on {}; clients will refuse the connection: renew it",
                    file, cert.getNotAfter().toInstant());
        } else if (now.isBefore(cert.getNotBefore().toInstant())) {
            log.warn("the TLS certificate in {} is not valid before {}; clients will refuse it until then (check the"
                    + " clock)", file, cert.getNotBefore().toInstant());
        }
    }
}
