package io.ipkeeper.agent.report;

import io.ipkeeper.agent.arp.ArpObservation;
import io.ipkeeper.agent.inventory.HostInterface;
import io.ipkeeper.agent.inventory.HostInventory;
import io.ipkeeper.agent.inventory.InterfaceAddress;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** The JSON object of {@code POST /api/v1/agents/report} (docs/api.md, "Agents"), built from what the agent knows. */
final class ReportBody {
    private ReportBody() {}

    static Map<String, Object> of(ReporterConfig config, HostInventory inventory, boolean arpWatch,
                                  List<ArpObservation> observations, Instant now, long maxAgeMillis) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("hostname", config.hostname());
        m.put("version", config.version());
        if (config.space() != null) {
            m.put("space", config.space());
        }
        m.put("arpWatch", arpWatch);
        m.put("reportIntervalSeconds", Math.max(1, config.heartbeat().toSeconds()));
        List<Map<String, Object>> interfaces = new ArrayList<>();
        for (HostInterface i : inventory.interfaces()) {
            Map<String, Object> im = new LinkedHashMap<>();
            im.put("name", i.name());
            // loopback reports 00:00:00:00:00:00: that names no station, so it is sent as "no MAC"
            i.mac().filter(mac -> !mac.isZero()).ifPresent(mac -> im.put("mac", mac.toString()));
            List<String> addresses = new ArrayList<>();
            for (InterfaceAddress a : i.addresses()) {
                addresses.add(a.address().getHostAddress().replaceFirst("%.*$", "") + "/" + a.prefixLength());
            }
            im.put("addresses", addresses);
            interfaces.add(im);
        }
        m.put("interfaces", interfaces);
        List<Map<String, Object>> seen = new ArrayList<>();
        for (ArpObservation o : observations) {
            long lastAgo = Math.max(0, now.toEpochMilli() - o.lastSeen().toEpochMilli());
            long firstAgo = Math.max(lastAgo, now.toEpochMilli() - o.firstSeen().toEpochMilli());
            if (firstAgo > maxAgeMillis) {
                continue;
            }
            Map<String, Object> om = new LinkedHashMap<>();
            om.put("address", o.address().getHostAddress());
            om.put("mac", o.mac().toString());
            om.put("interfaceName", o.interfaceName());
            om.put("kind", o.kind().name().toLowerCase(Locale.ROOT));
            om.put("count", o.count());
            om.put("firstSeenAgoMillis", firstAgo);
            om.put("lastSeenAgoMillis", lastAgo);
            seen.add(om);
        }
        m.put("observations", seen);
        return m;
    }
}
