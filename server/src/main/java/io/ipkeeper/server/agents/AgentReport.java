package io.ipkeeper.server.agents;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;

/**
 * Body of {@code POST /api/v1/agents/report}: what one host agent sends, as it sends it (validated by
 * {@link ReportValidator}). Every field but {@code interfaces} is optional.
 *
 * @param hostname the host's name, for people
 * @param version the agent's version
 * @param space the address space the host lives in (id or name); may be left out when there is only one space
 * @param arpWatch whether the agent watches ARP (false: inventory only, e.g. without CAP_NET_RAW)
 * @param reportIntervalSeconds how often the agent reports at the latest; the server calls it dead after three missed
 * @param interfaces the host's interfaces with their MACs and addresses ({@code 198.18.0.10/24})
 * @param observations ARP sightings since the last report
 */
public record AgentReport(String hostname, String version, JsonNode space, Boolean arpWatch,
                          Integer reportIntervalSeconds, List<Interface> interfaces, List<Observation> observations) {

    /**
     * One interface of the host; {@code watched} says whether the agent listens to ARP on it (default true), which is
     * what makes its subnets covered.
     */
    public record Interface(String name, String mac, List<String> addresses, Boolean watched) {}

    /**
     * One coalesced sighting. Times are ages relative to the moment the agent sent the report, so the server can stamp
     * them with its own clock.
     */
    public record Observation(String address, String mac, String interfaceName, String kind, Long count,
                              Long firstSeenAgoMillis, Long lastSeenAgoMillis) {}
}
