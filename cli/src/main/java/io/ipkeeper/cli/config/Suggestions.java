package io.ipkeeper.cli.config;

import java.util.Collection;
import java.util.Optional;

/** "Did you mean …?" for mistyped setting keys and flags. */
public final class Suggestions {
    private static final int MAX_DISTANCE = 3;

    private Suggestions() {}

    /** The candidate closest to {@code typed} by edit distance, if it is close enough to be a likely typo. */
    public static Optional<String> closest(String typed, Collection<String> candidates) {
        String best = null;
        int bestDistance = Integer.MAX_VALUE;
        for (String c : candidates) {
            int d = editDistance(typed, c);
            if (d < bestDistance) {
                bestDistance = d;
                best = c;
            }
        }
        return bestDistance <= MAX_DISTANCE ? Optional.ofNullable(best) : Optional.empty();
    }

    /** Levenshtein distance (insert, delete, substitute), two rows of memory. */
    static int editDistance(String a, String b) {
        int[] prev = new int[b.length() + 1];
        int[] cur = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            prev[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            cur[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                cur[j] = Math.min(Math.min(cur[j - 1] + 1, prev[j] + 1), prev[j - 1] + cost);
            }
            int[] t = prev;
            prev = cur;
            cur = t;
        }
        return prev[b.length()];
    }
}
