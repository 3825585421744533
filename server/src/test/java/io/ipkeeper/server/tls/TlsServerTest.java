package io.ipkeeper.server.tls;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.ipkeeper.server.IpkeeperServer;
import io.ipkeeper.server.ServerOptions;
import io.ipkeeper.server.ServerStartException;
import io.ipkeeper.testkit.tls.TestCertificates;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.cert.CertificateFactory;
import java.time.Duration;
import java.util.UUID;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLHandshakeException;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.TrustManagerFactory;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The API over HTTPS with throw-away certificates from a private CA, and the start-up checks of the PEM files. */
@Tag("slow") // keytool runs once per certificate, a JVM start each
class TlsServerTest {
    @TempDir
    static Path dir;
    static TestCertificates ca;
    static TestCertificates.Server rsa;
    static TestCertificates.Server ec;

    @BeforeAll
    static void certificates() {
        ca = TestCertificates.create(dir);
        rsa = ca.server("rsa", "ip:127.0.0.1");
        ec = ca.server("ec", "ip:127.0.0.1");
    }

    private static ServerOptions options(Path cert, Path key) {
        return new ServerOptions("127.0.0.1", 0, "jdbc:h2:mem:tls-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1",
                null, null, 2).withTls(new TlsOptions(cert, key));
    }

    private static SSLContext trusting(Path caPem) throws Exception {
        KeyStore ks = KeyStore.getInstance(KeyStore.getDefaultType());
        ks.load(null, null);
        try (InputStream in = Files.newInputStream(caPem)) {
            ks.setCertificateEntry("ca", CertificateFactory.getInstance("X.509").generateCertificate(in));
        }
        TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        tmf.init(ks);
        SSLContext ctx = SSLContext.getInstance("TLS");
        ctx.init(null, tmf.getTrustManagers(), null);
        return ctx;
    }

    private static HttpResponse<String> get(HttpClient client, String url) throws Exception {
        return client.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(30)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void servesHttpsWithAnRsaCertificate() throws Exception {
        try (IpkeeperServer server = IpkeeperServer.start(options(rsa.chain(), rsa.key()))) {
            assertThat(server.url()).isEqualTo("https://127.0.0.1:" + server.port());
            HttpClient client = HttpClient.newBuilder().sslContext(trusting(ca.caFile())).build();
            HttpResponse<String> res = get(client, server.url() + "/api/v1/health");
            assertThat(res.statusCode()).isEqualTo(200);
            assertThat(res.sslSession()).hasValueSatisfying(s -> assertThat(s.getProtocol()).isEqualTo("TLSv1.3"));
        }
    }

    @Test
    void servesHttpsWithAnEcCertificateAndAcceptsTls12() throws Exception {
        try (IpkeeperServer server = IpkeeperServer.start(options(ec.chain(), ec.key()))) {
            SSLParameters tls12 = new SSLParameters();
            tls12.setProtocols(new String[] {"TLSv1.2"});
            HttpClient client = HttpClient.newBuilder().sslContext(trusting(ca.caFile())).sslParameters(tls12).build();
            HttpResponse<String> res = get(client, server.url() + "/api/v1/health");
            assertThat(res.statusCode()).isEqualTo(200);
            assertThat(res.sslSession()).hasValueSatisfying(s -> assertThat(s.getProtocol()).isEqualTo("TLSv1.2"));
        }
    }

    @Test
    void aClientWithoutTheCaRefusesTheServer() {
        try (IpkeeperServer server = IpkeeperServer.start(options(rsa.chain(), rsa.key()))) {
            assertThatThrownBy(() -> get(HttpClient.newHttpClient(), server.url() + "/api/v1/health"))
                    .isInstanceOf(SSLHandshakeException.class);
        }
    }

    @Test
    void plainHttpToTheHttpsPortFailsWithoutAnAnswer() {
        try (IpkeeperServer server = IpkeeperServer.start(options(rsa.chain(), rsa.key()))) {
            assertThatThrownBy(() -> get(HttpClient.newHttpClient(), "http://127.0.0.1:" + server.port() + "/api/v1/health"))
                    .isInstanceOf(IOException.class);
        }
    }

    @Test
    void anExpiredCertificateOnlyWarns() throws Exception {
        TestCertificates.Server expired = ca.server("rsa", "ip:127.0.0.1", "-10d", 1);
        try (IpkeeperServer server = IpkeeperServer.start(options(expired.chain(), expired.key()))) {
            HttpClient client = HttpClient.newBuilder().sslContext(trusting(ca.caFile())).build();
            assertThatThrownBy(() -> get(client, server.url() + "/api/v1/health"))
                    .isInstanceOf(SSLHandshakeException.class);
        }
    }

    @Test
    void aMissingFileNamesTheFileAndTheFlag() {
        Path missing = dir.resolve("nope.pem");
        assertThatThrownBy(() -> IpkeeperServer.start(options(missing, rsa.key())))
                .isInstanceOf(ServerStartException.class)
                .hasMessageContaining(missing.toString()).hasMessageContaining("--tls-cert").hasMessageContaining("does not exist");
        assertThatThrownBy(() -> IpkeeperServer.start(options(rsa.chain(), missing)))
                .isInstanceOf(ServerStartException.class).hasMessageContaining("--tls-key");
    }

    @Test
    void aKeyOfAnotherCertificateIsRefused() {
        TestCertificates.Server other = ca.server("rsa", "dns:other.example");
        assertThatThrownBy(() -> IpkeeperServer.start(options(rsa.chain(), other.key())))
                .isInstanceOf(ServerStartException.class)
                .hasMessageContaining("does not belong to the certificate in " + rsa.chain());
        assertThatThrownBy(() -> IpkeeperServer.start(options(rsa.chain(), ec.key())))
                .isInstanceOf(ServerStartException.class).hasMessageContaining("does not belong");
    }

    @Test
    void unreadableKeysSayHowToConvertThem() throws Exception {
        Path pkcs1 = dir.resolve("pkcs1.pem");
        Files.writeString(pkcs1, TestCertificates.pem("RSA PRIVATE KEY", new byte[] {1, 2, 3}));
        assertThatThrownBy(() -> IpkeeperServer.start(options(rsa.chain(), pkcs1)))
                .isInstanceOf(ServerStartException.class).hasMessageContaining("openssl pkcs8 -topk8 -nocrypt");
        Path encrypted = dir.resolve("encrypted.pem");
        Files.writeString(encrypted, TestCertificates.pem("ENCRYPTED PRIVATE KEY", new byte[] {1, 2, 3}));
        assertThatThrownBy(() -> IpkeeperServer.start(options(rsa.chain(), encrypted)))
                .isInstanceOf(ServerStartException.class).hasMessageContaining("is encrypted");
        Path garbage = dir.resolve("garbage.pem");
        Files.writeString(garbage, TestCertificates.pem("PRIVATE KEY", new byte[] {1, 2, 3}));
        assertThatThrownBy(() -> IpkeeperServer.start(options(rsa.chain(), garbage)))
                .isInstanceOf(ServerStartException.class).hasMessageContaining("cannot be read");
        assertThatThrownBy(() -> IpkeeperServer.start(options(rsa.key(), rsa.key())))
                .isInstanceOf(ServerStartException.class).hasMessageContaining("holds no PEM certificate");
    }
}
