/**
 * SWIM + Lifeguard membership for the JVM, wire-compatible with HashiCorp memberlist 0.2.2 and Serf 0.9.4.
 * This package is the public API; everything under {@code internal} may change without notice.
 */
package io.ipkeeper.gossip;
