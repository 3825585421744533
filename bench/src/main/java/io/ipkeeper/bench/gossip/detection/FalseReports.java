package io.ipkeeper.bench.gossip.detection;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reports about nodes that were not killed: every one is a false positive. Three kinds, from weakest to strongest:
 * a suspect state seen in a member snapshot (sampled every 500 ms, so short suspicions can slip through), a suspicion
 * raised by a failed probe (memberlist's INFO line "Suspect X has failed, no acks received", and the same line that
 * ipkeeper logs at DEBUG, switched on for the run), and a failure ({@code leave} event). A report about the killed node
 * between its kill and the moment its cluster was whole and quiet again is expected, not counted.
 */
record FalseReports(int failures, int suspicionsRaised, int suspectSnapshots, int expectedSuspicionsRaised,
        List<String> examples) {

    private static final Pattern SUSPECT_LOG = Pattern.compile("(?i)suspect (\\S+) has failed, no acks received");

    static FalseReports scan(Cluster cluster) {
        int failures = 0;
        int raised = 0;
        int expectedRaised = 0;
        int snapshots = 0;
        List<String> examples = new ArrayList<>();
        for (NodeProcess p : cluster.allProcesses()) {
            Set<String> suspectBefore = new HashSet<>();
            for (TimedLine e : p.events()) {
                if (e.kind().equals("leave") && !cluster.explainedByKill(e.node(), e.nanos())) {
                    failures++;
                    note(examples, p.name() + " reported " + e.node() + " " + e.state());
                } else if (e.kind().equals("members")) {
                    Set<String> suspectNow = new HashSet<>();
                    for (JsonNode m : e.json().path("members")) {
                        if (m.path("state").asText().equals("suspect")) {
                            suspectNow.add(m.path("node").asText());
                        }
                    }
                    for (String s : suspectNow) {
                        if (!suspectBefore.contains(s) && !cluster.explainedByKill(s, e.nanos())) {
                            snapshots++;
                            note(examples, p.name() + " listed " + s + " as suspect");
                        }
                    }
                    suspectBefore = suspectNow;
                }
            }
            for (TimedLine line : p.logLines()) {
                Matcher m = SUSPECT_LOG.matcher(line.text());
                if (m.find()) {
                    if (cluster.explainedByKill(m.group(1), line.nanos())) {
                        expectedRaised++;
                    } else {
                        raised++;
                        note(examples, p.name() + " suspected " + m.group(1) + " (probe failed)");
                    }
                }
            }
        }
        return new FalseReports(failures, raised, snapshots, expectedRaised, examples);
    }

    private static void note(List<String> examples, String what) {
        if (examples.size() < 10) {
            examples.add(what);
        }
    }
}
