package io.ipkeeper.server.bosh;

import java.util.List;
import java.util.Map;

/**
 * A minimal YAML writer for maps of strings, numbers, booleans, lists and maps: enough for a cloud-config fragment,
 * without a YAML library. Every string is double-quoted, so nothing is re-typed by a reader (YAML 1.1 readers turn a
 * bare {@code no} into false, and an address range with {@code :} could read as a key).
 */
final class Yaml {
    private Yaml() {}

    /** {@code comments} become {@code # } lines before the document. */
    static String write(List<String> comments, Map<String, ?> document) {
        StringBuilder sb = new StringBuilder();
        for (String c : comments) {
            sb.append("# ").append(c.replace('\n', ' ')).append('\n');
        }
        map(sb, document, 0);
        return sb.toString();
    }

    private static void map(StringBuilder sb, Map<String, ?> m, int indent) {
        for (Map.Entry<String, ?> e : m.entrySet()) {
            sb.append(" ".repeat(indent)).append(key(e.getKey())).append(':');
            value(sb, e.getValue(), indent);
        }
    }

    private static void value(StringBuilder sb, Object v, int indent) {
        if (v instanceof Map<?, ?> m && !m.isEmpty()) {
            sb.append('\n');
            @SuppressWarnings("unchecked")
            Map<String, ?> typed = (Map<String, ?>) m;
            map(sb, typed, indent + 2);
        } else if (v instanceof List<?> l && !l.isEmpty()) {
            sb.append('\n');
            for (Object item : l) {
                sb.append(" ".repeat(indent)).append("- ").append(scalar(item)).append('\n');
            }
        } else {
            sb.append(' ').append(v instanceof Map<?, ?> ? "{}" : v instanceof List<?> ? "[]" : scalar(v)).append('\n');
        }
    }

    private static String key(String k) {
        return k.matches("[A-Za-z_][A-Za-z0-9_]*") ? k : quote(k);
    }

    private static String scalar(Object v) {
        if (v == null) {
            return "null";
        }
        if (v instanceof Number || v instanceof Boolean) {
            return v.toString();
        }
        if (v instanceof Map<?, ?> || v instanceof List<?>) {
            throw new IllegalArgumentException("nested collections inside lists are not supported");
        }
        return quote(v.toString());
    }

    /**
     * A double-quoted YAML string: quote, backslash and every character YAML does not allow raw (controls, line
     * separators, lone surrogates, BOM) escaped.
     */
    static String quote(String s) {
        StringBuilder sb = new StringBuilder("\"");
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '"' || c == '\\') {
                sb.append('\\').append(c);
            } else if (Character.isHighSurrogate(c) && i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1))) {
                sb.append(c).append(s.charAt(++i));
            } else if (printable(c)) {
                sb.append(c);
            } else {
                sb.append(String.format("\\u%04x", (int) c));
            }
        }
        return sb.append('"').toString();
    }

    /** YAML 1.2's printable set (section 5.1), minus the line breaks and the BOM, which must be escaped here. */
    private static boolean printable(char c) {
        return (c >= 0x20 && c <= 0x7e) || (c >= 0xa0 && c <= 0xd7ff && c != 0x2028 && c != 0x2029)
                || (c >= 0xe000 && c <= 0xfffd && c != 0xfeff);
    }
}
