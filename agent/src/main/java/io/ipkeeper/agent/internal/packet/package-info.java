/** AF_PACKET through the JDK's FFM API: the libc calls, errno handling and the socket behind {@code ArpSockets}. */
package io.ipkeeper.agent.internal.packet;
