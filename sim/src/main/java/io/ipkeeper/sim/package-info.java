/**
 * Deterministic discrete-event simulator that runs the production gossip protocol code for thousands of nodes
 * over a modelled network (latency, loss, partitions, saturated links) and reports detection, convergence and bandwidth.
 */
package io.ipkeeper.sim;
