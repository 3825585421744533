/** Address math: IPv4 and IPv6 addresses, prefixes, ranges and counts as fixed-width values (two longs). */
package io.ipkeeper.ipam.net;
