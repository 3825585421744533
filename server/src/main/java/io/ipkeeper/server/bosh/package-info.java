/**
 * BOSH integration (the seed-001 scenario): each director gets its own delegated block of a subnet, and ipkeeper
 * renders the director's cloud-config subnet entry with a {@code reserved} list covering everything else, so two
 * directors on one subnet can never pick the same address; {@code bosh instances --details --json} output is imported
 * to record what a director already uses.
 */
package io.ipkeeper.server.bosh;
