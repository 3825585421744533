/**
 * IPv4 ARP on the wire: the frame codec (pure), the raw socket the agent sends and hears frames on, the passive watch
 * that turns what it hears into observations, and the RFC 5227 probe.
 */
package io.ipkeeper.agent.arp;
