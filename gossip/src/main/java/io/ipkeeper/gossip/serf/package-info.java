/**
 * Serf 0.9.4 compatibility on top of the gossip node (spec §6): tags in node meta, Serf's delegate protocol versions,
 * Lamport clocks, join/leave intents and user events, so a node shows up in {@code serf members} with its tags, takes
 * part in {@code serf event}, and leaves as {@code left}. Serf queries are not answered (see {@code docs/gossip.md}).
 */
package io.ipkeeper.gossip.serf;
