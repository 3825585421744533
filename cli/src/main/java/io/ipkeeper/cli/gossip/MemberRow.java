package io.ipkeeper.cli.gossip;

import java.util.Map;

/**
 * One line of {@code ipkeeper members}.
 *
 * @param status alive, suspect, dead or left (plain memberlist); alive, leaving, left or failed (with {@code --serf})
 * @param tags Serf tags, or null without {@code --serf}
 */
record MemberRow(String name, String address, int port, String status, Map<String, String> tags, String metaHex) {}
