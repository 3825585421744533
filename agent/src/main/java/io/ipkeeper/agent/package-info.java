/**
 * The host agent: joins the gossip cluster, reports its host's interfaces, addresses and MACs,
 * watches ARP (AF_PACKET through the FFM API) and runs RFC 5227 probes on request.
 */
package io.ipkeeper.agent;
