package io.ipkeeper.server.tls.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.ipkeeper.server.tls.TlsOptions;
import io.ipkeeper.testkit.tls.TestCertificates;
import java.nio.file.Path;
import java.time.Instant;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.server.SslConnectionFactory;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * TLS 1.0 and 1.1 are never offered, whatever the JDK's own policy allows: the started connector's selected protocols
 * are exactly TLS 1.3 and 1.2. (A JDK client cannot even try TLS 1.1 by default, so this is checked on the server.)
 */
@Tag("slow")
class TlsConnectorTest {
    @TempDir
    Path dir;

    @Test
    void onlyTls12AndTls13AreEnabled() throws Exception {
        TestCertificates.Server cert = TestCertificates.create(dir).server("ec", "ip:127.0.0.1");
        ServerCertificate certificate = ServerCertificate.load(new TlsOptions(cert.chain(), cert.key()), Instant.now());
        Server jetty = new Server();
        ServerConnector connector = TlsConnector.create(jetty, new HttpConfiguration(), certificate, "127.0.0.1", 0);
        jetty.addConnector(connector);
        jetty.start();
        try {
            String[] selected = connector.getConnectionFactory(SslConnectionFactory.class).getSslContextFactory()
                    .getSelectedProtocols();
            assertThat(selected).containsExactlyInAnyOrder("TLSv1.3", "TLSv1.2");
        } finally {
            jetty.stop();
        }
    }
}
