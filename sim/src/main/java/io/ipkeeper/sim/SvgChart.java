package io.ipkeeper.sim;

import java.util.List;
import java.util.Locale;
import java.util.function.ToDoubleFunction;

/**
 * A hand-written SVG chart of a run: one panel per series (distinct views, suspicions per second, false positives,
 * bytes per node per second) over simulated time, each with its own y scale. No chart library.
 */
final class SvgChart {
    private static final int WIDTH = 900;
    private static final int PANEL = 150;
    private static final int LEFT = 70;
    private static final int RIGHT = 20;
    private static final int TOP = 40;
    private static final int GAP = 40;

    private record Series(String title, String colour, ToDoubleFunction<Sample> value) {}

    private static final List<Series> SERIES = List.of(
            new Series("distinct views among live nodes", "#1f77b4", Sample::distinctViews),
            new Series("suspicions raised per second (all nodes)", "#d62728", Sample::suspicions),
            new Series("false positives (cumulative)", "#9467bd", Sample::falsePositives),
            new Series("bytes sent per node per second", "#2ca02c", Sample::bytesPerNode));

    private static final List<Series> COMPARED = List.of(
            new Series("distinct views among live nodes", "", Sample::distinctViews),
            new Series("suspicions raised per second (all nodes)", "", Sample::suspicions),
            new Series("broadcasts queued (all live nodes)", "", Sample::queuedBroadcasts));

    /** One run drawn in a comparison. */
    record Run(String label, String colour, List<Sample> samples) {}

    private SvgChart() {}

    /** Several runs of one scenario in one chart (e.g. the storm with and without the legacy removal). */
    static String compare(String title, List<Run> runs) {
        int height = TOP + COMPARED.size() * (PANEL + GAP) + 20;
        StringBuilder b = new StringBuilder();
        b.append(String.format(Locale.ROOT, "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"%d\" height=\"%d\" "
                + "font-family=\"sans-serif\" font-size=\"12\">%n", WIDTH, height));
        b.append("<rect width=\"100%\" height=\"100%\" fill=\"white\"/>\n");
        b.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"22\" font-size=\"15\">%s</text>%n", LEFT,
                escape(title)));
        int x = LEFT + 420;
        for (Run r : runs) {
            b.append(String.format(Locale.ROOT, "<rect x=\"%d\" y=\"12\" width=\"14\" height=\"4\" fill=\"%s\"/>"
                    + "<text x=\"%d\" y=\"20\">%s</text>%n", x, r.colour(), x + 18, escape(r.label())));
            x += 30 + 7 * r.label().length();
        }
        double maxX = 1;
        for (Run r : runs) {
            if (!r.samples().isEmpty()) {
                maxX = Math.max(maxX, r.samples().getLast().second());
            }
        }
        for (int p = 0; p < COMPARED.size(); p++) {
            Series s = COMPARED.get(p);
            int y0 = TOP + p * (PANEL + GAP) + 15;
            double maxY = 1;
            for (Run r : runs) {
                for (Sample v : r.samples()) {
                    maxY = Math.max(maxY, s.value().applyAsDouble(v));
                }
            }
            frame(b, s.title(), y0, maxX, maxY);
            for (Run r : runs) {
                line(b, r.samples(), s.value(), r.colour(), y0, maxX, maxY);
            }
        }
        return b.append("</svg>\n").toString();
    }

    static String write(String title, List<Sample> samples) {
        int height = TOP + SERIES.size() * (PANEL + GAP);
        StringBuilder b = new StringBuilder();
        b.append(String.format(Locale.ROOT, "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"%d\" height=\"%d\" "
                + "font-family=\"sans-serif\" font-size=\"12\">%n", WIDTH, height));
        b.append("<rect width=\"100%\" height=\"100%\" fill=\"white\"/>\n");
        b.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"22\" font-size=\"15\">%s</text>%n", LEFT,
                escape(title)));
        double maxX = samples.isEmpty() ? 1 : Math.max(1, samples.getLast().second());
        for (int p = 0; p < SERIES.size(); p++) {
            panel(b, SERIES.get(p), samples, TOP + p * (PANEL + GAP) + 15, maxX);
        }
        return b.append("</svg>\n").toString();
    }

    private static void panel(StringBuilder b, Series s, List<Sample> samples, int y0, double maxX) {
        double maxY = 1;
        for (Sample x : samples) {
            maxY = Math.max(maxY, s.value().applyAsDouble(x));
        }
        frame(b, s.title(), y0, maxX, maxY);
        line(b, samples, s.value(), s.colour(), y0, maxX, maxY);
    }

    private static void frame(StringBuilder b, String title, int y0, double maxX, double maxY) {
        int plotW = WIDTH - LEFT - RIGHT;
        b.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%d\">%s</text>%n", LEFT, y0 - 4, escape(title)));
        b.append(String.format(Locale.ROOT, "<rect x=\"%d\" y=\"%d\" width=\"%d\" height=\"%d\" fill=\"none\" "
                + "stroke=\"#999\"/>%n", LEFT, y0, plotW, PANEL));
        b.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%d\" text-anchor=\"end\">%s</text>%n", LEFT - 5,
                y0 + 10, label(maxY)));
        b.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%d\" text-anchor=\"end\">0</text>%n", LEFT - 5,
                y0 + PANEL));
        b.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%d\" text-anchor=\"end\">%s s</text>%n",
                LEFT + plotW, y0 + PANEL + 14, label(maxX)));
    }

    private static void line(StringBuilder b, List<Sample> samples, ToDoubleFunction<Sample> value, String colour,
            int y0, double maxX, double maxY) {
        int plotW = WIDTH - LEFT - RIGHT;
        StringBuilder points = new StringBuilder();
        for (Sample x : samples) {
            double px = LEFT + x.second() / maxX * plotW;
            double py = y0 + PANEL - value.applyAsDouble(x) / maxY * PANEL;
            points.append(String.format(Locale.ROOT, "%.1f,%.1f ", px, py));
        }
        b.append(String.format(Locale.ROOT, "<polyline fill=\"none\" stroke=\"%s\" stroke-width=\"1.5\" "
                + "points=\"%s\"/>%n", colour, points.toString().trim()));
    }

    private static String label(double v) {
        return v == Math.rint(v) ? Long.toString((long) v) : String.format(Locale.ROOT, "%.1f", v);
    }

    private static String escape(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }
}
