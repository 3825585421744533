/**
 * The agent as a gossip (Serf) member: {@code role=agent} tags, finding trusted servers through their {@code role=server}
 * tags, and broadcasting conflicts it sees on its segment as user events (docs/agent.md, "Gossip").
 */
package io.ipkeeper.agent.gossip;
