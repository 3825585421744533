package io.ipkeeper.agent.tls;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.CertificateException;
import java.security.cert.CertificateExpiredException;
import javax.net.ssl.SSLHandshakeException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The messages for the JDK's handshake failures (their texts as the JDK writes them), and the CA file checks. The
 * full handshakes against a real HTTPS server are in the server's and the CLI's TLS tests.
 */
class ServerTrustTest {
    private static final URI SERVER = URI.create("https://127.0.0.1:8443");

    @TempDir
    Path dir;

    private static SSLHandshakeException handshake(String message, Throwable cause) {
        SSLHandshakeException e = new SSLHandshakeException(message);
        e.initCause(cause);
        return e;
    }

    @Test
    void anUntrustedCaSaysToPassTheCaFile() {
        String m = ServerTrust.explain(handshake("PKIX path building failed: sun.security.provider.certpath."
                + "SunCertPathBuilderException: unable to find valid certification path to requested target", null),
                SERVER, "--ca-file");
        assertThat(m).contains("not signed by a CA this client trusts").contains("--ca-file FILE");
    }

    @Test
    void aHostNameMismatchNamesTheHost() {
        String m = ServerTrust.explain(handshake("No subject alternative names matching IP address 127.0.0.1 found",
                new CertificateException("No subject alternative names matching IP address 127.0.0.1 found")),
                SERVER, "--ca-file");
        assertThat(m).contains("not issued for '127.0.0.1'").contains("host name mismatch");
    }

    @Test
    void anExpiredCertificateSaysRenew() {
        String m = ServerTrust.explain(handshake("PKIX path validation failed: validity check failed",
                new CertificateExpiredException("NotAfter: …")), SERVER, "--ca-file");
        assertThat(m).contains("has expired").contains("renew");
    }

    @Test
    void tlsToAPlainHttpPortSaysSo() {
        String m = ServerTrust.explain(new javax.net.ssl.SSLException("Unsupported or unrecognized SSL message"),
                SERVER, "--ca-file");
        assertThat(m).contains("does not speak TLS").contains("http://");
    }

    @Test
    void caFilesMustExistAndHoldCertificates() throws Exception {
        assertThatThrownBy(() -> ServerTrust.fromCaFile(dir.resolve("missing.pem")))
                .isInstanceOf(ServerTrustException.class).hasMessageContaining("does not exist");
        Path empty = Files.writeString(dir.resolve("empty.pem"), "");
        assertThatThrownBy(() -> ServerTrust.fromCaFile(empty))
                .isInstanceOf(ServerTrustException.class).hasMessageContaining("holds no");
        assertThat(ServerTrust.system()).isNotNull();
    }
}
