package io.ipkeeper.server.tls.internal;

import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.SecureRequestCustomizer;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.server.SslConnectionFactory;
import org.eclipse.jetty.util.ssl.SslContextFactory;

/** The HTTPS connector that replaces Javalin's plain HTTP one on the API port. */
public final class TlsConnector {
    /** TLS 1.0 and 1.1 are broken and deprecated (RFC 8996). */
    static final String[] PROTOCOLS = {"TLSv1.3", "TLSv1.2"};

    private TlsConnector() {}

    public static ServerConnector create(Server server, HttpConfiguration base, ServerCertificate certificate,
                                         String host, int port) {
        SslContextFactory.Server ssl = new SslContextFactory.Server();
        ssl.setKeyStore(certificate.keyStore());
        ssl.setKeyStorePassword(new String(ServerCertificate.IN_MEMORY_PASSWORD));
        ssl.setIncludeProtocols(PROTOCOLS);
        HttpConfiguration https = new HttpConfiguration(base);
        SecureRequestCustomizer secure = new SecureRequestCustomizer();
        // One certificate per server: comparing the Host header with it adds nothing for the client (which verifies
        // the name itself) and would refuse clients that reach the server through a load balancer's name.
        secure.setSniHostCheck(false);
        https.addCustomizer(secure);
        ServerConnector connector = new ServerConnector(server,
                new SslConnectionFactory(ssl, "http/1.1"), new HttpConnectionFactory(https));
        connector.setHost(host);
        connector.setPort(port);
        return connector;
    }
}
