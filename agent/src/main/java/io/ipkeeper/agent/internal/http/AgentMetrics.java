package io.ipkeeper.agent.internal.http;

import io.ipkeeper.agent.arp.ArpWatchStats;
import io.ipkeeper.agent.report.ReporterStats;

/** The agent's counters in the Prometheus text format (names {@code ipkeeper_agent_*}). */
public final class AgentMetrics {
    private AgentMetrics() {}

    /** {@code arp} is null in inventory-only mode. */
    public static String render(ReporterStats reports, ArpWatchStats arp) {
        StringBuilder b = new StringBuilder();
        counter(b, "ipkeeper_agent_reports_sent_total", "reports the server took", reports.reportsSent());
        counter(b, "ipkeeper_agent_reports_failed_total", "reports not delivered (server unreachable or 5xx)",
                reports.reportsFailed());
        counter(b, "ipkeeper_agent_reports_rejected_total", "reports the server refused (4xx)", reports.reportsRejected());
        counter(b, "ipkeeper_agent_observations_sent_total", "observations delivered", reports.observationsSent());
        counter(b, "ipkeeper_agent_observations_dropped_total", "observations dropped (offline overflow or refused)",
                reports.observationsDropped());
        gauge(b, "ipkeeper_agent_observations_pending", "observations waiting to be reported", reports.pending());
        gauge(b, "ipkeeper_agent_arp_watch", "1 when ARP is watched, 0 in inventory-only mode", arp == null ? 0 : 1);
        if (arp != null) {
            counter(b, "ipkeeper_agent_arp_frames_total", "ARP frames heard", arp.framesHeard());
            counter(b, "ipkeeper_agent_arp_frames_dropped_total", "ARP frames dropped by the flood limit",
                    arp.framesDropped());
            counter(b, "ipkeeper_agent_arp_frames_malformed_total", "malformed frames skipped", arp.malformedFrames());
        }
        return b.toString();
    }

    private static void counter(StringBuilder b, String name, String help, long value) {
        b.append("# HELP ").append(name).append(' ').append(help).append('\n');
        b.append("# TYPE ").append(name).append(" counter\n").append(name).append(' ').append(value).append('\n');
    }

    private static void gauge(StringBuilder b, String name, String help, long value) {
        b.append("# HELP ").append(name).append(' ').append(help).append('\n');
        b.append("# TYPE ").append(name).append(" gauge\n").append(name).append(' ').append(value).append('\n');
    }
}
