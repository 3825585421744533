package io.ipkeeper.cli.gossip;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

/** {@code ipkeeper members} output: an aligned table like {@code serf members}, or JSON like its {@code -format=json}. */
final class MembersOutput {
    private MembersOutput() {}

    /** Columns NAME, ADDRESS, STATUS (and TAGS with {@code serf}), padded to the widest cell; one row per member. */
    static String table(List<MemberRow> rows, boolean serf) {
        List<List<String>> cells = new ArrayList<>();
        cells.add(serf ? List.of("NAME", "ADDRESS", "STATUS", "TAGS") : List.of("NAME", "ADDRESS", "STATUS"));
        for (MemberRow r : rows) {
            List<String> line = new ArrayList<>(List.of(r.name(), r.address() + ":" + r.port(), r.status()));
            if (serf) {
                line.add(tagText(r.tags()));
            }
            cells.add(line);
        }
        int columns = cells.getFirst().size();
        int[] width = new int[columns];
        for (List<String> line : cells) {
            for (int i = 0; i < columns; i++) {
                width[i] = Math.max(width[i], line.get(i).length());
            }
        }
        StringBuilder sb = new StringBuilder();
        for (List<String> line : cells) {
            StringBuilder l = new StringBuilder();
            for (int i = 0; i < columns; i++) {
                l.append(i == columns - 1 ? line.get(i) : String.format("%-" + (width[i] + 2) + "s", line.get(i)));
            }
            sb.append(l.toString().stripTrailing()).append('\n');
        }
        return sb.toString();
    }

    /** {@code {"members":[{"name","addr":"ip:port","port","status","meta_hex"[,"tags"]}]}}. */
    static String json(List<MemberRow> rows) {
        List<Map<String, Object>> members = new ArrayList<>();
        for (MemberRow r : rows) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("name", r.name());
            m.put("addr", r.address() + ":" + r.port());
            m.put("port", r.port());
            m.put("status", r.status());
            m.put("meta_hex", r.metaHex());
            if (r.tags() != null) {
                m.put("tags", new TreeMap<>(r.tags()));
            }
            members.add(m);
        }
        return JsonLines.format(Map.of("members", members));
    }

    /** {@code k=v,k2=v2} in key order, as {@code serf members} prints tags. */
    static String tagText(Map<String, String> tags) {
        return new TreeMap<>(tags).entrySet().stream().map(e -> e.getKey() + "=" + e.getValue())
                .collect(Collectors.joining(","));
    }
}
