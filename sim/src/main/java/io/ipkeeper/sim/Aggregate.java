package io.ipkeeper.sim;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * Folds the summaries of several seeds into one ({@code aggregate.json}), field by field in the order of the first:
 * {@code seed} becomes the list of seeds; scenario, nodes, duration and legacy must be equal and are kept; a number
 * becomes {@code {median, min, max, runs}} over the runs where it is not null (the median of an even count is the mean
 * of the middle two); a boolean becomes {@code {true, runs}}; a nested summary is folded the same way. Deterministic:
 * the same summaries give the same aggregate.
 */
final class Aggregate {
    /** What makes runs comparable: must be equal in every run, and is kept as it is. */
    private static final Set<String> IDENTITY = Set.of("scenario", "nodes", "durationSeconds", "legacy", "antiEntropy");

    private Aggregate() {}

    static Summary of(List<Summary> runs) {
        if (runs.isEmpty()) {
            throw new IllegalArgumentException("nothing to aggregate");
        }
        Summary out = new Summary();
        for (String key : runs.getFirst().fields().keySet()) {
            List<Object> values = new ArrayList<>();
            for (Summary r : runs) {
                values.add(r.get(key));
            }
            out.put(key, fold(key, values));
        }
        return out;
    }

    private static Object fold(String key, List<Object> values) {
        if (key.equals("seed")) {
            return List.copyOf(values);
        }
        if (IDENTITY.contains(key)) {
            if (values.stream().distinct().count() != 1) {
                throw new IllegalArgumentException("runs of different " + key + " cannot be aggregated: " + values);
            }
            return values.getFirst();
        }
        Object first = values.stream().filter(Objects::nonNull).findFirst().orElse(null);
        return switch (first) {
            case Summary nested -> of(values.stream().map(Summary.class::cast).toList());
            case Boolean b -> new Summary().put("true", values.stream().filter(Boolean.TRUE::equals).count())
                    .put("runs", values.size());
            case String str -> List.copyOf(values);
            case null, default -> numbers(values);
        };
    }

    private static Summary numbers(List<Object> values) {
        List<Double> xs = new ArrayList<>();
        for (Object v : values) {
            if (v != null) {
                xs.add(((Number) v).doubleValue());
            }
        }
        xs.sort(null);
        Summary s = new Summary();
        if (xs.isEmpty()) {
            return s.put("median", null).put("min", null).put("max", null).put("runs", 0);
        }
        int n = xs.size();
        double median = n % 2 == 1 ? xs.get(n / 2) : (xs.get(n / 2 - 1) + xs.get(n / 2)) / 2;
        return s.put("median", median).put("min", xs.getFirst()).put("max", xs.getLast()).put("runs", n);
    }

    private static boolean allEqual(List<Object> values) {
        return values.stream().distinct().count() == 1;
    }
}
