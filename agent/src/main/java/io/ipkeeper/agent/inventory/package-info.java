/**
 * What the host has: interfaces, MACs, IPv4/IPv6 addresses with prefixes, as comparable snapshots, and a watcher that
 * re-reads them and reports changes. Read from /sys and /proc (and the JDK for IPv4); no shelling out, no privileges.
 */
package io.ipkeeper.agent.inventory;
