package org.memvirt.lesson;

import java.util.Collection;
import java.util.Locale;

/** Suggests the known name closest to a misspelt one (Levenshtein distance, ignoring case). */
final class DidYouMean {
    private static final int MAX_LISTED = 12;
    private DidYouMean() {
    }

    /** The closest candidate if it is close enough to be a likely typo, else null. */
    static String closest(String wrong, Collection<String> candidates) {
        String w = wrong.toLowerCase(Locale.ROOT);
        String best = null;
        int bestDistance = Integer.MAX_VALUE;
        for (String c : candidates) {
            int d = distance(w, c.toLowerCase(Locale.ROOT));
            if (d < bestDistance) {
                bestDistance = d;
                best = c;
            }
        }
        int allowed = Math.max(1, Math.min(3, wrong.length() / 3));
        return best != null && bestDistance <= allowed ? best : null;
    }

    /** "; did you mean 'x'?" or ", expected one of: a, b, c". */
    static String hint(String wrong, Collection<String> candidates) {
        String c = closest(wrong, candidates);
        if (c != null) {
            return "; did you mean '" + c + "'?";
        }
        if (candidates.size() > MAX_LISTED) {
            return " (docs/lesson-format.md lists what is allowed)";
        }
        return " (expected one of: " + String.join(", ", candidates) + ")";
    }

    /** Edit distance counting a swap of neighbours as one edit (optimal string alignment). */
    static int distance(String a, String b) {
        if (Math.abs(a.length() - b.length()) > 8) {
            return Math.abs(a.length() - b.length());
        }
        int[][] d = new int[a.length() + 1][b.length() + 1];
        for (int i = 0; i <= a.length(); i++) {
            d[i][0] = i;
        }
        for (int j = 0; j <= b.length(); j++) {
            d[0][j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                d[i][j] = Math.min(Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1), d[i - 1][j - 1] + cost);
                if (i > 1 && j > 1 && a.charAt(i - 1) == b.charAt(j - 2) && a.charAt(i - 2) == b.charAt(j - 1)) {
                    d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
                }
            }
        }
        return d[a.length()][b.length()];
    }
}
