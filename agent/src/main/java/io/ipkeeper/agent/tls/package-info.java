/**
 * How a client of the ipkeeper server (the CLI today, the host agent's reporter next) trusts its HTTPS certificate:
 * {@link io.ipkeeper.agent.tls.ServerTrust} builds the {@code SSLContext} from a CA file or the JDK trust store, and
 * turns a failed handshake into a message that says how to fix it. It lives here because the agent module is the
 * lowest one both clients share (the CLI depends on it; it depends on neither the CLI nor the server).
 */
package io.ipkeeper.agent.tls;
