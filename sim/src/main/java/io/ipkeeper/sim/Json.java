package io.ipkeeper.sim;

import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A tiny deterministic JSON writer: fields in insertion order, lists of scalars, numbers in a locale-independent form.
 */
final class Json {
    private Json() {}

    static String write(Summary s) {
        StringBuilder b = new StringBuilder();
        write(b, s, "");
        return b.append('\n').toString();
    }

    private static void write(StringBuilder b, Summary s, String indent) {
        b.append("{\n");
        String inner = indent + "  ";
        int i = 0;
        for (Map.Entry<String, Object> e : s.fields().entrySet()) {
            b.append(inner).append('"').append(e.getKey()).append("\": ");
            value(b, e.getValue(), inner);
            b.append(++i < s.fields().size() ? ",\n" : "\n");
        }
        b.append(indent).append('}');
    }

    private static void value(StringBuilder b, Object v, String indent) {
        switch (v) {
            case null -> b.append("null");
            case Summary nested -> write(b, nested, indent);
            case List<?> list -> {
                b.append('[');
                for (int i = 0; i < list.size(); i++) {
                    value(b, list.get(i), indent);
                    b.append(i + 1 < list.size() ? ", " : "");
                }
                b.append(']');
            }
            case Double d -> b.append(d.isNaN() || d.isInfinite() ? "null" : number(d));
            case Number n -> b.append(n);
            case Boolean bool -> b.append(bool);
            default -> b.append('"').append(escape(v.toString())).append('"');
        }
    }

    private static String number(double d) {
        if (d == Math.rint(d) && Math.abs(d) < 1e15) {
            return Long.toString((long) d);
        }
        String fixed = String.format(Locale.ROOT, "%.3f", d).replaceAll("0+$", "");
        return fixed.endsWith(".") ? fixed + "0" : fixed;
    }

    private static String escape(String s) {
        return s.replace("\\", "\\\\").replace("\"", "\\\"");
    }
}
