package io.ipkeeper.server.tls;

import java.nio.file.Path;
import java.util.Objects;

/**
 * Serve the API over HTTPS (TLS 1.2 and 1.3 only) with a PEM certificate chain and its PEM private key.
 *
 * @param certificateFile the server certificate first, then any intermediates (PEM {@code CERTIFICATE} blocks)
 * @param keyFile the unencrypted PKCS#8 private key (PEM {@code PRIVATE KEY}), RSA or EC
 */
public record TlsOptions(Path certificateFile, Path keyFile) {
    public TlsOptions {
        Objects.requireNonNull(certificateFile, "certificateFile");
        Objects.requireNonNull(keyFile, "keyFile");
    }
}
