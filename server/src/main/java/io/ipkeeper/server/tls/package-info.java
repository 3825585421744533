/**
 * HTTPS for the API: {@link io.ipkeeper.server.tls.TlsOptions} names the PEM files; {@code internal} loads and checks
 * them (readable, key matches certificate, expiry) and builds the Jetty TLS connector.
 */
package io.ipkeeper.server.tls;
