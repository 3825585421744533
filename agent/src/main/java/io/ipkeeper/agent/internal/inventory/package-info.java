/** Parsers for /sys/class/net and /proc/net/if_inet6, and the JDK's view of IPv4 addresses. */
package io.ipkeeper.agent.internal.inventory;
