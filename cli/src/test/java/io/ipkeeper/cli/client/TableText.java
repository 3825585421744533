package io.ipkeeper.cli.client;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Reads a human table back (header line, then rows; cells are two or more spaces apart) for assertions. */
final class TableText {
    private TableText() {}

    static List<Map<String, String>> rows(String text) {
        List<String> lines = text.lines().filter(l -> !l.isBlank()).toList();
        if (lines.isEmpty()) {
            throw new AssertionError("no table in: " + text);
        }
        // Column starts come from the header, so empty-looking cells cannot shift the others.
        String header = lines.getFirst();
        List<Integer> starts = new ArrayList<>();
        List<String> names = new ArrayList<>();
        var m = java.util.regex.Pattern.compile("\\S+").matcher(header);
        while (m.find()) {
            starts.add(m.start());
            names.add(m.group());
        }
        List<Map<String, String>> rows = new ArrayList<>();
        for (String line : lines.subList(1, lines.size())) {
            Map<String, String> row = new LinkedHashMap<>();
            for (int i = 0; i < starts.size(); i++) {
                int from = Math.min(starts.get(i), line.length());
                int to = i + 1 < starts.size() ? Math.min(starts.get(i + 1), line.length()) : line.length();
                row.put(names.get(i), line.substring(from, to).strip());
            }
            rows.add(row);
        }
        return rows;
    }

    /** The FIELD/VALUE table of a show command as a map. */
    static Map<String, String> fields(String text) {
        Map<String, String> out = new LinkedHashMap<>();
        for (Map<String, String> r : rows(text)) {
            out.put(r.get("FIELD"), r.get("VALUE"));
        }
        return out;
    }
}
